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
  // Index regions by rule id (sorted by start) and line rules by line, so each finding costs a lookup.
  const byRule = new Map<string, Array<{ start: number; end: number }>>();
  for (const r of regions) {
    const list = byRule.get(r.rule) ?? [];
    list.push(r);
    byRule.set(r.rule, list);
  }
  for (const list of byRule.values()) list.sort((a, b) => a.start - b.start);
  const byLine = new Map<number, string[]>();
  for (const l of lineRules) byLine.set(l.line, [...(byLine.get(l.line) ?? []), ...l.rules]);
  const covered = (id: string, offset: number) => {
    const list = byRule.get(id);
    if (!list) return false;
    // The last region starting at or before the offset; regions of one id never overlap.
    let low = 0;
    let high = list.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (list[mid].start <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found >= 0 && offset < list[found].end;
  };
  return findings.filter((f) => {
    const family = `${f.rule.split('/')[0]}/*`;
    const ids = ['*', f.rule, family];
    if (ids.some((id) => covered(id, f.span.start))) return false;
    const onLine = byLine.get(f.range.start.line);
    if (onLine && onLine.some((id) => ids.includes(id))) return false;
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
