/**
 * procedure/legal-review — 牵头单位法律顾问意见（河北政办〔2017〕47号 三(三)：“协议文本起草过程中，
 * 要征求牵头单位的法律顾问意见。”）. A separate step from the 合法性审查 (procedure/legality-review):
 * one does not stand for the other. Expected once the draft goes for approval.
 */
import type { CheckContext } from '../context';
import { checkRecordStep, type RecordStep } from '../records/recordStep';
import { isHb47 } from '../records/scope';

export const id = 'procedure/legal-review';

const step: RecordStep = {
  id,
  key: '法律顾问意见',
  label: '牵头单位法律顾问意见',
  stages: ['送审', '已签署', '已归档'],
  applies: (c) => (isHb47(c) ? '协议文本起草过程中须征求牵头单位的法律顾问意见' : null),
  advice: '请征求牵头单位法律顾问意见，并在文件头“法律顾问意见”中写明出具人、日期和结论（与“合法性审查”分别记录）。',
  insertValue: '（写明法律顾问、出具日期和结论）',
  citation: { regulation: 'hb-2017-47', article: '三(三)' },
  before: ['合法性审查'],
};

export function checkLegalReview(context: CheckContext): void {
  checkRecordStep(context, step);
}
