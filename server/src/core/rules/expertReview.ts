/**
 * procedure/expert-review — 专家论证. 海安市信用办通知 四(二)：拟订的合同须履行专家论证程序（二(一)11：
 * 框架协议、战略合作协议也是政府合同）；河北政办〔2017〕47号 三(二)：重大、疑难事项应召开座谈会、
 * 论证会充分听取意见. A 47号 agreement counts as 重大 when its record says so (涉及事项 重大决策/
 * 全局性/政策性, or 审批方式 常务会议).
 */
import type { CheckContext } from '../context';
import { checkRecordStep, type RecordStep } from '../records/recordStep';
import { categoryOf, isHb47, isMajorMatter as major, isStrategicAgreement } from '../records/scope';

export const id = 'procedure/expert-review';

const step: RecordStep = {
  id,
  key: '专家论证',
  label: '专家论证（座谈会、论证会）',
  stages: ['送审', '已签署', '已归档'],
  applies: (c) =>
    categoryOf(c) === '政府合同'
      ? '政府合同拟订时须履行专家论证程序'
      : isStrategicAgreement(c)
        ? '战略合作协议、框架协议也属政府合同，须履行专家论证程序'
        : isHb47(c) && major(c)
          ? '协议属重大事项，应召开专家参加的座谈会、论证会'
          : null,
  advice: '请组织专家论证（召开座谈会、论证会），并在文件头“专家论证”中写明论证形式、日期和结论（风险评估另行记录）。',
  insertValue: '（写明论证形式、日期和结论）',
  citation: { regulation: 'haian-2024-lyjn', article: '四(二)' },
  seeAlso: [{ regulation: 'hb-2017-47', article: '三(二)' }],
};

export function checkExpertReview(context: CheckContext): void {
  if (isHb47(context) && !isStrategicAgreement(context)) checkRecordStep(context, { ...step, citation: { regulation: 'hb-2017-47', article: '三(二)' }, seeAlso: undefined });
  else checkRecordStep(context, step);
}
