/**
 * What the CLI checks against: the built-in packs, the nearest `.agreementrc.yaml`
 * (its `rulePacks` and `rules` severities), then `--rule-pack` files and `--rule`
 * overrides. A broken pack or rc named by the user is a configuration error (exit 2);
 * a problem in a built-in pack is only a warning.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildRuleSet, loadPack, type RulePack, type RuleSet, type SeverityOrOff } from '../core';
import { builtinPackFiles, readPackFile } from '../packs/loadPacks';
import { packageRoot } from '../packs/packageRoot';
import { loadClauseModel } from '../packs/loadClauseModel';
import { writePackCache } from '../packs/packCache';
import { readWorkspaceConfig } from '../packs/workspaceConfig';
import { findRc } from '../packs/rcFile';

export { findRc };
import type { Options } from './args';
import type { WorkCalendar } from '../core/records/dates';

export interface Config {
  packs: RulePack[];
  /** Pack files after the built-in ones, in load order (workers re-use `packs`, not these). */
  extraPackFiles: string[];
  /** Built on first use: a `--cache` run whose files are all unchanged never builds it. */
  readonly ruleSet: RuleSet;
  severities: Record<string, SeverityOrOff>;
  /** Whether the clause model judges too (the built-in model, unless `--no-clause-model` or the rc says no). */
  clauseModel: boolean;
  /** Public holidays and worked weekend days from `.agreementrc.yaml`. */
  calendar?: WorkCalendar;
  rcFile: string | null;
  /** Configuration errors: exit 2 before anything is checked. */
  errors: string[];
  /** Shown on stderr, not fatal. */
  warnings: string[];
}


const describe = (p: { source: string; path: string; message: string }, cwd: string) =>
  `${path.isAbsolute(p.source) ? path.relative(cwd, p.source) || p.source : p.source}${p.path && p.path !== '/' ? ` ${p.path}` : ''}：${p.message}`;

export function loadConfig(options: Pick<Options, 'builtinPacks' | 'config' | 'packs' | 'severities'> & { clauseModel?: boolean }, cwd: string): Config {
  const errors: string[] = [];
  const warnings: string[] = [];
  const packs: RulePack[] = [];
  if (options.builtinPacks) {
    for (const file of builtinPackFiles(packageRoot())) {
      const result = readPackFile(file);
      for (const p of result.problems) warnings.push(`内置规则包 ${describe(p, cwd)}`);
      if (result.pack) packs.push(result.pack);
    }
  }
  let severities: Record<string, SeverityOrOff> = {};
  // The model reads what the built-in rules were written for: without them it has no say.
  let clauseModel = options.builtinPacks && options.clauseModel !== false;
  const extraPackFiles: string[] = [];
  let calendar: WorkCalendar | undefined;
  const rcFile = options.config ? findRc(cwd) : null;
  if (rcFile) {
    const rc = readWorkspaceConfig(path.dirname(rcFile), [], { confine: false });
    for (const p of rc.problems) errors.push(`配置文件 ${describe(p, cwd)}`);
    severities = { ...rc.severities };
    clauseModel &&= rc.clauseModel;
    calendar = rc.calendar;
    extraPackFiles.push(...rc.packFiles);
  }
  extraPackFiles.push(...options.packs.map((p) => path.resolve(cwd, p)));
  for (const file of extraPackFiles) {
    const result = readPackFile(file);
    for (const p of result.problems) errors.push(`规则包 ${describe(p, cwd)}`);
    if (result.pack) packs.push(result.pack);
  }
  severities = { ...severities, ...options.severities };
  let ruleSet: RuleSet | undefined;
  const modelOrWarn = () => {
    const loaded = loadClauseModel(packageRoot());
    for (const p of loaded.problems) warnings.push(`内置条款模型 ${describe(p, cwd)}`);
    return loaded.model;
  };
  return {
    packs,
    extraPackFiles,
    get ruleSet() {
      return (ruleSet ??= buildRuleSet(packs, clauseModel ? modelOrWarn() : undefined));
    },
    severities,
    clauseModel,
    calendar,
    rcFile,
    errors,
    warnings,
  };
}

/** Build step: validate the built-in packs from YAML and write dist/packs.cache.json. Returns problems, if any. */
export function writeBuiltinPackCache(root = packageRoot()): { file: string | null; problems: string[] } {
  const entries: Array<{ text: string; pack: RulePack }> = [];
  const problems: string[] = [];
  for (const file of builtinPackFiles(root)) {
    const text = fs.readFileSync(file, 'utf8');
    const result = loadPack(text, file);
    problems.push(...result.problems.map((p) => describe(p, root)));
    if (result.pack && result.problems.length === 0) entries.push({ text, pack: result.pack });
  }
  return { file: writePackCache(root, entries), problems };
}
