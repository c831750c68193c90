import { analyze, type AnalyzeOptions } from '../analyze';
import type { RuleSet } from '../pack/ruleSet';
import { parseDocument } from '../parse';
import type { Finding, Fix, OffsetEdit, Span } from '../types';
import { applyEdits } from './edits';
import { fixesOf } from './onDemand';

export interface FixAllResult {
  text: string;
  /** Number of fixes applied. */
  applied: number;
  /** Findings left after fixing. */
  remaining: Finding[];
}

const MAX_ROUNDS = 200;
const MAX_REPEATS = 3;

/**
 * Apply every safe fix (optionally only of one rule), re-analysing after each
 * round so later fixes see earlier ones. Non-overlapping fixes are applied
 * together in one round. Pure; the result re-analyses to no safe fix left.
 *
 * A fix whose finding is still there afterwards did nothing useful (for example
 * a section inserted inside an unclosed ``` block, where it is not a heading):
 * fix-all starts again from the original text without it, so it never adds text
 * that does not resolve a finding, and running it twice changes nothing.
 */
export function fixAll(text: string, rules: RuleSet, options: FixAllOptions = {}): FixAllResult {
  const excluded = new Set<string>();
  let result = fixRounds(text, rules, options, excluded);
  for (let attempt = 0; attempt < 3 && result.ineffective.length > 0; attempt++) {
    result.ineffective.forEach((key) => excluded.add(key));
    result = fixRounds(text, rules, options, excluded);
  }
  return { text: result.text, applied: result.applied, remaining: result.remaining };
}

type FixAllOptions = AnalyzeOptions & { rule?: string; includeUnsafe?: boolean };

/** The fix fix-all would apply for a finding, and the key that identifies it across rounds. */
function candidate(f: Finding, options: FixAllOptions): { fix: Fix; key: string } | undefined {
  if (options.rule && f.rule !== options.rule) return undefined;
  const fix = fixesOf(f).find((x) => x.safe || (options.includeUnsafe && x.preferred));
  if (!fix || fix.edits.length === 0) return undefined;
  return { fix, key: `${f.rule}|${f.message}|${fix.title}` };
}

const MARKER = /^(第[一二三四五六七八九十百零〇两\d]+[章条]|[一二三四五六七八九十百零〇两]+、|\d+[．、.]|[（(][一二三四五六七八九十百零〇两\d]+[）)])$/;
const isBreak = (c: string | undefined) => c === '\n' || c === '\r';

/**
 * A safe fix may only add whole lines and swap heading markers: it never changes
 * the words of a line already there. Fix-all (run on save and by `--fix`, without
 * review) skips a safe fix that would, e.g. an insert at a line start with no line
 * break after it, which would glue itself to the next line (and unmake a heading).
 */
export function keepsExistingLines(text: string, fix: Fix): boolean {
  for (const edit of fix.edits) {
    if (edit.start !== edit.end && isKeyRename(text, edit)) continue;
    if (edit.start !== edit.end) {
      if (!MARKER.test(text.slice(edit.start, edit.end)) || !MARKER.test(edit.newText)) return false;
      continue;
    }
    const atLineStart = edit.start === 0 || isBreak(text[edit.start - 1]) || (edit.start === 1 && text.charCodeAt(0) === 0xfeff);
    const atLineEnd = edit.start === text.length || isBreak(text[edit.start]);
    const endsWithBreak = isBreak(edit.newText[edit.newText.length - 1]);
    const startsWithBreak = isBreak(edit.newText[0]);
    if (edit.newText.length === 0) continue;
    if (atLineStart && (endsWithBreak || atLineEnd)) continue;
    if (atLineEnd && startsWithBreak) continue;
    return false;
  }
  return true;
}

/** May fix-all apply this fix to `text` now? */
function allowed(text: string, fix: Fix, rewritten: Span[]): boolean {
  if (!fix.safe) return true;
  if (fix.kind === 'rewrite') return !fix.edits.some((e) => rewritten.some((r) => e.start < r.end && r.start < e.end));
  if (fix.kind === 'move') return movesLinesOnly(text, fix);
  return keepsExistingLines(text, fix);
}

/**
 * A section move keeps every line byte for byte, only elsewhere: the lines before and after,
 * heading markers set aside (the move renumbers them), are the same lines. Blank lines may
 * come and go where the moved block joins its new neighbours.
 */
export function movesLinesOnly(text: string, fix: Fix): boolean {
  let after: string;
  try {
    after = applyEdits(text, fix.edits);
  } catch {
    return false;
  }
  const lines = (s: string) =>
    s
      .split(/\r\n|\r|\n/)
      .filter((line) => line.trim().length > 0)
      .map((line) => line.replace(LINE_MARKER, ''))
      .sort();
  const before = lines(text);
  const now = lines(after);
  return before.length === now.length && before.every((line, i) => line === now[i]);
}

const LINE_MARKER = /^(第[一二三四五六七八九十百零〇两\d]+[章条]|[一二三四五六七八九十百零〇两]+、|\d+[．、.]|[（(][一二三四五六七八九十百零〇两\d]+[）)])/;

/** A front-matter key at a line start, before its colon, replaced by another key (类型 → 类别): the value stays. */
function isKeyRename(text: string, edit: { start: number; end: number; newText: string }): boolean {
  const key = /^[\p{Script=Han}]{2,8}$/u;
  return key.test(text.slice(edit.start, edit.end)) && key.test(edit.newText) && /^[ \t]*[:：]/.test(text.slice(edit.end)) && (edit.start === 0 || isBreak(text[edit.start - 1]));
}

function fixRounds(text: string, rules: RuleSet, options: FixAllOptions, excluded: Set<string>): FixAllResult & { ineffective: string[] } {
  let current = text;
  let applied = 0;
  let findings = analyze(parseDocument(current), rules, options);
  // A fix is applied again only if it resolved its finding each time (the same message may come
  // back later, e.g. numbering after an insert), and at most MAX_REPEATS times more than the
  // document has such findings (guards against loops). Alike findings (the same message in two
  // duplicated sections) share a key: a fix resolved its finding when fewer of them are left.
  const times = new Map<string, number>();
  const most = new Map<string, number>();
  const countKeys = (list: Finding[]) => {
    const counts = new Map<string, number>();
    for (const f of list) {
      const key = candidate(f, options)?.key;
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, n] of counts) most.set(key, Math.max(most.get(key) ?? 0, n));
    return counts;
  };
  let counts = countKeys(findings);
  const blocked = new Set<string>(excluded);
  const ineffective = new Set<string>();
  // Sentences already rewritten with a compliant wording (spans in the current text): never rewritten twice.
  let rewritten: Span[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const chosen: Array<{ fix: Fix; key: string }> = [];
    let lastEnd = -1;
    const candidates = findings
      .map((f) => candidate(f, options))
      .filter((x): x is { fix: Fix; key: string } => x !== undefined && !blocked.has(x.key) && (times.get(x.key) ?? 0) < MAX_REPEATS + (most.get(x.key) ?? 1) - 1)
      .filter((x) => allowed(current, x.fix, rewritten))
      .sort((a, b) => start(a.fix) - start(b.fix));
    for (const item of candidates) {
      if (start(item.fix) > lastEnd && !chosen.some((c) => c.key === item.key)) {
        chosen.push(item);
        lastEnd = end(item.fix);
      }
    }
    if (chosen.length === 0) break;
    let edits = chosen.flatMap((c) => c.fix.edits);
    try {
      current = applyEdits(current, edits);
    } catch {
      // Only a fix with overlapping or out-of-range edits of its own gets here: apply the first alone, or skip it.
      chosen.length = 1;
      edits = chosen[0].fix.edits;
      try {
        current = applyEdits(current, edits);
      } catch {
        blocked.add(chosen[0].key);
        continue;
      }
    }
    rewritten = followSpans(rewritten, edits, chosen.filter((c) => c.fix.kind === 'rewrite').flatMap((c) => c.fix.edits));
    applied += chosen.length;
    findings = analyze(parseDocument(current), rules, options);
    const before = counts;
    counts = countKeys(findings);
    for (const { key } of chosen) {
      times.set(key, (times.get(key) ?? 0) + 1);
      if ((counts.get(key) ?? 0) >= (before.get(key) ?? 0)) {
        // The fix did not resolve its finding: never again in this run, and not at all in the next.
        blocked.add(key);
        ineffective.add(key);
      }
    }
  }
  return { text: current, applied, remaining: findings, ineffective: [...ineffective] };
}

/**
 * The rewritten sentences' spans after `edits` were applied, plus those of the rewrites just
 * applied (`added`, among `edits`).
 */
function followSpans(spans: Span[], edits: OffsetEdit[], added: OffsetEdit[]): Span[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const map = (offset: number) => {
    let out = offset;
    for (const e of sorted) {
      if (e.end <= offset) out += e.newText.length - (e.end - e.start);
      else if (e.start < offset) return e.start + (out - offset) + e.newText.length;
      else break;
    }
    return out;
  };
  const moved = spans.map((s) => ({ start: map(s.start), end: map(s.end) }));
  for (const e of added) {
    const start = map(e.start);
    moved.push({ start, end: start + e.newText.length });
  }
  return moved;
}

// Loops, not Math.min(...edits): a renumbering fix may carry more edits than a call has argument slots.
const start = (fix: Fix) => fix.edits.reduce((min, e) => Math.min(min, e.start), Infinity);
const end = (fix: Fix) => fix.edits.reduce((max, e) => Math.max(max, e.end), -Infinity);
