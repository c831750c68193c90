/**
 * A short, fixed-seed fuzz of mutated agreements (a few seconds).
 * The long run is `node out/test/fuzz/long.js [runs] [seed]`.
 */
import fc from 'fast-check';
import { baseDocuments, mutatedDocumentArb } from '../../fuzz/mutations';
import { analysisSurvives, SHORT } from '../../fuzz/properties';
import { builtinRules, testRules } from './testPack';

const SEED = 20250630;

describe('robustness: fuzzing mutated agreements (short, fixed seed)', function () {
  this.timeout(60000);
  const bases = baseDocuments();

  it('never throws, never hangs, keeps ranges inside the document, and every fix applies (test pack)', () => {
    fc.assert(
      fc.property(mutatedDocumentArb(bases), ({ text }) => analysisSurvives(text, testRules(), SHORT)),
      { seed: SEED, numRuns: 250 },
    );
  });

  it('the same with the built-in packs', () => {
    fc.assert(
      fc.property(mutatedDocumentArb(bases), ({ text }) => analysisSurvives(text, builtinRules(), SHORT)),
      { seed: SEED + 1, numRuns: 100 },
    );
  });
});
