/**
 * Held-out whole agreements (`test/corpus/blind/agreements/`): the risky clauses a
 * reviewer finds in a full document, among the ordinary clauses around them.
 *
 * `labels.yaml` lists, per document, each risky clause by an exact quote from it and the
 * family a reviewer would cite. A label is found when a finding of its family overlaps the
 * sentence holding the quote (the sentence runs between 。；！？ marks, across line
 * breaks). A clause finding that overlaps no sentence labelled with its rule is a false
 * alarm; one that lands on a risky clause labelled with another family is counted apart
 * (`onOtherRisk`): the reviewer saw a risk there, but named another one. Recall is found
 * labels over labels; precision is a rule's findings on its own labels over all its findings.
 *
 *   node out/scripts/agreementEval.js          (also printed by `npm run eval`)
 *   node out/scripts/agreementEval.js --dev --misses   the tuned development agreements, with every mismatch
 *   (FN a label not found, FP a false alarm, OT a finding on a clause labelled with another family)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyzeText, type Finding, type RuleSet } from '../server/src/core';
import { packageRoot } from '../server/src/packs/packageRoot';

export interface AgreementLabel {
  family: string;
  quote: string;
  note?: string;
}

export interface AgreementFigures {
  rule: string;
  labels: number;
  found: number;
  /** Findings of this rule on a sentence labelled with it. */
  hits: number;
  falseAlarms: number;
  onOtherRisk: number;
}

export interface AgreementResult {
  documents: number;
  characters: number;
  perRule: AgreementFigures[];
  overall: AgreementFigures;
  /** Labels found by a finding of any clause rule (the clause was flagged, maybe under another name). */
  foundByAnyRule: number;
  misses: string[];
  problems: string[];
}

export function agreementsDir(root = packageRoot()): string {
  return path.join(root, 'test', 'corpus', 'blind', 'agreements');
}

/** Whole agreements in the same format that the rules are tuned on. */
export function devAgreementsDir(root = packageRoot()): string {
  return path.join(root, 'test', 'corpus', 'dev', 'agreements');
}

export const HELD_OUT_TITLE = 'held-out whole agreements (test/corpus/blind/agreements)';
export const DEV_TITLE = 'development whole agreements (tuned: test/corpus/dev/agreements)';

function readLabels(dir: string, problems: string[]): Map<string, AgreementLabel[]> {
  const out = new Map<string, AgreementLabel[]>();
  const file = path.join(dir, 'labels.yaml');
  if (!fs.existsSync(file)) return out;
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`labels.yaml: ${(error as Error).message}`);
    return out;
  }
  const docs = ((data ?? {}) as { documents?: unknown }).documents;
  if (!docs || typeof docs !== 'object') {
    problems.push('labels.yaml: 缺少 documents');
    return out;
  }
  for (const [name, list] of Object.entries(docs as Record<string, unknown>)) {
    const labels: AgreementLabel[] = [];
    for (const raw of Array.isArray(list) ? list : []) {
      const l = (raw ?? {}) as { family?: unknown; quote?: unknown; note?: unknown };
      if (typeof l.family !== 'string' || typeof l.quote !== 'string' || l.quote.length === 0) {
        problems.push(`labels.yaml ${name}: family 或 quote 无效`);
        continue;
      }
      labels.push({ family: l.family, quote: l.quote, note: typeof l.note === 'string' ? l.note : undefined });
    }
    out.set(name, labels);
  }
  return out;
}

const SENTENCE_END = /[。；！？]/;

/** The sentence around [start, end): from after the previous end mark to the next one. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1]) && !(text[s - 1] === '\n' && text[s - 2] === '\n')) s--;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e]) && !(text[e] === '\n' && text[e + 1] === '\n')) e++;
  return { start: s, end: Math.min(text.length, e + 1) };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function evaluateAgreements(rules: RuleSet, dir = agreementsDir()): AgreementResult {
  const problems: string[] = [];
  const misses: string[] = [];
  const labelsByDoc = readLabels(dir, problems);
  const counts = new Map<string, AgreementFigures>();
  const figure = (rule: string) => {
    let f = counts.get(rule);
    if (!f) counts.set(rule, (f = { rule, labels: 0, found: 0, hits: 0, falseAlarms: 0, onOtherRisk: 0 }));
    return f;
  };
  let characters = 0;
  let foundByAnyRule = 0;
  for (const [name, labels] of [...labelsByDoc.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = path.join(dir, 'documents', name);
    if (!fs.existsSync(file)) {
      problems.push(`${name}: 文件不存在`);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    characters += text.length;
    const findings: Finding[] = analyzeText(text, rules).filter((f) => f.rule.startsWith('clause/') && f.rule !== 'clause/foreign-law');
    const spans = labels.flatMap((label) => {
      const at = text.indexOf(label.quote);
      if (at < 0) {
        problems.push(`${name}: 找不到引文「${label.quote.slice(0, 30)}」`);
        return [];
      }
      return [{ label, sentence: sentenceAround(text, at, at + label.quote.length) }];
    });
    for (const { label, sentence } of spans) {
      const f = figure(label.family);
      f.labels++;
      const here = findings.filter((x) => overlaps(x.span, sentence));
      if (here.some((x) => x.rule === label.family)) f.found++;
      else misses.push(`FN ${name} ${label.family}${here.length ? ` [${[...new Set(here.map((x) => x.rule))].join(' ')}]` : ''}  ${label.quote.slice(0, 60)}`);
      if (here.length > 0) foundByAnyRule++;
    }
    for (const x of findings) {
      const own = spans.some((s) => s.label.family === x.rule && overlaps(x.span, s.sentence));
      if (own) {
        figure(x.rule).hits++;
        continue;
      }
      const other = spans.find((s) => overlaps(x.span, s.sentence));
      if (other) {
        figure(x.rule).onOtherRisk++;
        misses.push(`OT ${name} ${x.rule} (labelled ${other.label.family})  ${text.slice(x.span.start, Math.min(x.span.end, x.span.start + 60)).replace(/\n/g, '⏎')}`);
      } else {
        figure(x.rule).falseAlarms++;
        misses.push(`FP ${name} ${x.rule}  ${text.slice(x.span.start, Math.min(x.span.end, x.span.start + 60)).replace(/\n/g, '⏎')}`);
      }
    }
  }
  const perRule = [...counts.values()].sort((a, b) => (a.rule < b.rule ? -1 : 1));
  const overall = perRule.reduce(
    (a, f) => ({ ...a, labels: a.labels + f.labels, found: a.found + f.found, hits: a.hits + f.hits, falseAlarms: a.falseAlarms + f.falseAlarms, onOtherRisk: a.onOtherRisk + f.onOtherRisk }),
    { rule: 'clause/*', labels: 0, found: 0, hits: 0, falseAlarms: 0, onOtherRisk: 0 },
  );
  return { documents: labelsByDoc.size, characters, perRule, overall, foundByAnyRule, misses, problems };
}

const pct = (n: number, d: number) => (d === 0 ? '   —  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

export function formatAgreements(result: AgreementResult, withMisses: boolean, title = HELD_OUT_TITLE): string {
  const lines = [
    `${title}: ${result.documents} documents, ${result.characters} characters`,
    '',
    'clause rule                       risky found  false alarms  on another risk   recall  precision',
    '-'.repeat(96),
  ];
  const row = (f: AgreementFigures) =>
    `${f.rule.padEnd(32)} ${String(f.labels).padStart(5)} ${String(f.found).padStart(5)}  ${String(f.falseAlarms).padStart(12)}  ${String(f.onOtherRisk).padStart(15)}   ${pct(f.found, f.labels)}  ${pct(f.hits, f.hits + f.falseAlarms + f.onOtherRisk)}`;
  for (const f of result.perRule) lines.push(row(f));
  lines.push('-'.repeat(96), row(result.overall), '');
  lines.push(`risky clauses flagged by any clause rule: ${result.foundByAnyRule}/${result.overall.labels} (${pct(result.foundByAnyRule, result.overall.labels).trim()})`);
  lines.push(`false alarms per 10,000 characters: ${result.characters === 0 ? '—' : ((10000 * result.overall.falseAlarms) / result.characters).toFixed(2)}`);
  if (result.problems.length > 0) lines.push('', 'problems:', ...result.problems);
  if (withMisses && result.misses.length > 0) lines.push('', ...result.misses);
  return lines.join('\n');
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadPacks } = require('../server/src/packs/loadPacks') as typeof import('../server/src/packs/loadPacks');
  const dev = process.argv.includes('--dev');
  const result = evaluateAgreements(loadPacks().ruleSet, dev ? devAgreementsDir() : agreementsDir());
  process.stdout.write(formatAgreements(result, process.argv.includes('--misses'), dev ? DEV_TITLE : HELD_OUT_TITLE) + '\n');
}
