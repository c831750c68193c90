/**
 * procedure/approval-route for 厅市会商 议定书. 《厅市会商工作管理办法》第十六条：区域创新处审核并征求
 * 处室意见后送交厅长办公会审定；经科技厅和市级人民政府批准，由市级人民政府向省科技厅正式行文.
 * The record: 审批方式 厅长办公会, and 批准文件 (the city government's formal letter).
 */
import type { CheckContext } from '../context';
import { insertKeyFix } from '../checks/procedures';
import { readRecord } from '../records/record';
import { frontMatterAnchor, frontMatterUsable } from '../records/recordStep';
import { isTsh } from '../records/scope';
import { documentStage } from '../stage';

export const id = 'procedure/approval-route';

export function checkTshApproval(context: CheckContext): void {
  if (!frontMatterUsable(context) || !isTsh(context)) return;
  const fm = context.doc.frontMatter;
  if (fm.data['文种'] !== '议定书' || !['送审', '已签署', '已归档'].includes(documentStage(fm.data))) return;
  const citation = context.rules.resolve({ regulation: 'hbkjt-tsh', article: '第十六条' });
  const route = fm.data['审批方式'];
  if (route !== '厅长办公会') {
    const entry = fm.entries.get('审批方式');
    context.report({
      rule: id,
      severity: 'warning',
      message: `工作会商制度议定书须送交厅长办公会审定，${entry ? `文件头审批方式为“${String(route)}”` : '文件头未记录审批方式'}。请写明“审批方式: 厅长办公会”。`,
      span: entry ? entry.valueSpan : frontMatterAnchor(context, '文种'),
      citation,
      fixes: () => entry
        ? [{ title: '改为“厅长办公会”', edits: [{ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: '厅长办公会' }], safe: false, preferred: true }]
        : [insertKeyFix(context, '审批方式', '厅长办公会')],
    });
  }
  if (readRecord(fm.data['批准文件']).kind === 'given') return;
  context.report({
    rule: id,
    severity: 'warning',
    message: `议定书须经科技厅和市级人民政府批准，并由市级人民政府向省科技厅正式行文；文件头${fm.entries.has('批准文件') ? '“批准文件”尚未填写实际内容' : '未记录批准文件'}。请在“批准文件”中写明市政府行文的文号和日期。`,
    span: frontMatterAnchor(context, '批准文件', '审批方式', '文种'),
    citation,
    fixes: () => fm.entries.has('批准文件') ? [] : [insertKeyFix(context, '批准文件', '（写明市政府正式行文的文号和日期）')],
  });
}
