import * as assert from 'node:assert/strict';
import { corpusFiles, evaluate, formatMismatches, formatTable, readLabels, type EvalResult } from '../../../scripts/eval';
import { loadPacks } from '../../../server/src/packs/loadPacks';

/**
 * The labelled corpus in test/corpus/ (see its README): precision and recall of the
 * built-in packs, with the precision and recall targets.
 *
 *   clause/*            precision ≥ 0.97 and recall ≥ 0.95, per rule
 *   section/*, element/* exact (no false positive, no false negative)
 *   procedure/*, format/*, schema/*  exact as well: they are deterministic front-matter checks,
 *                       and every finding the linter reports is labelled.
 *
 * A rule that cannot reach its target is listed in KNOWN_SHORTFALLS with its figures and
 * the reason; the test then checks those figures exactly, so the list can't go stale.
 */
const KNOWN_SHORTFALLS: Record<string, { tp: number; fp: number; fn: number; why: string }> = {
  // (clause/advance-funding, 13/15 before: the advance and the repayment in different clauses —
  // 乙方承担的前期勘察设计费用，待项目入库后由甲方全额偿还 — is now a pattern of its own.)
};

const CATEGORIES = ['上级部委', '中央企业', '兄弟地区', '企业集团', '友好城市', '对口帮扶', '其他', '厅市会商', '对口合作', '政府合同'];

describe('labelled corpus', function () {
  this.timeout(60000);
  let result: EvalResult;
  const rules = loadPacks().ruleSet;

  before(() => {
    result = evaluate(corpusFiles(), rules);
  });

  const explain = () => `\n${formatTable(result)}\n\n${formatMismatches(result)}`;

  it('has at least 60 documents covering every category', () => {
    assert.ok(result.documents >= 60, `only ${result.documents} documents`);
    for (const category of CATEGORIES) assert.ok((result.categories[category] ?? 0) >= 3, `fewer than 3 documents of 类别 ${category}`);
  });

  it('has well-formed labels', () => {
    assert.deepEqual(result.problems, []);
  });

  it('expects every rule the packs define at least once', () => {
    assert.deepEqual(result.uncovered, [], `rules with no positive label: ${result.uncovered.join(', ')}`);
  });

  it('has at least 8 positive labels for every clause rule', () => {
    for (const r of result.perRule.filter((x) => x.rule.startsWith('clause/'))) {
      assert.ok(r.tp + r.fn >= 8, `${r.rule}: only ${r.tp + r.fn} positive labels`);
    }
  });

  it('meets precision ≥ 0.97 and recall ≥ 0.95 for every clause rule', () => {
    for (const r of result.perRule.filter((x) => x.rule.startsWith('clause/'))) {
      const known = KNOWN_SHORTFALLS[r.rule];
      if (known) {
        assert.deepEqual({ tp: r.tp, fp: r.fp, fn: r.fn }, { tp: known.tp, fp: known.fp, fn: known.fn }, `${r.rule}: known shortfall changed${explain()}`);
        continue;
      }
      assert.ok(r.precision >= 0.97, `${r.rule}: precision ${r.precision.toFixed(3)} (TP ${r.tp}, FP ${r.fp})${explain()}`);
      assert.ok(r.recall >= 0.95, `${r.rule}: recall ${r.recall.toFixed(3)} (TP ${r.tp}, FN ${r.fn})${explain()}`);
    }
  });

  for (const family of ['section', 'element', 'procedure', 'format', 'schema']) {
    it(`is exact for ${family}/*`, () => {
      const wrong = result.mismatches.filter((m) => m.rule.startsWith(`${family}/`));
      assert.deepEqual(wrong, [], explain());
    });
  }

  it('reads labels: per line, with counts, and for the front matter', () => {
    const doc = readLabels(
      'x.agreement.md',
      ['---', '类别: 企业集团', '---', '# 标题 <!-- expect: section/missing*2 -->', '<!-- expect-frontmatter: procedure/legal-review -->', '乙方享有独家经营权。 <!-- expect: clause/exclusive clause/bid-bypass -->'].join('\n'),
    );
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(
      doc.labels.map((l) => `${l.rule}@${l.line}`),
      ['section/missing@3', 'section/missing@3', 'procedure/legal-review@-1', 'clause/exclusive@5', 'clause/bid-bypass@5'],
    );
    assert.equal(doc.text.split('\n')[3], '# 标题');
    assert.equal(doc.text.split('\n')[5], '乙方享有独家经营权。');
    assert.equal(doc.text.split('\n').length, 6);
  });
});
