import * as assert from 'node:assert/strict';
import { DEV_LABEL, evaluateRequirementPairs, formatRequirementPairs, requirementSets } from '../../../scripts/requirementEval';
import { loadPacks } from '../../../server/src/packs/loadPacks';
import { packageRoot } from '../../../server/src/packs/packageRoot';

/**
 * The development requirement pairs (test/corpus/dev/requirements/<set>/): written from the
 * regulations by others, in the held-out format; the rules are tuned on them, so `npm run eval`
 * reports them apart, labelled tuned.
 */
describe('development requirement documents', () => {
  const loaded = loadPacks();
  const sets = requirementSets(packageRoot(), 'dev');
  const results = evaluateRequirementPairs(sets, loaded.ruleSet, loaded.packs.flatMap((p) => p.requirements ?? []));

  it('are present, apart from the held-out pairs', () => {
    assert.ok(sets.length >= 2, `${sets.length} sets`);
    assert.ok(results.length >= 50, `${results.length} pairs`);
    assert.ok(sets.every((dir) => /[\\/]dev[\\/]requirements[\\/]/.test(dir)));
    assert.ok(requirementSets().every((dir) => /[\\/]blind[\\/]requirements[\\/]/.test(dir)));
  });

  it('name only requirements the packs list', () => {
    assert.deepEqual(results.filter((r) => r.problem).map((r) => `${r.set} ${r.requirement}: ${r.problem}`), []);
  });

  it('are reported as tuned, with their own totals', () => {
    const text = formatRequirementPairs(results, false, DEV_LABEL);
    assert.match(text.split('\n')[0], /^development requirement documents \(tuned: test\/corpus\/dev\/requirements\)/);
    assert.match(text, /breaking document caught\s+\d+\/\d+/);
    assert.doesNotMatch(text, /held-out/);
  });
});
