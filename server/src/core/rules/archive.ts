/**
 * procedure/archive — 统一归档. 河北政办〔2017〕47号 四(一)：牵头单位要及时送交协议文本原件，同时出具
 * 简要说明，注明协议签署的背景、时间、地点、签署人等. Sealing (用印日期) is not archiving: once
 * signed, 归档日期 is what counts, and it cannot precede the signing. The 简要说明's place of
 * signing is asked for once the original is archived (签署人 is procedure/signatory's).
 */
import type { CheckContext } from '../context';
import { isoOf } from '../records/dates';
import { frontMatterAnchor, frontMatterUsable } from '../records/recordStep';
import { readRecord } from '../records/record';
import { hasRegulation, isHb47 } from '../records/scope';
import { documentStage, isSigned } from '../stage';

export const id = 'procedure/archive';

export function checkArchive(context: CheckContext): void {
  if (!frontMatterUsable(context) || !hasRegulation(context, 'hb-2017-47')) return;
  const fm = context.doc.frontMatter;
  const data = fm.data;
  const stage = documentStage(data);
  if (!isSigned(stage)) return;
  const citation = context.rules.resolve({ regulation: 'hb-2017-47', article: '四(一)' });
  const seeAlso = [context.rules.resolve({ regulation: 'hb-2017-47', article: '三(五)' })].filter((c) => c !== undefined);
  const archived = isoOf(data['归档日期']);
  const signed = isoOf(data['签署日期']);
  if (!archived) {
    const sealedOnly = isoOf(data['用印日期'])
      ? '文件头只记录了用印日期：用印不等于归档。'
      : signed
        ? '文件头已写签署日期，但未记录归档日期。'
        : '协议已签署，但文件头未记录用印或归档日期。';
    context.report({
      rule: id,
      severity: 'hint',
      message: `${sealedOnly}协议文本原件应及时送交区政府办公室统一归档，并出具简要说明（签署背景、时间、地点、签署人）；归档后在文件头“归档日期”中记录。`,
      span: frontMatterAnchor(context, '签署日期', '阶段'),
      citation,
      seeAlso,
    });
    return;
  }
  const span = fm.entries.get('归档日期')!.valueSpan;
  if (signed && archived < signed) {
    context.report({ rule: id, severity: 'warning', message: `归档日期（${archived}）早于签署日期（${signed}）：归档的是签署后的协议原件。请核对日期。`, span, citation });
    return;
  }
  if (isHb47(context) && readRecord(data['签署地点']).kind !== 'given') {
    context.report({
      rule: id,
      severity: 'hint',
      message: '协议已归档，文件头未记录签署地点：送交原件时出具的简要说明须注明协议签署的背景、时间、地点、签署人。请在文件头“签署地点”中记录。',
      span: frontMatterAnchor(context, '签署地点', '归档日期'),
      citation,
    });
  }
}
