/**
 * Held-out requirement documents (`test/corpus/blind/requirements/<set>/`): pairs of
 * documents written from the regulations alone, one breaking a requirement and one
 * keeping it (`cases.yaml`: requirement id, breaks, keeps, note). A pair is caught when
 * a rule the packs name for that requirement fires on the breaking document; a false
 * alarm when one fires on the keeping document (section and element findings count only
 * when their first sentence names the requirement's subject). Requirements the packs mark as not
 * checkable are counted apart.
 *
 * The development pairs in `test/corpus/dev/requirements/<set>/` are evaluated the same
 * way and reported apart, labelled tuned.
 *
 *   node out/scripts/requirementEval.js [--quiet]   (also printed by `npm run eval`)
 *   node out/scripts/requirementEval.js --dev       the development set only, pair by pair
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyzeText, type RequirementCoverage, type RuleSet } from '../server/src/core';
import { loadPacks } from '../server/src/packs/loadPacks';
import { packageRoot } from '../server/src/packs/packageRoot';

interface PairCase {
  requirement: string;
  breaks: string;
  keeps: string;
  note?: string;
}

export interface PairResult {
  set: string;
  requirement: string;
  note: string;
  rules: string[];
  notCheckable: boolean;
  caught: boolean;
  /** Messages of the requirement's rules on the keeping document. */
  falseAlarms: string[];
  problem?: string;
}

/**
 * The pair sets of one corpus: `blind` (held out, never tuned on) or `dev`
 * (`test/corpus/dev/requirements/<set>/`, same format, written the same way by others;
 * the rules ARE tuned on it, so its figures are reported apart, labelled tuned).
 */
export function requirementSets(root = packageRoot(), corpus: 'blind' | 'dev' = 'blind'): string[] {
  const dir = path.join(root, 'test', 'corpus', corpus, 'requirements');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'cases.yaml')))
    .sort()
    .map((name) => path.join(dir, name));
}

/** section/* and element/* findings count only when they name the requirement's subject. */
const STRUCTURE_RULE = /^(section|element)\//;

/** A finding's own claim, without the framework or advice that follows it. */
function firstSentence(message: string): string {
  const end = message.indexOf('。');
  return end < 0 ? message : message.slice(0, end);
}

/**
 * The short name at the end of a requirement id, after its last article:
 * 000-§二(二)-合作机制 → 合作机制; 004-§四(一)/002-§五(一)-组织领导 → 组织领导.
 */
export function requirementSubject(id: string): string {
  return id.replace(/^.*§[^-]*-/, '');
}

export function evaluateRequirementPairs(sets: string[], rules: RuleSet, requirements: RequirementCoverage[]): PairResult[] {
  const byId = new Map(requirements.map((r) => [r.id, r]));
  const results: PairResult[] = [];
  for (const dir of sets) {
    const cases = (parseYaml(fs.readFileSync(path.join(dir, 'cases.yaml'), 'utf8')) ?? []) as PairCase[];
    for (const c of cases) {
      const requirement = byId.get(c.requirement);
      const base = { set: path.basename(dir), requirement: c.requirement, note: c.note ?? '', rules: requirement?.rules ?? [], notCheckable: Boolean(requirement?.notCheckable), caught: false, falseAlarms: [] as string[] };
      if (!requirement) {
        results.push({ ...base, problem: 'no pack lists this requirement' });
        continue;
      }
      const subject = requirementSubject(c.requirement);
      const relevant = (file: string) =>
        analyzeText(fs.readFileSync(path.join(dir, file), 'utf8'), rules).filter(
          (f) => base.rules.includes(f.rule) && (!STRUCTURE_RULE.test(f.rule) || firstSentence(f.message).includes(subject)),
        );
      results.push({ ...base, caught: relevant(c.breaks).length > 0, falseAlarms: relevant(c.keeps).map((f) => `${f.rule}: ${f.message}`) });
    }
  }
  return results;
}

export interface PairSetLabel {
  /** Heading, e.g. `held-out requirement documents (test/corpus/blind/requirements)`. */
  title: string;
  /** Shown when the corpus holds no pair. */
  empty: string;
}

export const HELD_OUT_LABEL: PairSetLabel = {
  title: 'held-out requirement documents (test/corpus/blind/requirements)',
  empty: 'held-out requirement documents: none',
};

export const DEV_LABEL: PairSetLabel = {
  title: 'development requirement documents (tuned: test/corpus/dev/requirements)',
  empty: 'development requirement documents (tuned): none',
};

export function formatRequirementPairs(results: PairResult[], detail: boolean, label: PairSetLabel = HELD_OUT_LABEL): string {
  if (results.length === 0) return label.empty;
  const checkable = results.filter((r) => !r.notCheckable && !r.problem);
  const caught = checkable.filter((r) => r.caught).length;
  const alarms = checkable.filter((r) => r.falseAlarms.length > 0).length;
  const pct = (n: number, d: number) => (d === 0 ? '—' : `${((n / d) * 100).toFixed(1)}%`);
  const lines = [
    `${label.title}: a breaking and a keeping document per requirement`,
    '',
    `pairs ${results.length}; checked by a rule ${checkable.length}; marked not checkable ${results.filter((r) => r.notCheckable).length}; unknown ids ${results.filter((r) => r.problem).length}`,
    `breaking document caught   ${`${caught}/${checkable.length}`.padStart(7)}  ${pct(caught, checkable.length)}`,
    `keeping document flagged   ${`${alarms}/${checkable.length}`.padStart(7)}  ${pct(alarms, checkable.length)}`,
  ];
  for (const set of [...new Set(results.map((r) => r.set))]) {
    const mine = checkable.filter((r) => r.set === set);
    lines.push(`  set ${set}: caught ${mine.filter((r) => r.caught).length}/${mine.length}, keeping flagged ${mine.filter((r) => r.falseAlarms.length > 0).length}/${mine.length}`);
  }
  if (detail) {
    for (const r of results) {
      const state = r.problem ? `?? ${r.problem}` : r.notCheckable ? 'not checkable' : `${r.caught ? 'caught' : 'MISSED'}${r.falseAlarms.length ? `; keep flagged: ${r.falseAlarms.join(' | ')}` : ''}`;
      lines.push(`  ${r.set} ${r.requirement} — ${r.note} → ${state}`);
    }
  }
  return lines.join('\n');
}

if (require.main === module) {
  const loaded = loadPacks();
  const requirements = loaded.packs.flatMap((p) => p.requirements ?? []);
  const quiet = process.argv.includes('--quiet');
  // --dev: the development set only, with its details (it holds nothing held out).
  const devOnly = process.argv.includes('--dev');
  const dev = evaluateRequirementPairs(requirementSets(packageRoot(), 'dev'), loaded.ruleSet, requirements);
  const out = [formatRequirementPairs(dev, devOnly || !quiet, DEV_LABEL)];
  if (!devOnly) out.push('', formatRequirementPairs(evaluateRequirementPairs(requirementSets(), loaded.ruleSet, requirements), !quiet));
  process.stdout.write(out.join('\n') + '\n');
}
