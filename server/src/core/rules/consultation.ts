/**
 * procedure/consultation — 征求意见. 河北政办〔2017〕47号 三(二)：“协议文本起草后，要征求相关部门和
 * 地区的意见”；三(三)：“要广泛征求相关单位意见”.
 */
import type { CheckContext } from '../context';
import { checkRecordStep, type RecordStep } from '../records/recordStep';
import { isHb47 } from '../records/scope';

export const id = 'procedure/consultation';

const step: RecordStep = {
  id,
  key: '征求意见',
  label: '征求相关部门和地区意见',
  stages: ['送审', '已签署', '已归档'],
  applies: (c) => (isHb47(c) ? '协议文本起草后须征求相关部门和地区的意见' : null),
  advice: '请征求相关部门和地区意见，并在文件头“征求意见”中写明征求了哪些单位、日期和意见处理情况。',
  insertValue: '（写明征求意见的单位、日期和处理情况）',
  citation: { regulation: 'hb-2017-47', article: '三(二)' },
  before: ['合法性审查'],
};

export function checkConsultation(context: CheckContext): void {
  checkRecordStep(context, step);
}
