/**
 * What a finding says on paper: in a Word comment (批注), in the review opinion (审查意见书)
 * and in the exported document. One wording for every writer.
 */
import { citationLabel } from '../../core/citation';
import type { Severity } from '../../core/pack/types';
import type { Finding, ResolvedCitation } from '../../core/types';
import { fixesOf } from '../../core/fixes/onDemand';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };
export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];

/** The parts of a finding the writers use (the CLI's slim findings and the core's both fit). */
export interface WrittenFinding {
  rule: string;
  severity: Severity;
  message: string;
  citation?: ResolvedCitation;
}

/** `河北政办〔2017〕47号《关于规范…的规定》四(三)`: 文号, title and article. */
export function citationLine(c: ResolvedCitation): string {
  if (!c.docNumber) return citationLabel(c).trim();
  return `${c.docNumber}《${c.title}》${c.article ? ` ${c.article}` : ''}`;
}

/** The rewording a finding proposes, when its preferred fix is one (a title such as 改为“依法依规”). */
export function adviceOf(f: WrittenFinding): string {
  // Its fixes are computed now (a finding `analyze` returned; any other has none to propose).
  const fixes = fixesOf(f as Finding);
  const fix = fixes.find((x) => x.preferred) ?? fixes[0];
  return fix ? fix.title : '';
}

/** The paragraphs of a comment: severity and message, the proposed change, the provision cited, the rule. */
export function commentParagraphs(f: WrittenFinding): string[] {
  const lines = [`【${SEVERITY_LABEL[f.severity]}】${f.message}`];
  const advice = adviceOf(f);
  if (advice) lines.push(`建议：${advice}`);
  if (f.citation) lines.push(`依据：${citationLine(f.citation)}`);
  lines.push(`（规则 ${f.rule}）`);
  return lines;
}
