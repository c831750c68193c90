import * as assert from 'node:assert/strict';
import { withoutYielded } from '../../../../server/src/core/checks/clauseYield';
import type { CompiledClause } from '../../../../server/src/core/pack/ruleSet';
import { analyzeText } from '../../../../server/src/core';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { FRONT } from '../../helpers';

const hit = (id: string, yieldsTo?: string[]) => ({ clause: { rule: { id, yieldsTo } } as unknown as CompiledClause, start: 0, end: 4 });
const ids = (hits: Array<{ clause: CompiledClause }>) => hits.map((h) => h.clause.rule.id);

describe('clause rules yielding to a more specific sibling', () => {
  const builtin = loadPacks().ruleSet;
  it('drops a finding when a rule it yields to is found in the same sentence', () => {
    assert.deepEqual(ids(withoutYielded([hit('clause/a', ['clause/b']), hit('clause/b')])), ['clause/b']);
  });

  it('keeps it when that rule is not found', () => {
    assert.deepEqual(ids(withoutYielded([hit('clause/a', ['clause/b']), hit('clause/c')])), ['clause/a', 'clause/c']);
  });

  it('keeps both when each yields to the other', () => {
    assert.deepEqual(ids(withoutYielded([hit('clause/a', ['clause/b']), hit('clause/b', ['clause/a'])])), ['clause/a', 'clause/b']);
  });

  it('names only rules the built-in packs define', () => {
    const rules = builtin.clauses.map((c) => c.rule);
    const defined = new Set(rules.map((r) => r.id));
    for (const rule of rules) for (const other of rule.yieldsTo ?? []) assert.ok(defined.has(other), `${rule.id} yieldsTo ${other}`);
  });

  it('reports a priced farmland quota as cross-region farmland, not as a land price', () => {
    const body = `${FRONT.replace('类别: 企业集团', '类别: 对口合作')}\n# 测试协议\n一、合作内容\n两市开展跨区域耕地占补平衡合作，甲方将新增补充耕地指标优先调剂给乙方使用，调剂价格按每亩30万元结算。\n`;
    const rules = analyzeText(body, builtin).map((f) => f.rule).filter((r) => r.startsWith('clause/'));
    assert.deepEqual(rules, ['clause/cross-region-farmland']);
  });
});
