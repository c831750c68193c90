/**
 * Precision and recall of commitment extraction (履约台账) on labelled documents: every
 * `X.commitments.yaml` beside an `X.agreement.md` under `test/corpus/`. Documents under a
 * `blind/` folder were written and labelled without reading the extractor; their figures
 * are printed apart from the tuned ones.
 *
 * Label file: `commitments: [{ line, party, side, amounts, deadline, condition, what? }]`,
 * `line` 1-based. A commitment matches a label when the label's line lies within the
 * commitment's lines and the party is the same (role such as 乙方, or the party's name);
 * labels count as a multiset. Among matches, side, amounts, deadline and condition are
 * compared and reported as accuracies.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ledger, parseDocument } from '../server/src/core';

export interface CommitmentLabel {
  line: number;
  party: string;
  side?: string;
  amounts?: string[];
  deadline?: { date?: string; relative?: string } | null;
  condition?: string | null;
  what?: string;
}

export interface CommitmentFigures {
  set: 'tuned' | 'blind';
  documents: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Among matched commitments: share with the right side, amounts, deadline, condition. */
  side: number;
  amounts: number;
  deadline: number;
  condition: number;
  mismatches: string[];
}

export function commitmentLabelFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.commitments.yaml')) out.push(full);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

export function readCommitmentLabels(file: string): CommitmentLabel[] {
  const data = parse(fs.readFileSync(file, 'utf8')) as { commitments?: CommitmentLabel[] } | null;
  return (data?.commitments ?? []).map((l) => ({ ...l, party: String(l.party), deadline: l.deadline ?? null, condition: l.condition ?? null, amounts: (l.amounts ?? []).map(String) }));
}

const norm = (s: string) => s.replace(/[\s，,、。]/g, '').replace(/人民币$/, '');
const relCore = (s: string) => norm(s).replace(/^(在|于|自|从)/, '').replace(/之日/g, '').replace(/以内$/, '内');

function sameAmounts(a: string[], b: string[]): boolean {
  const x = a.map(norm).sort();
  const y = b.map(norm).sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function sameDeadline(got: ledger.Deadline, want: CommitmentLabel['deadline']): boolean {
  if (!got || !want) return !got && !want;
  if ('date' in got) return want.date !== undefined && String(want.date) === got.date;
  if (want.relative === undefined) return false;
  const g = relCore(got.relative);
  const w = relCore(want.relative);
  return g === w || g.includes(w) || w.includes(g);
}

export function evaluateCommitments(files: string[], root: string): CommitmentFigures[] {
  const sets = { tuned: blank('tuned'), blind: blank('blind') };
  const counters = { tuned: { side: 0, amounts: 0, deadline: 0, condition: 0 }, blind: { side: 0, amounts: 0, deadline: 0, condition: 0 } };
  for (const labelFile of files) {
    const set = labelFile.split(path.sep).includes('blind') ? 'blind' : 'tuned';
    const figures = sets[set];
    const docFile = labelFile.replace(/\.commitments\.yaml$/, '.agreement.md');
    const rel = path.relative(root, docFile).split(path.sep).join('/');
    if (!fs.existsSync(docFile)) {
      figures.mismatches.push(`${rel}: 没有对应的协议文书`);
      continue;
    }
    figures.documents++;
    const doc = parseDocument(fs.readFileSync(docFile, 'utf8'));
    const got = ledger.extractCommitments(doc, { fallbackKey: path.basename(docFile, '.agreement.md') });
    const labels = readCommitmentLabels(labelFile);
    // Labels may name a party as the text does (河北区 for 天津市河北区人民政府).
    const model = ledger.partyModel(doc);
    const rolesOf = (party: string) => model.mentions.find((m) => m.text === party)?.roles ?? [party];
    const used = new Set<number>();
    for (const label of labels) {
      const at = got.findIndex((c, i) => !used.has(i) && c.range.start.line + 1 <= label.line && label.line <= c.range.end.line + 1 && (c.role === label.party || c.party === label.party || rolesOf(label.party).includes(c.role)));
      if (at < 0) {
        figures.fn++;
        figures.mismatches.push(`FN ${rel}:${label.line} ${label.party} ${label.what ?? ''}`);
        continue;
      }
      used.add(at);
      figures.tp++;
      const c = got[at];
      const k = counters[set];
      if (!label.side || label.side === c.side) k.side++;
      else figures.mismatches.push(`side ${rel}:${label.line} ${label.party}: ${c.side} ≠ ${label.side}`);
      if (sameAmounts(c.amounts, label.amounts ?? [])) k.amounts++;
      else figures.mismatches.push(`amounts ${rel}:${label.line} ${label.party}: ${JSON.stringify(c.amounts)} ≠ ${JSON.stringify(label.amounts)}`);
      if (sameDeadline(c.deadline, label.deadline)) k.deadline++;
      else figures.mismatches.push(`deadline ${rel}:${label.line} ${label.party}: ${JSON.stringify(c.deadline)} ≠ ${JSON.stringify(label.deadline)}`);
      if (!c.condition === !label.condition) k.condition++;
      else figures.mismatches.push(`condition ${rel}:${label.line} ${label.party}: ${JSON.stringify(c.condition)} ≠ ${JSON.stringify(label.condition)}`);
    }
    got.forEach((c, i) => {
      if (used.has(i)) return;
      figures.fp++;
      figures.mismatches.push(`FP ${rel}:${c.range.start.line + 1} ${c.role} ${c.text}`);
    });
  }
  return (['tuned', 'blind'] as const).map((set) => {
    const f = sets[set];
    const k = counters[set];
    const ratio = (n: number) => (f.tp === 0 ? 0 : n / f.tp);
    return { ...f, precision: f.tp + f.fp === 0 ? 1 : f.tp / (f.tp + f.fp), recall: f.tp + f.fn === 0 ? 1 : f.tp / (f.tp + f.fn), side: ratio(k.side), amounts: ratio(k.amounts), deadline: ratio(k.deadline), condition: ratio(k.condition) };
  });
}

function blank(set: 'tuned' | 'blind'): CommitmentFigures {
  return { set, documents: 0, tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, side: 0, amounts: 0, deadline: 0, condition: 0, mismatches: [] };
}

const pct = (n: number) => `${(100 * n).toFixed(1)}%`.padStart(7);

export function formatCommitmentTable(figures: CommitmentFigures[]): string {
  const lines = [
    'commitments (履约台账 extraction)     docs   TP   FP   FN  precision  recall   side  amounts deadline condition',
    '-'.repeat(110),
  ];
  for (const f of figures) {
    lines.push(
      `${(f.set === 'blind' ? 'blind' : 'tuned').padEnd(36)}${String(f.documents).padStart(5)}${String(f.tp).padStart(5)}${String(f.fp).padStart(5)}${String(f.fn).padStart(5)}  ${pct(f.precision)}  ${pct(f.recall)} ${pct(f.side)} ${pct(f.amounts)} ${pct(f.deadline)} ${pct(f.condition)}`,
    );
  }
  return lines.join('\n');
}
