import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../../server/src/core';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { FRONT } from '../../helpers';

describe('clause checks and the place of a sentence', () => {
  const builtin = loadPacks().ruleSet;
  const clauseRules = (body: string) => analyzeText(`${FRONT}\n# 测试协议\n${body}\n`, builtin).map((f) => f.rule).filter((r) => r.startsWith('clause/'));

  it('reads no heading title as a clause (第六章 履约担保)', () => {
    assert.deepEqual(clauseRules('第六章 履约担保\n第十八条 乙方应向甲方提交建设期履约保函。'), []);
  });

  it('reads no title written before the article text on its line', () => {
    assert.deepEqual(clauseRules('第六条 担保。乙方应向甲方提交建设期履约保函。'), []);
  });

  it('still reads a short list item that ends its line', () => {
    assert.deepEqual(clauseRules('七、附则\n（一）本协议自签字盖章之日起生效。\n（二）本协议的最终解释权归甲方所有。'), ['clause/unilateral-interpretation']);
  });

  it('still reads an article whose text follows its number', () => {
    assert.ok(clauseRules('第十条 甲方为乙方项目贷款提供担保。').includes('clause/government-guarantee'));
  });

  it('reads no recital under a bare 鉴于：', () => {
    assert.deepEqual(clauseRules('鉴于：\n1．原协议履行过程中，部分条款需要根据项目实际进展予以调整完善。\n2．乙方拟追加投资。'), []);
  });

  it('still reads a clause that opens with 鉴于 and agrees something', () => {
    assert.ok(clauseRules('鉴于乙方已先期投资，甲方同意免于招标直接将燃气特许经营权授予乙方。').length > 0);
  });

  it('reads no definition as a promise (本协议所称“保底收益”，是指……)', () => {
    assert.deepEqual(clauseRules('本协议所称“保底收益”，是指乙方每年获得的固定收益。'), []);
    assert.deepEqual(clauseRules('“固定回报”系指甲方每年向乙方支付的款项。'), []);
    assert.deepEqual(clauseRules('保底收益是指乙方每年获得的固定收益。'), []);
  });

  it('still reads the promise beside a definition, and a promise dressed as one', () => {
    assert.ok(clauseRules('甲方确保乙方每年获得不低于8%的保底收益。').includes('clause/guaranteed-return'));
    assert.ok(clauseRules('本协议所称保底收益，是指乙方收益；甲方确保乙方每年获得不低于8%的保底收益。').includes('clause/guaranteed-return'));
    assert.ok(clauseRules('甲方承诺给予乙方的补贴是指每年100万元的固定收益。').includes('clause/guaranteed-return'));
    // 指定 is no 指: 甲方指定乙方为独家供应商 is read.
    assert.ok(clauseRules('甲方指定乙方为独家供应商。').includes('clause/exclusive'));
  });
});
