/**
 * procedure/party-committee-report — 向区委报告. 河北政办〔2017〕47号 三(四)：“凡属重大合作事项需向区委
 * 报告。” 重大 is read from the record (涉及事项 重大决策/全局性/政策性, or 审批方式 常务会议).
 */
import type { CheckContext } from '../context';
import { checkRecordStep, type RecordStep } from '../records/recordStep';
import { isHb47, isMajorMatter } from '../records/scope';

export const id = 'procedure/party-committee-report';

const step: RecordStep = {
  id,
  key: '区委报告',
  label: '向区委报告',
  stages: ['送审', '已签署', '已归档'],
  applies: (c) => (isHb47(c) && isMajorMatter(c) ? '属重大合作事项，须向区委报告' : null),
  advice: '请按程序向区委报告，并在文件头“区委报告”中写明报告日期和区委意见。',
  insertValue: '（写明向区委报告的日期和区委意见）',
  citation: { regulation: 'hb-2017-47', article: '三(四)' },
};

export function checkPartyCommitteeReport(context: CheckContext): void {
  checkRecordStep(context, step);
}
