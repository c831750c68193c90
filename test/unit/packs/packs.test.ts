import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { unresolvedCitations, unresolvedConcepts } from '../../../server/src/core';
import { evaluateSentence } from '../../../server/src/core/checks/clauses';
import { identifyParties } from '../../../server/src/core/parties';
import { builtinPackFiles, loadPacks, readPackFile } from '../../../server/src/packs/loadPacks';

/** 甲方 is a district government, 乙方 a company: the usual case the examples are written for. */
const PARTIES = identifyParties({ 甲方: '天津市河北区人民政府', 乙方: '某某集团有限公司' });

describe('built-in rule packs', () => {
  const loaded = loadPacks();
  const context = { rules: loaded.ruleSet, parties: PARTIES };

  it('finds the six built-in packs', () => {
    const names = builtinPackFiles().map((f) => path.basename(f));
    for (const name of ['national.yaml', 'national-fiscal.yaml', 'hebei-2017-47.yaml', 'hebei-kjt-tsh.yaml', 'duikou-hezuo.yaml', 'government-contract.yaml']) {
      assert.ok(names.includes(name), `rules/${name} is missing`);
    }
  });

  for (const file of builtinPackFiles()) {
    it(`${path.basename(file)} validates with no problems`, () => {
      const result = readPackFile(file);
      assert.deepEqual(result.problems, []);
      assert.ok(result.pack, 'no pack returned');
    });
  }

  it('loads every built-in pack together without problems', () => {
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.packs.length, builtinPackFiles().length);
  });

  it('resolves every citation to a declared provision', () => {
    assert.deepEqual(unresolvedCitations(loaded.packs), []);
    assert.deepEqual(unresolvedConcepts(loaded.packs), [], 'every concept a pattern names is defined');
  });

  it('gives every rule a unique id across the built-in packs', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const pack of loaded.packs) {
      for (const id of [...(pack.clauses ?? []).map((c) => c.id), ...(pack.checks ?? []).map((c) => c.id)]) {
        if (seen.has(id)) duplicates.push(`${id} (${seen.get(id)} and ${pack.id})`);
        seen.set(id, pack.id);
      }
    }
    assert.deepEqual(duplicates, []);
  });

  it('declares each category once and each regulation id once', () => {
    const categories = loaded.packs.flatMap((p) => (p.categories ?? []).map((c) => c.name));
    assert.deepEqual(categories.filter((c, i) => categories.indexOf(c) !== i), []);
    const regulations = loaded.packs.flatMap((p) => (p.regulations ?? []).map((r) => r.id));
    assert.deepEqual(regulations.filter((r, i) => regulations.indexOf(r) !== i), []);
  });

  it('covers the clause rule ids named in the design', () => {
    const ids = new Set(loaded.ruleSet.clauses.map((c) => c.rule.id));
    for (const id of [
      'clause/exclusive', 'clause/government-guarantee', 'clause/waive-rights', 'clause/tax-rebate', 'clause/land-price',
      'clause/guaranteed-return', 'clause/local-condition', 'clause/bid-bypass', 'clause/advance-funding',
      'clause/beyond-authority', 'clause/public-interest', 'clause/reshuffle-breach', 'clause/industry-policy',
      'clause/free-state-assets', 'clause/fee-waiver', 'clause/open-ended-reward', 'clause/relocation-incentive',
      'clause/land-preassignment', 'clause/unapproved-construction', 'clause/fiscal-credit-support', 'clause/disguised-debt',
      'clause/concession-bypass', 'clause/excess-compensation', 'clause/government-shareholding', 'clause/unilateral-interpretation',
    ]) {
      assert.ok(ids.has(id), `${id} is not defined by any built-in pack`);
    }
  });

  describe("each clause rule's own examples", () => {
    for (const compiled of loaded.ruleSet.clauses) {
      const rule = compiled.rule;
      const category = rule.categories?.[0];
      it(`${rule.id}: has bad and good examples`, () => {
        assert.ok(rule.examples.bad.length >= 3, `${rule.id}: fewer than 3 bad examples`);
        assert.ok(rule.examples.good.length >= 3, `${rule.id}: fewer than 3 good examples`);
      });
      for (const sentence of rule.examples.bad) {
        it(`${rule.id} flags: ${sentence}`, () => {
          const hits = evaluateSentence(context, sentence, category).map((h) => h.clause.rule.id);
          assert.ok(hits.includes(rule.id), `not flagged by ${rule.id} (hits: ${hits.join(', ') || 'none'})`);
        });
      }
      for (const sentence of rule.examples.good) {
        it(`${rule.id} passes: ${sentence}`, () => {
          const hits = evaluateSentence(context, sentence, category).map((h) => h.clause.rule.id);
          assert.ok(!hits.includes(rule.id), `wrongly flagged by ${rule.id}`);
        });
      }
    }
  });
});
