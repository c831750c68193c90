/**
 * The long fuzz, on demand: `node out/test/fuzz/long.js [runs=20000] [seed=random]`
 * (suggested script: `npm run fuzz`). Same property as the short run in the unit
 * suite, with every fix's result re-analysed, against the test pack and the
 * built-in packs in turn. Prints how many cases it tried; exits 1 on a failure,
 * printing the seed and path that replay it.
 */
import fc from 'fast-check';
import { builtinRules, testRules } from '../unit/robustness/testPack';
import { baseDocuments, mutatedDocumentArb } from './mutations';
import { analysisSurvives, LONG } from './properties';

function main(): void {
  const runs = Number(process.argv[2] ?? process.env.FUZZ_RUNS ?? 20000);
  const seed = Number(process.argv[3] ?? process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  const bases = baseDocuments();
  const ruleSets = [
    { name: 'test pack', rules: testRules() },
    { name: 'built-in packs', rules: builtinRules() },
  ];
  const started = Date.now();
  let tried = 0;
  let failed = false;
  for (const [i, { name, rules }] of ruleSets.entries()) {
    const result = fc.check(
      fc.property(mutatedDocumentArb(bases, 16), ({ text }) => {
        tried++;
        analysisSurvives(text, rules, LONG);
      }),
      { seed: seed + i, numRuns: Math.ceil(runs / ruleSets.length), endOnFailure: true },
    );
    console.log(`${name}: ${result.numRuns} cases${result.failed ? ' — FAILED' : ''} (seed ${seed + i})`);
    if (result.failed) {
      failed = true;
      console.log(fc.defaultReportMessage(result));
    }
  }
  console.log(`fuzz: ${tried} cases tried in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failed ? 'FAILED' : 'no failure'}`);
  process.exitCode = failed ? 1 : 0;
}

main();
