/**
 * Held-out requirement documents (`test/corpus/blind/requirements/<set>/`): pairs of
 * documents written from the regulations alone, one breaking a requirement and one
 * keeping it (`cases.yaml`: requirement id, breaks, keeps, note). A pair is caught when
 * a rule the packs name for that requirement fires on the breaking document; a false
 * alarm when one fires on the keeping document (section and element findings count only
 * when their first sentence names the requirement's subject). Requirements the packs mark as not
 * checkable are counted apart.
 *
 *   node out/scripts/requirementEval.js      (also printed by `npm run eval`)
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

export function requirementSets(root = packageRoot()): string[] {
  const dir = path.join(root, 'test', 'corpus', 'blind', 'requirements');
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

/** The short name at the end of a requirement id: 000-§二(二)-合作机制 → 合作机制. */
export function requirementSubject(id: string): string {
  return id.split('-').slice(2).join('-');
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

export function formatRequirementPairs(results: PairResult[], detail: boolean): string {
  if (results.length === 0) return 'held-out requirement documents: none';
  const checkable = results.filter((r) => !r.notCheckable && !r.problem);
  const caught = checkable.filter((r) => r.caught).length;
  const alarms = checkable.filter((r) => r.falseAlarms.length > 0).length;
  const pct = (n: number, d: number) => (d === 0 ? '—' : `${((n / d) * 100).toFixed(1)}%`);
  const lines = [
    'held-out requirement documents (test/corpus/blind/requirements): a breaking and a keeping document per requirement',
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
  const results = evaluateRequirementPairs(requirementSets(), loaded.ruleSet, loaded.packs.flatMap((p) => p.requirements ?? []));
  process.stdout.write(formatRequirementPairs(results, !process.argv.includes('--quiet')) + '\n');
}
