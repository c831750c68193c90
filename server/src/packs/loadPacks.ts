import { loadPack, MAX_PACK_CHARS, type PackProblem } from '../core/pack/load';
import { buildRuleSet, type RuleSet } from '../core/pack/ruleSet';
import type { RulePack } from '../core/pack/types';
import { readRegularTextFile } from '../files/readRegularFile';
import { hashPackText, readPackCache } from './packCache';
import { loadClauseModel } from './loadClauseModel';
import { packageRoot } from './packageRoot';
import { builtinPackFiles } from './builtinFiles';


export interface LoadedPacks {
  packs: RulePack[];
  problems: PackProblem[];
  ruleSet: RuleSet;
}

export { builtinPackFiles };

/** Read one pack file; I/O errors and oversize files become problems, never exceptions. */
export function readPackFile(file: string): { pack?: RulePack; problems: PackProblem[] } {
  try {
    const read = readRegularTextFile(file, MAX_PACK_CHARS * 3);
    if (!read.ok) return { problems: [{ source: file, path: '', message: `规则包${read.message}` }] };
    const text = read.text;
    // Built-in packs validated at build time come from dist/packs.cache.json by content hash.
    const cached = readPackCache(packageRoot())?.get(hashPackText(text));
    if (cached) return { pack: cached, problems: [] };
    return loadPack(text, file);
  } catch (error) {
    return { problems: [{ source: file, path: '', message: `无法读取规则包：${(error as Error).message}` }] };
  }
}

export interface LoadOptions {
  /** Load the built-in clause model (default); a workspace may turn it off (`clauseModel: false`). */
  clauseModel?: boolean;
}

/** Load the built-in packs plus extra pack files (workspace packs, `--rule-pack`). */
export function loadPacks(extraFiles: string[] = [], root = packageRoot(), options: LoadOptions = {}): LoadedPacks {
  const packs: RulePack[] = [];
  const problems: PackProblem[] = [];
  for (const file of [...builtinPackFiles(root), ...extraFiles]) {
    const result = readPackFile(file);
    problems.push(...result.problems);
    if (result.pack) packs.push(result.pack);
  }
  const model = options.clauseModel === false ? undefined : loadClauseModel(root);
  if (model) problems.push(...model.problems);
  return { packs, problems, ruleSet: buildRuleSet(packs, model?.model) };
}
