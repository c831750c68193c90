/**
 * Precision and recall of the built-in rule packs on the labelled corpus in
 * `test/corpus/` (see `test/corpus/README.md` for the label syntax).
 *
 *   npm run eval                 table per rule and overall, then every mismatch
 *   npm run eval -- --json FILE  also write the figures as JSON (FILE `-` = stdout only JSON)
 *   npm run eval -- --quiet      table only
 *   npm run eval -- FILE…        only these corpus files (the blind set is then skipped)
 *   npm run eval -- --no-blind   the tuned corpus only
 *   npm run eval -- --dev-misses the tables, then every mismatch of the development set only
 *                                (clause sentences and requirement pairs)
 *   npm run eval -- --dev2-misses the tables, then every mismatch of the second development set only
 *   npm run eval -- --dev3-misses the tables, then every mismatch of the third development set only
 *   npm run eval -- --dev4-misses the tables, then every mismatch of the fourth development set only
 *   npm run eval -- --dev5-misses the same for the fifth (the clause model's validation set)
 *   npm run eval -- --dev6-misses the same for the sixth (--dev7-misses … --dev10-misses the seventh to the tenth)
 *   npm run eval -- --tuned-misses the tables, then every mismatch of the tuned corpus only
 *
 * After the tuned corpus, the held-out sentence set in `test/corpus/blind/` (see
 * `blindEval.ts`) is evaluated and shown beside it, per clause rule. The development
 * sentence set in `test/corpus/dev/clauses/` (same case format, written from the
 * regulations by others; the rules ARE tuned on it) is reported apart, labelled as tuned;
 * so are the second, third and fourth development sets in `test/corpus/dev2/`, `dev3/` and `dev4/`. The
 * second held-out set in `test/corpus/blind2/clauses/` is never tuned on; with `--quiet`
 * only its per-rule figures are printed, never its sentences.
 *
 * Matching: a finding matches a label when the rule id is the same and the
 * finding starts on the labelled line; `expect-frontmatter` labels match findings
 * of that rule starting anywhere inside the front matter. Labels are counted as a
 * multiset (`clause/exclusive*2` expects two findings). Unlabelled findings are
 * false positives, unmatched labels false negatives. The labels are removed from
 * the text before analysis, so they can never influence a result.
 *
 * This script only prints figures; `test/unit/corpus/corpus.test.ts` enforces the targets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, parseDocument, type Finding, type RuleSet } from '../server/src/core';
import { loadPacks } from '../server/src/packs/loadPacks';
import { packageRoot } from '../server/src/packs/packageRoot';
import { codedRules } from '../server/src/core/rules';
import { blind2Dir, blindDir, DEVELOPMENT_SETS, devSetDir, TRAIN_SETS, trainDir, evaluateBlind, formatBlindMisses, formatCaseSet, readBlindCases, type BlindResult } from './blindEval';
import { DEV_TITLE, devAgreementsDir, evaluateAgreements, formatAgreements } from './agreementEval';
import { evaluateStructure, formatStructure, structureFiles } from './structureEval';
import { DEV_LABEL, evaluateRequirementPairs, formatRequirementPairs, requirementSets } from './requirementEval';
import { commitmentLabelFiles, evaluateCommitments, formatCommitmentTable } from './evalCommitments';

export interface Label {
  rule: string;
  /** 0-based line; -1 for front-matter labels. */
  line: number;
}

export interface LabelledDocument {
  file: string;
  /** The text with every label comment removed (line numbers unchanged). */
  text: string;
  labels: Label[];
  /** Lines [0, frontMatterEnd] belong to the front matter; -1 when there is none. */
  frontMatterEnd: number;
  /** Label syntax problems (unknown form, count not a number …). */
  problems: string[];
}

export interface Mismatch {
  file: string;
  /** 1-based line for display; 0 for the front matter. */
  line: number;
  rule: string;
  kind: 'FP' | 'FN';
  message?: string;
}

export interface RuleFigures {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface EvalResult {
  documents: number;
  perRule: RuleFigures[];
  perFamily: RuleFigures[];
  overall: RuleFigures;
  mismatches: Mismatch[];
  /** Rule ids the rule set defines that no label in the corpus expects. */
  uncovered: string[];
  /** 类别 → number of documents. */
  categories: Record<string, number>;
  problems: string[];
}

const LABEL = /[ \t\u3000]*<!--\s*expect(-frontmatter)?\s*[:：]([^>]*?)-->/g;
const ID = /^([a-z]+\/[a-z0-9-]+)(?:[*×x](\d+))?$/;

/** Read the labels out of one corpus document and strip them from its text. */
export function readLabels(file: string, raw: string): LabelledDocument {
  const problems: string[] = [];
  const labels: Label[] = [];
  const lines = raw.split(/\r\n|\r|\n/);
  const eols = raw.match(/\r\n|\r|\n/g) ?? [];
  let frontMatterEnd = -1;
  if (/^\uFEFF?---[ \t]*$/.test(lines[0] ?? '')) {
    for (let i = 1; i < lines.length; i++) {
      if (/^(---|\.\.\.)[ \t]*$/.test(lines[i])) {
        frontMatterEnd = i;
        break;
      }
    }
  }
  const out: string[] = [];
  lines.forEach((line, index) => {
    const stripped = line.replace(LABEL, (_whole, frontMatter: string | undefined, body: string) => {
      for (const token of body.trim().split(/[\s,，]+/).filter((t) => t.length > 0)) {
        const m = ID.exec(token);
        if (!m) {
          problems.push(`${file}:${index + 1}: 无法识别的标签“${token}”`);
          continue;
        }
        const count = m[2] ? Number(m[2]) : 1;
        for (let k = 0; k < count; k++) labels.push({ rule: m[1], line: frontMatter ? -1 : index });
      }
      return '';
    });
    if (index <= frontMatterEnd && stripped !== line) problems.push(`${file}:${index + 1}: 文件头中不能写标签（请用 expect-frontmatter）`);
    if (/<!--\s*expect/.test(stripped)) problems.push(`${file}:${index + 1}: 标签格式有误`);
    out.push(stripped);
  });
  const text = out.map((line, i) => line + (eols[i] ?? '')).join('');
  return { file, text, labels, frontMatterEnd, problems };
}

/** Compare one document's findings with its labels. */
export function matchDocument(doc: LabelledDocument, findings: Finding[]): { tp: Label[]; mismatches: Mismatch[] } {
  const remaining = [...doc.labels];
  const tp: Label[] = [];
  const mismatches: Mismatch[] = [];
  const unmatched: Finding[] = [];
  // Line labels first, then front-matter labels take what is left inside the front matter.
  const ordered = [...findings].sort((a, b) => a.range.start.line - b.range.start.line);
  for (const finding of ordered) {
    const line = finding.range.start.line;
    const at = remaining.findIndex((l) => l.rule === finding.rule && l.line === line);
    if (at >= 0) {
      tp.push(remaining[at]);
      remaining.splice(at, 1);
    } else {
      unmatched.push(finding);
    }
  }
  for (const finding of unmatched) {
    const inFront = doc.frontMatterEnd >= 0 && finding.range.start.line <= doc.frontMatterEnd;
    const at = inFront ? remaining.findIndex((l) => l.rule === finding.rule && l.line === -1) : -1;
    if (at >= 0) {
      tp.push(remaining[at]);
      remaining.splice(at, 1);
    } else {
      mismatches.push({ file: doc.file, line: finding.range.start.line + 1, rule: finding.rule, kind: 'FP', message: finding.message });
    }
  }
  for (const label of remaining) mismatches.push({ file: doc.file, line: label.line + 1, rule: label.rule, kind: 'FN' });
  return { tp, mismatches };
}

function figures(rule: string, tp: number, fp: number, fn: number): RuleFigures {
  return { rule, tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/** Every rule id the rule set can report (besides schema/* and format/too-large). */
export function definedRuleIds(rules: RuleSet): string[] {
  const ids = new Set<string>(['section/missing', 'section/order', 'section/numbering', 'element/missing']);
  for (const clause of rules.clauses) ids.add(clause.rule.id);
  for (const check of rules.checks) ids.add(check.id);
  for (const coded of codedRules) ids.add(coded.id);
  return [...ids].sort();
}

export function corpusDir(root = packageRoot()): string {
  return path.join(root, 'test', 'corpus');
}

/** Every `*.agreement.md` under the corpus folder, sorted; the held-out set in `blind/` is evaluated apart. */
export function corpusFiles(dir = corpusDir()): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      // The held-out sets and the development sets have their own evaluations (no corpus labels).
      if (entry.isDirectory() && d === dir && (entry.name === 'blind' || entry.name === 'dev')) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.agreement.md')) out.push(full);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** Run the evaluation over the given files (default: the whole corpus) with the given rules (default: built-in packs). */
export function evaluate(files: string[] = corpusFiles(), rules: RuleSet = loadPacks().ruleSet): EvalResult {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (rule: string, key: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(rule) ?? { tp: 0, fp: 0, fn: 0 };
    c[key]++;
    counts.set(rule, c);
  };
  const mismatches: Mismatch[] = [];
  const problems: string[] = [];
  const categories: Record<string, number> = {};
  const root = packageRoot();
  for (const file of files) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const doc = readLabels(rel, fs.readFileSync(file, 'utf8'));
    problems.push(...doc.problems);
    const category = /^类别:\s*(\S+)/m.exec(doc.text)?.[1] ?? '（无）';
    categories[category] = (categories[category] ?? 0) + 1;
    const parsed = parseDocument(doc.text);
    const fm = parsed.frontMatter;
    doc.frontMatterEnd = fm.present ? parsed.lines.positionAt(Math.max(fm.span.start, fm.span.end - 1)).line : -1;
    const findings = analyze(parsed, rules);
    const result = matchDocument(doc, findings);
    for (const label of result.tp) bump(label.rule, 'tp');
    for (const m of result.mismatches) bump(m.rule, m.kind === 'FP' ? 'fp' : 'fn');
    mismatches.push(...result.mismatches);
  }
  const defined = definedRuleIds(rules);
  for (const id of defined) if (!counts.has(id)) counts.set(id, { tp: 0, fp: 0, fn: 0 });
  const perRule = [...counts.entries()].map(([rule, c]) => figures(rule, c.tp, c.fp, c.fn)).sort((a, b) => (a.rule < b.rule ? -1 : 1));
  const families = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const r of perRule) {
    const family = `${r.rule.split('/')[0]}/*`;
    const f = families.get(family) ?? { tp: 0, fp: 0, fn: 0 };
    f.tp += r.tp;
    f.fp += r.fp;
    f.fn += r.fn;
    families.set(family, f);
  }
  const perFamily = [...families.entries()].map(([rule, c]) => figures(rule, c.tp, c.fp, c.fn)).sort((a, b) => (a.rule < b.rule ? -1 : 1));
  const total = perRule.reduce((acc, r) => ({ tp: acc.tp + r.tp, fp: acc.fp + r.fp, fn: acc.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });
  const uncovered = defined.filter((id) => (counts.get(id)?.tp ?? 0) + (counts.get(id)?.fn ?? 0) === 0);
  return { documents: files.length, perRule, perFamily, overall: figures('overall', total.tp, total.fp, total.fn), mismatches, uncovered, categories, problems };
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(6) + '%';

/** The figures as a plain-text table. */
export function formatTable(result: EvalResult): string {
  const width = Math.max(28, ...result.perRule.map((r) => r.rule.length + 2));
  const header = `${'rule'.padEnd(width)}${'TP'.padStart(5)}${'FP'.padStart(5)}${'FN'.padStart(5)}${'precision'.padStart(11)}${'recall'.padStart(9)}`;
  const row = (r: RuleFigures) =>
    `${r.rule.padEnd(width)}${String(r.tp).padStart(5)}${String(r.fp).padStart(5)}${String(r.fn).padStart(5)}${pct(r.precision).padStart(11)}${pct(r.recall).padStart(9)}`;
  const rule = '-'.repeat(header.length);
  const lines = [`corpus: ${result.documents} documents`, '', header, rule, ...result.perRule.map(row), rule, ...result.perFamily.map(row), rule, row(result.overall)];
  if (result.uncovered.length > 0) lines.push('', `no positive label in the corpus: ${result.uncovered.join(', ')}`);
  return lines.join('\n');
}

/** Clause rules: the tuned corpus and the blind set side by side. */
export function formatSideBySide(tuned: EvalResult, blind: BlindResult): string {
  const ids = new Set<string>();
  for (const r of tuned.perRule) if (r.rule.startsWith('clause/')) ids.add(r.rule);
  for (const f of blind.perFamily) ids.add(f.rule);
  const width = Math.max(28, ...[...ids].map((id) => id.length + 2));
  const cell = (tp: number, fp: number, fn: number, p: number, r: number) =>
    `${String(tp).padStart(5)}${String(fp).padStart(4)}${String(fn).padStart(4)}${pct(p).padStart(9)}${pct(r).padStart(8)}`;
  const empty = `${'—'.padStart(5)}${''.padStart(4)}${''.padStart(4)}${''.padStart(9)}${''.padStart(8)}`;
  const head = `${'clause rule'.padEnd(width)}${'tuned corpus'.padEnd(30)}  ${'blind set'}`;
  const sub = `${''.padEnd(width)}${'TP'.padStart(5)}${'FP'.padStart(4)}${'FN'.padStart(4)}${'prec'.padStart(9)}${'recall'.padStart(8)}  ${'TP'.padStart(5)}${'FP'.padStart(4)}${'FN'.padStart(4)}${'prec'.padStart(9)}${'recall'.padStart(8)}  cases`;
  const line = '-'.repeat(sub.length);
  const rows = [...ids].sort().map((id) => {
    const t = tuned.perRule.find((r) => r.rule === id);
    const b = blind.perFamily.find((f) => f.rule === id);
    const left = t ? cell(t.tp, t.fp, t.fn, t.precision, t.recall) : empty;
    const right = b ? `${cell(b.tp, b.fp, b.fn, b.precision, b.recall)}  ${b.risky}+${b.compliant}${b.defined ? '' : ' (no rule)'}` : empty;
    return `${id.padEnd(width)}${left}  ${right}`;
  });
  const clauseTuned = tuned.perRule.filter((r) => r.rule.startsWith('clause/')).reduce((a, r) => ({ tp: a.tp + r.tp, fp: a.fp + r.fp, fn: a.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });
  const tp = clauseTuned.tp;
  const tAll = cell(tp, clauseTuned.fp, clauseTuned.fn, tp + clauseTuned.fp === 0 ? 1 : tp / (tp + clauseTuned.fp), tp + clauseTuned.fn === 0 ? 1 : tp / (tp + clauseTuned.fn));
  const o = blind.overall;
  const flagged = blind.compliantFlagged;
  return [
    `blind set: ${blind.cases} cases (${o.risky} risky, ${o.compliant} compliant)`,
    '',
    head,
    sub,
    line,
    ...rows,
    line,
    `${'clause/*'.padEnd(width)}${tAll}  ${cell(o.tp, o.fp, o.fn, o.precision, o.recall)}`,
    '',
    `blind compliant cases flagged by any clause rule: ${flagged.flagged}/${flagged.of} (${pct(flagged.of === 0 ? 0 : flagged.flagged / flagged.of).trim()})`,
    `blind risky cases flagged under another family too: ${blind.otherFamilyOnRisky.flagged}/${blind.otherFamilyOnRisky.of} (${pct(blind.otherFamilyOnRisky.of === 0 ? 0 : blind.otherFamilyOnRisky.flagged / blind.otherFamilyOnRisky.of).trim()})`,
  ].join('\n');
}

export function formatMismatches(result: EvalResult): string {
  if (result.mismatches.length === 0) return 'no mismatches.';
  return result.mismatches
    .map((m) => `${m.kind} ${m.file}:${m.line === 0 ? 'front matter' : m.line} ${m.rule}${m.message ? `  ${m.message.slice(0, 60)}` : ''}`)
    .join('\n');
}

/** The development sentence sets, reported apart from the held-out ones and labelled as tuned. */
const DEV_SETS: Array<{ key: string; title: string; dir: (root: string) => string; note?: string }> = [
  ...DEVELOPMENT_SETS.map(({ key, title, note }) => ({ key, title, dir: (root: string) => devSetDir(root, key), note })),
  ...TRAIN_SETS.map(({ set, title }) => ({ key: `train-${set.replace(/^set-/, '')}`, title, dir: (root: string) => trainDir(root, set), note: 'the clause model is trained on it' })),
];

function main(argv: string[]): number {
  let json: string | null = null;
  let quiet = false;
  let withBlind = true;
  /** Development sets whose mismatches are listed (`--dev-misses` → dev, `--dev2-misses` → dev2, …). */
  const missesOf = new Set<string>();
  let tunedMisses = false;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = argv[++i] ?? '-';
    else if (arg.startsWith('--json=')) json = arg.slice(7);
    else if (arg === '--quiet' || arg === '-q') quiet = true;
    else if (arg === '--no-blind') withBlind = false;
    else if (arg === '--tuned-misses') {
      tunedMisses = true;
      quiet = true;
    } else if (/^--(dev[2-6]?|train-[a-z]+)-misses$/.test(arg)) {
      missesOf.add(arg.slice(2, -'-misses'.length));
      quiet = true;
    }
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run eval -- [--json FILE|-] [--quiet] [--no-blind] [--tuned-misses] [--dev-misses] [--dev2-misses] [--dev3-misses] [--dev4-misses] [--dev5-misses] [--dev6-misses] [--dev7-misses] [--dev8-misses] [--dev9-misses] [--dev10-misses] [--train-a-misses] [--train-b-misses] [--train-c-misses] [--train-d-misses] [--train-ordinary-misses] [corpus files…]\n');
      return 0;
    } else only.push(path.resolve(arg));
  }
  const loaded = loadPacks();
  if (loaded.problems.length > 0) {
    for (const p of loaded.problems) process.stderr.write(`rule pack problem: ${p.source} ${p.path} ${p.message}\n`);
  }
  const result = evaluate(only.length > 0 ? only : corpusFiles(), loaded.ruleSet);
  let blind: BlindResult | null = null;
  if (withBlind && only.length === 0) {
    const read = readBlindCases(blindDir(packageRoot()));
    blind = evaluateBlind(read.cases, loaded.ruleSet, read.problems);
  }
  const devSet = (dir: string): BlindResult | null => {
    if (only.length > 0) return null;
    const read = readBlindCases(dir);
    return read.cases.length > 0 || read.problems.length > 0 ? evaluateBlind(read.cases, loaded.ruleSet, read.problems) : null;
  };
  const root = packageRoot();
  const devSets = DEV_SETS.map((d) => ({ ...d, result: devSet(d.dir(root)) }));
  const devMisses = missesOf.has('dev');
  const blind2 = withBlind ? devSet(blind2Dir(packageRoot())) : null;
  const payload = {
    ...result,
    ...(blind ? { blind } : {}),
    ...(blind2 ? { blind2 } : {}),
    ...Object.fromEntries(devSets.filter((d) => d.result).map((d) => [d.key, d.result])),
  };
  if (json === '-') {
    process.stdout.write(JSON.stringify(payload, null, 2) + '\n');
    return 0;
  }
  if (json) fs.writeFileSync(json, JSON.stringify(payload, null, 2) + '\n');
  const out = [formatTable(result)];
  if (result.problems.length > 0) out.push('', 'label problems:', ...result.problems);
  if (blind) {
    out.push('', formatSideBySide(result, blind));
    if (blind.problems.length > 0) out.push('', 'blind set problems:', ...blind.problems);
  }
  if (blind2) {
    out.push('', formatCaseSet('second held-out set (never tuned on: test/corpus/blind2/clauses)', blind2));
    if (blind2.problems.length > 0) out.push('', 'second held-out set problems:', ...blind2.problems);
  }
  for (const d of devSets) {
    if (!d.result) continue;
    out.push('', formatCaseSet(`${d.title} (${d.note ?? 'tuned'}: ${path.relative(root, d.dir(root))})`, d.result));
    if (d.result.problems.length > 0) out.push('', `${d.title} problems:`, ...d.result.problems);
    if (missesOf.has(d.key)) out.push('', formatBlindMisses(d.result));
  }
  if (!quiet || tunedMisses) out.push('', formatMismatches(result));
  const commitments = evaluateCommitments(commitmentLabelFiles(corpusDir()), packageRoot());
  out.push('', formatCommitmentTable(commitments));
  if (!quiet) for (const f of commitments) out.push('', `commitment mismatches (${f.set}):`, ...f.mismatches);
  if (!quiet && blind) out.push('', formatBlindMisses(blind));
  if (!quiet && blind2) out.push('', formatBlindMisses(blind2));
  process.stdout.write(out.join('\n') + '\n');
  if (only.length === 0) process.stdout.write('\n' + formatStructure(evaluateStructure(structureFiles(), loaded.ruleSet)) + '\n');
  if (only.length === 0) {
    const devAgreements = evaluateAgreements(loaded.ruleSet, devAgreementsDir());
    if (devAgreements.documents > 0) process.stdout.write('\n' + formatAgreements(devAgreements, devMisses, DEV_TITLE) + '\n');
  }
  if (only.length === 0 && withBlind) {
    const agreements = evaluateAgreements(loaded.ruleSet);
    if (agreements.documents > 0) process.stdout.write('\n' + formatAgreements(agreements, !quiet) + '\n');
  }
  if (only.length === 0) {
    const requirements = loaded.packs.flatMap((p) => p.requirements ?? []);
    const devPairs = evaluateRequirementPairs(requirementSets(packageRoot(), 'dev'), loaded.ruleSet, requirements);
    if (devPairs.length > 0) process.stdout.write('\n' + formatRequirementPairs(devPairs, devMisses, DEV_LABEL) + '\n');
    const pairs = evaluateRequirementPairs(requirementSets(), loaded.ruleSet, requirements);
    process.stdout.write('\n' + formatRequirementPairs(pairs, !quiet) + '\n');
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
