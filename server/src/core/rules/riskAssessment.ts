/**
 * procedure/risk-assessment — 风险评估. 河北政办〔2017〕47号 三(一)：对政府签约履约风险进行论证分析；
 * 海安市信用办通知 四(二)：拟订的合同须履行风险评估程序 — 二(一)11 counts 框架协议、战略合作协议
 * as government contracts too. Expert review is its own step (procedure/expert-review).
 */
import type { CheckContext } from '../context';
import { checkRecordStep, type RecordStep } from '../records/recordStep';
import { categoryOf, isHb47, isStrategicAgreement } from '../records/scope';

export const id = 'procedure/risk-assessment';

const step: RecordStep = {
  id,
  key: '风险评估',
  label: '风险评估',
  stages: ['送审', '已签署', '已归档'],
  applies: (c) =>
    categoryOf(c) === '政府合同'
      ? '政府合同拟订时须履行风险评估程序'
      : isStrategicAgreement(c)
        ? '战略合作协议、框架协议也属政府合同，须履行风险评估程序；签约前须对政府签约履约风险进行论证分析'
        : isHb47(c)
          ? '签约前须对政府签约履约风险进行论证分析'
          : null,
  advice: '请对签约履约风险进行评估（合作方经营和财产状况、履约能力、不可抗力等），并在文件头“风险评估”中写明评估结论和日期。',
  insertValue: '（写明风险评估的结论和日期）',
  citation: { regulation: 'hb-2017-47', article: '三(一)' },
  seeAlso: [{ regulation: 'haian-2024-lyjn', article: '四(二)' }],
};

export function checkRiskAssessment(context: CheckContext): void {
  checkRecordStep(context, step);
}
