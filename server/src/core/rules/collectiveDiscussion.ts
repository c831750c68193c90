/**
 * procedure/collective-discussion — 集体讨论研究. 海安市信用办通知 四(二)：拟订的合同须集体讨论研究.
 * A meeting route (审批方式 区长办公会议 or 常务会议) is a collective discussion; 审签 is not.
 */
import type { CheckContext } from '../context';
import { checkRecordStep, type RecordStep } from '../records/recordStep';
import { isGovernmentContract } from '../records/scope';

export const id = 'procedure/collective-discussion';

const step: RecordStep = {
  id,
  key: '集体讨论',
  label: '集体讨论研究',
  stages: ['送审', '已签署', '已归档'],
  applies: (c) => (isGovernmentContract(c) ? '政府合同须经集体讨论研究' : null),
  alsoSatisfiedBy: (c) => ['区长办公会议', '常务会议'].includes(String(c.doc.frontMatter.data['审批方式'] ?? '')),
  advice: '请提交会议集体讨论研究，并在文件头“集体讨论”中写明会议名称、日期和结论（或在“审批方式”中写明区长办公会议、常务会议）。',
  insertValue: '（写明会议名称、日期和结论）',
  citation: { regulation: 'haian-2024-lyjn', article: '四(二)' },
};

export function checkCollectiveDiscussion(context: CheckContext): void {
  checkRecordStep(context, step);
}
