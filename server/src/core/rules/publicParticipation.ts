/**
 * procedure/public-participation — 公众参与. 海安市信用办通知 四(二)：拟订的各类合同要严格履行公众参与
 * 程序. 不适用 with a reason is a record (a contract that touches no public interest).
 */
import type { CheckContext } from '../context';
import { checkRecordStep, type RecordStep } from '../records/recordStep';
import { isGovernmentContract } from '../records/scope';

export const id = 'procedure/public-participation';

const step: RecordStep = {
  id,
  key: '公众参与',
  label: '公众参与',
  stages: ['送审', '已签署', '已归档'],
  applies: (c) => (isGovernmentContract(c) ? '政府合同拟订时须履行公众参与程序' : null),
  advice: '请履行公众参与程序（公开征求意见、听证等），并在文件头“公众参与”中写明方式、日期和结果；确不适用的，写明“不适用”及理由。',
  insertValue: '（写明公众参与的方式、日期和结果）',
  citation: { regulation: 'haian-2024-lyjn', article: '四(二)' },
};

export function checkPublicParticipation(context: CheckContext): void {
  checkRecordStep(context, step);
}
