// What the phase tools share: the built core (out/), the built-in packs, the generator, and the
// checks in the order of analyze.ts, so that a phase breakdown cannot drift from the analysis.
import * as path from 'node:path';
import { createRequire } from 'node:module';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const require = createRequire(path.join(root, 'package.json'));
export const core = (p) => require(path.join(root, 'out/server/src/core', p));
export const gen = require(path.join(root, 'out/bench/generate.js'));
export const { parseDocument } = core('parse/index.js');
export const { createContext } = core('context.js');
export const { packs, ruleSet } = require(path.join(root, 'out/server/src/packs/loadPacks.js')).loadPacks([], root);

/** [name, check] in the order analyze.ts runs them; `codedApart` lists each coded rule on its own. */
export function checkPhases({ codedApart = false } = {}) {
  const coded = core('rules/index.js').codedRules;
  return [
    ['frontMatter', core('checks/frontMatterSchema.js').checkFrontMatter],
    ['sections', core('checks/sections.js').checkSections],
    ['numbering', core('checks/sections.js').checkNumbering],
    ['elements', core('checks/elements.js').checkElements],
    ['clauses', core('checks/clauses.js').checkClauses],
    ['procedures', core('checks/procedures.js').checkProcedures],
    ['placeholders', core('checks/placeholder.js').checkPlaceholders],
    ...(codedApart ? coded.map((r) => [r.id, r.check]) : [['coded rules', (c) => { for (const r of coded) r.check(c); }]]),
  ];
}
