import type { AgreementDocument } from './parse';
import type { Finding } from './types';

/** Apply inline `agreement-disable` / `agreement-enable` comments to findings. */
export function applySuppressions(doc: AgreementDocument, findings: Finding[]): Finding[] {
  if (doc.directives.length === 0) return findings;
  // Disabled regions per rule id ('*' for all), as [start, end) offsets.
  const regions: Array<{ rule: string; start: number; end: number }> = [];
  const open = new Map<string, number>();
  const lineRules: Array<{ line: number; rules: string[] }> = [];
  for (const d of doc.directives) {
    const ids = d.rules.length > 0 ? d.rules : ['*'];
    if (d.kind === 'disable') {
      // A disable comment that opens the body also covers the front matter above it.
      const opensBody = d.span.start - doc.frontMatter.bodyStart <= 256 && doc.text.slice(doc.frontMatter.bodyStart, d.span.start).trim() === '';
      const from = opensBody ? 0 : d.span.end;
      for (const id of ids) if (!open.has(id)) open.set(id, from);
    } else if (d.kind === 'enable') {
      const closing = d.rules.length > 0 ? d.rules : [...open.keys()];
      for (const id of closing) {
        const start = open.get(id);
        if (start !== undefined) {
          regions.push({ rule: id, start, end: d.span.start });
          open.delete(id);
        }
      }
    } else {
      lineRules.push({ line: d.kind === 'disable-next-line' ? nextContentLine(doc, d.line) : d.line, rules: ids });
    }
  }
  for (const [id, start] of open) regions.push({ rule: id, start, end: doc.text.length });
  return findings.filter((f) => {
    const matches = (id: string) => id === '*' || id === f.rule || (id.endsWith('/*') && f.rule.startsWith(id.slice(0, -1)));
    if (regions.some((r) => matches(r.rule) && f.span.start >= r.start && f.span.start < r.end)) return false;
    if (lineRules.some((l) => l.line === f.range.start.line && l.rules.some(matches))) return false;
    return true;
  });
}

/** The next line after `line` that has content (blank lines are skipped). */
function nextContentLine(doc: AgreementDocument, line: number): number {
  for (let l = line + 1; l < doc.lines.lineCount; l++) {
    const start = doc.lines.lineStarts[l];
    if (doc.text.slice(start, doc.lines.lineContentEnd(l)).trim().length > 0) return l;
  }
  return line + 1;
}
