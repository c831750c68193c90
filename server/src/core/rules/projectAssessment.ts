/**
 * procedure/project-assessment — 合作项目调研评估. 河北政办〔2017〕47号 三(一)：牵头单位“要对合作项目
 * 进行调研评估” — whoever the counterparty is (the counterparty's own assessment is
 * procedure/counterparty-assessment).
 */
import type { CheckContext } from '../context';
import { checkRecordStep, type RecordStep } from '../records/recordStep';
import { isHb47 } from '../records/scope';

export const id = 'procedure/project-assessment';

const step: RecordStep = {
  id,
  key: '项目评估',
  label: '合作项目调研评估',
  stages: ['送审', '已签署', '已归档'],
  applies: (c) => (isHb47(c) ? '签约前须对合作项目进行调研评估，不论合作方性质' : null),
  advice: '请对合作项目进行调研评估，并在文件头“项目评估”中写明评估单位、日期和结论。',
  insertValue: '（写明合作项目调研评估的单位、日期和结论）',
  citation: { regulation: 'hb-2017-47', article: '三(一)' },
};

export function checkProjectAssessment(context: CheckContext): void {
  checkRecordStep(context, step);
}
