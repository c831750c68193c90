/**
 * Where the built-in rule packs and the clause model live under the package root. No
 * pack or model code here: the CLI's answer from its last report stats these files
 * without loading either.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from './packageRoot';

/** Built-in packs load in this order; later packs may refine earlier ones. */
const BUILTIN_ORDER = ['concepts.yaml', 'national.yaml', 'national-fiscal.yaml', 'hebei-2017-47.yaml', 'hebei-kjt-tsh.yaml', 'duikou-hezuo.yaml', 'government-contract.yaml'];

/** The folder of the built-in packs (adding or removing a pack changes its stamp). */
export const builtinPackFolder = (root: string) => path.join(root, 'rules');

export function builtinPackFiles(root = packageRoot()): string[] {
  const dir = builtinPackFolder(root);
  const present = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')) : [];
  const ordered = BUILTIN_ORDER.filter((f) => present.includes(f));
  const rest = present.filter((f) => !BUILTIN_ORDER.includes(f)).sort();
  return [...ordered, ...rest].map((f) => path.join(dir, f));
}

export function clauseModelPath(root: string): string {
  return path.join(root, 'rules', 'model', 'clause-model.json');
}
