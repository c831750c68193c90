import * as assert from 'node:assert/strict';
import { analyzeText, type Finding } from '../../../server/src/core';
import { loadPacks } from '../../../server/src/packs/loadPacks';
import { buildDocument, loadCases, type RequirementCase } from './requirementCases';

const loaded = loadPacks();
const requirements = loaded.packs.flatMap((p) => p.requirements ?? []);
const suites = loadCases();
const allCases = suites.flatMap((s) => s.cases);

function findings(c: RequirementCase, text: string): Finding[] {
  const ledger = c.asOf ? { asOf: c.asOf } : undefined;
  return analyzeText(text, loaded.ruleSet, { ledger }).filter((f) => f.rule === c.rule && (!c.mentions || f.message.includes(c.mentions)));
}

describe('requirements of the regulations', () => {
  for (const { file, cases } of suites) {
    describe(file, () => {
      for (const c of cases) {
        it(`${c.requirement}: ${c.rule}${c.mentions ? `（${c.mentions}）` : ''} fires when broken`, () => {
          const text = buildDocument(c.breaks, c.base);
          assert.ok(findings(c, text).length > 0, `no ${c.rule} finding on the breaking document`);
        });
        it(`${c.requirement}: ${c.rule} stays silent when kept`, () => {
          const text = buildDocument(c.keeps, c.base);
          const found = findings(c, text);
          assert.deepEqual(found.map((f) => f.message), [], `${c.rule} fired on the keeping document`);
        });
      }
    });
  }

  it('every case names a requirement a pack lists, and a rule that requirement names', () => {
    const byId = new Map(requirements.map((r) => [r.id, r]));
    const wrong = allCases
      .filter((c) => !byId.get(c.requirement)?.rules?.includes(c.rule))
      .map((c) => `${c.requirement} → ${c.rule}`);
    assert.deepEqual(wrong, []);
  });

  for (const pack of loaded.packs.filter((p) => p.requirements?.length)) {
    it(`${pack.id}: every requirement has a breaking and a keeping case for each of its rules, or a reason it cannot be checked`, () => {
      const open = (pack.requirements ?? [])
        .filter((r) => {
          if (r.notCheckable) return (r.rules ?? []).length > 0;
          if (!r.rules?.length) return true;
          return !r.rules.every((rule) => allCases.some((c) => c.requirement === r.id && c.rule === rule));
        })
        .map((r) => r.id);
      assert.deepEqual(open, [], 'requirements with neither a tested rule nor a reason (or with both)');
    });
  }

  it('requirement ids are unique', () => {
    const seen = new Set<string>();
    const twice = requirements.map((r) => r.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    assert.deepEqual(twice, []);
  });
});
