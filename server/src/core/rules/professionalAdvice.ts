/**
 * procedure/professional-advice — 法律部门、专业机构意见. 海安市信用办通知 四(二)：“对专业性强的合同，
 * 还要充分咨询法律部门、专业机构意见。” 专业性强 is read from 合同类型: PPP, 特许经营, 国有资产,
 * 国有自然资源使用权 and 政府投资项目建设 contracts.
 */
import type { CheckContext } from '../context';
import { checkRecordStep, type RecordStep } from '../records/recordStep';
import { isGovernmentContract } from '../records/scope';

export const id = 'procedure/professional-advice';

const SPECIALIST = ['政府和社会资本合作项目合同', '政府特许经营合同', '国有资产合同', '国有自然资源使用权合同', '政府投资项目建设合同'];

const step: RecordStep = {
  id,
  key: '专业机构意见',
  label: '法律部门、专业机构意见',
  stages: ['送审', '已签署', '已归档'],
  applies: (c) => {
    if (!isGovernmentContract(c)) return null;
    const type = c.doc.frontMatter.data['合同类型'];
    return typeof type === 'string' && SPECIALIST.includes(type) ? `${type}专业性强，须充分咨询法律部门、专业机构意见` : null;
  },
  advice: '请咨询法律部门和专业机构（律师事务所、会计师事务所、咨询机构等），并在文件头“专业机构意见”中写明机构、日期和意见。',
  insertValue: '（写明咨询的法律部门、专业机构、日期和意见）',
  citation: { regulation: 'haian-2024-lyjn', article: '四(二)' },
};

export function checkProfessionalAdvice(context: CheckContext): void {
  checkRecordStep(context, step);
}
