/**
 * Precision and recall of the clause rules on the held-out sentence set in
 * `test/corpus/blind/clauses/<slug>.yaml` (format: `test/corpus/blind/README.md`).
 *
 * Each case is analysed as a document of its own: a front matter that declares the
 * case's parties (so that the government side is known), then the case text as the body.
 * A case counts for its own family only: a risky case is a TP when its family's rule
 * reports a finding, an FN when not; a compliant case reported by its family is an FP.
 * Separately, `compliantFlagged` counts compliant cases that ANY clause rule reports.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyzeText, type Finding, type RuleSet } from '../server/src/core';

export interface BlindCase {
  family: string;
  label: 'risky' | 'compliant';
  text: string;
  parties: Record<string, string>;
  note?: string;
  file: string;
  index: number;
}

export interface BlindFamilyFigures {
  rule: string;
  /** Whether the loaded rule set defines this rule. */
  defined: boolean;
  risky: number;
  compliant: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface BlindMiss {
  kind: 'FN' | 'FP' | 'other';
  family: string;
  /** The rule ids that reported the case (for `other`: a compliant case flagged by another rule). */
  rules: string[];
  file: string;
  index: number;
  text: string;
  note?: string;
}

export interface BlindResult {
  cases: number;
  perFamily: BlindFamilyFigures[];
  overall: BlindFamilyFigures;
  /** Compliant cases that any clause rule reports, and all compliant cases. */
  compliantFlagged: { flagged: number; of: number };
  /** Risky cases that a clause rule of another family reports too (right or wrong, the officer reads both), and all risky cases. */
  otherFamilyOnRisky: { flagged: number; of: number };
  misses: BlindMiss[];
  problems: string[];
}

export function blindDir(root: string): string {
  return path.join(root, 'test', 'corpus', 'blind', 'clauses');
}

/**
 * The development sentence sets, in the order they were written: the held-out sets' format, by
 * writers who had not read the packs, each committed with its first measure in its README before
 * the rules were tuned on it (so its figures after tuning are tuned figures, not held-out ones).
 * dev–dev4 also train the clause model; dev5–dev10 never do, so they measure it on text it has
 * not seen. `note` is what the evaluation report says of the set.
 */
export const DEVELOPMENT_SETS: ReadonlyArray<{ key: string; title: string; trainsModel: boolean; note?: string }> = [
  { key: 'dev', title: 'development set', trainsModel: true },
  { key: 'dev2', title: 'second development set', trainsModel: true },
  { key: 'dev3', title: 'third development set', trainsModel: true },
  { key: 'dev4', title: 'fourth development set', trainsModel: true },
  { key: 'dev5', title: 'fifth development set', trainsModel: false, note: 'rules tuned, clause model never trained on it' },
  { key: 'dev6', title: 'sixth development set', trainsModel: false, note: 'clause model never trained on it' },
  { key: 'dev7', title: 'seventh development set', trainsModel: false, note: 'clause model never trained on it' },
  { key: 'dev8', title: 'eighth development set', trainsModel: false, note: 'clause model never trained on it' },
  { key: 'dev9', title: 'ninth development set', trainsModel: false, note: 'clause model never trained on it' },
  { key: 'dev10', title: 'tenth development set', trainsModel: false, note: 'clause model never trained on it' },
];

/** Where a development set's sentences are: `test/corpus/<key>/clauses`. */
export function devSetDir(root: string, key: string): string {
  return path.join(root, 'test', 'corpus', key, 'clauses');
}

/** Sentences written to train the clause model (four sets of risky and compliant sentences by different writers, and ordinary clauses of no risk); tuned on by definition. */
export const TRAIN_SETS = [
  { set: 'set-a', title: 'clause model training set A' },
  { set: 'set-b', title: 'clause model training set B' },
  { set: 'set-c', title: 'clause model training set C' },
  { set: 'set-d', title: 'clause model training set D' },
  { set: 'ordinary', title: 'ordinary clauses (no risk)' },
] as const;

export function trainDir(root: string, set: string): string {
  return path.join(root, 'test', 'corpus', 'train', set);
}

/**
 * The second held-out set: unfamiliar wording (euphemisms, parties named by role, benefits
 * described by their effect), written from the regulations alone and never tuned on.
 */
export function blind2Dir(root: string): string {
  return path.join(root, 'test', 'corpus', 'blind2', 'clauses');
}

/** Read every case file; problems (unreadable file, missing field) are reported, never thrown. */
export function readBlindCases(dir: string): { cases: BlindCase[]; problems: string[] } {
  const cases: BlindCase[] = [];
  const problems: string[] = [];
  if (!fs.existsSync(dir)) return { cases, problems };
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = path.join(dir, name);
    let data: unknown;
    try {
      data = parseYaml(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
      continue;
    }
    const doc = (data ?? {}) as { family?: unknown; parties?: unknown; cases?: unknown };
    const family = typeof doc.family === 'string' ? doc.family : `clause/${name.replace(/\.yaml$/, '')}`;
    const defaults = partyRecord(doc.parties);
    if (!Array.isArray(doc.cases)) {
      problems.push(`${name}: 缺少 cases`);
      continue;
    }
    doc.cases.forEach((raw: unknown, index: number) => {
      const c = (raw ?? {}) as { label?: unknown; text?: unknown; parties?: unknown; note?: unknown };
      if ((c.label !== 'risky' && c.label !== 'compliant') || typeof c.text !== 'string') {
        problems.push(`${name}#${index + 1}: label 或 text 无效`);
        return;
      }
      const parties = c.parties === undefined ? defaults : partyRecord(c.parties);
      cases.push({ family, label: c.label, text: c.text, parties, note: typeof c.note === 'string' ? c.note : undefined, file: name, index: index + 1 });
    });
  }
  return { cases, problems };
}

function partyRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The document a case is analysed as: its parties in front matter, its text as the body. */
export function caseDocument(c: BlindCase): string {
  const lines = ['---', '标题: 合作协议'];
  for (const [role, name] of Object.entries(c.parties)) lines.push(`${role}: ${JSON.stringify(name)}`);
  lines.push('---', '', c.text, '');
  return lines.join('\n');
}

/** Clause findings reported on the case. */
export function clauseFindingsOn(c: BlindCase, rules: RuleSet): Finding[] {
  return analyzeText(caseDocument(c), rules).filter((f) => f.rule.startsWith('clause/') && f.rule !== 'clause/foreign-law');
}

/** Clause rule ids reported on the case. */
export function clauseRulesOn(c: BlindCase, rules: RuleSet): string[] {
  return [...new Set(clauseFindingsOn(c, rules).map((f) => f.rule))].sort();
}

function figures(rule: string, defined: boolean, risky: number, compliant: number, tp: number, fp: number, fn: number): BlindFamilyFigures {
  return { rule, defined, risky, compliant, tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

export function evaluateBlind(cases: BlindCase[], rules: RuleSet, problems: string[] = []): BlindResult {
  const definedIds = new Set(rules.clauses.map((c) => c.rule.id));
  const counts = new Map<string, { risky: number; compliant: number; tp: number; fp: number; fn: number }>();
  const misses: BlindMiss[] = [];
  let flagged = 0;
  let compliantCount = 0;
  let riskyCount = 0;
  let otherOnRisky = 0;
  for (const c of cases) {
    const got = clauseRulesOn(c, rules);
    const own = got.includes(c.family);
    const n = counts.get(c.family) ?? { risky: 0, compliant: 0, tp: 0, fp: 0, fn: 0 };
    counts.set(c.family, n);
    const miss = (kind: BlindMiss['kind']) => misses.push({ kind, family: c.family, rules: got, file: c.file, index: c.index, text: c.text, note: c.note });
    if (c.label === 'risky') {
      n.risky++;
      riskyCount++;
      if (got.some((rule) => rule !== c.family)) otherOnRisky++;
      if (own) n.tp++;
      else {
        n.fn++;
        miss('FN');
      }
    } else {
      n.compliant++;
      compliantCount++;
      if (got.length > 0) flagged++;
      if (own) {
        n.fp++;
        miss('FP');
      } else if (got.length > 0) miss('other');
    }
  }
  const perFamily = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, n]) => figures(rule, definedIds.has(rule), n.risky, n.compliant, n.tp, n.fp, n.fn));
  const sum = perFamily.reduce((a, f) => ({ risky: a.risky + f.risky, compliant: a.compliant + f.compliant, tp: a.tp + f.tp, fp: a.fp + f.fp, fn: a.fn + f.fn }), { risky: 0, compliant: 0, tp: 0, fp: 0, fn: 0 });
  return {
    cases: cases.length,
    perFamily,
    overall: figures('overall', true, sum.risky, sum.compliant, sum.tp, sum.fp, sum.fn),
    compliantFlagged: { flagged, of: compliantCount },
    otherFamilyOnRisky: { flagged: otherOnRisky, of: riskyCount },
    misses,
    problems,
  };
}

export function formatBlindMisses(result: BlindResult): string {
  if (result.misses.length === 0) return 'blind: no mismatches.';
  return result.misses
    .map((m) => `${m.kind} ${m.file}#${m.index} ${m.family}${m.rules.length ? ` [${m.rules.join(' ')}]` : ''}  ${m.text.replace(/\n/g, '⏎').slice(0, 70)}`)
    .join('\n');
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** One case set per clause rule: TP FP FN, precision, recall, and compliant cases flagged by any clause rule. */
export function formatCaseSet(title: string, result: BlindResult): string {
  const width = Math.max(28, ...result.perFamily.map((f) => f.rule.length + 2));
  const row = (name: string, f: BlindFamilyFigures) =>
    `${name.padEnd(width)}${String(f.tp).padStart(5)}${String(f.fp).padStart(4)}${String(f.fn).padStart(4)}${pct(f.precision).padStart(9)}${pct(f.recall).padStart(8)}  ${f.risky}+${f.compliant}${f.defined ? '' : ' (no rule)'}`;
  const head = `${'clause rule'.padEnd(width)}${'TP'.padStart(5)}${'FP'.padStart(4)}${'FN'.padStart(4)}${'prec'.padStart(9)}${'recall'.padStart(8)}  cases`;
  const line = '-'.repeat(head.length + 4);
  const flagged = result.compliantFlagged;
  const other = result.otherFamilyOnRisky;
  return [
    `${title}: ${result.cases} cases (${result.overall.risky} risky, ${result.overall.compliant} compliant)`,
    '',
    head,
    line,
    ...result.perFamily.map((f) => row(f.rule, f)),
    line,
    row('clause/*', result.overall),
    '',
    `compliant cases flagged by any clause rule: ${flagged.flagged}/${flagged.of} (${pct(flagged.of === 0 ? 0 : flagged.flagged / flagged.of)})`,
    `risky cases flagged under another family too: ${other.flagged}/${other.of} (${pct(other.of === 0 ? 0 : other.flagged / other.of)})`,
  ].join('\n');
}
