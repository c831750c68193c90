import * as assert from 'node:assert/strict';
import { check } from '../../helpers';

const BODY = '# 测试协议\n一、合作原则\n互利。\n二、重点项目\n（一）甲项目\n实施主体：甲。资金来源：乙。\n三、法律责任\n';
const clauseFindings = (sentence: string) => check(`${BODY}${sentence}\n`).filter((f) => f.rule.startsWith('clause/'));

describe('clause checks', () => {
  it('flags a forbidden phrase with a range on the offending words, to the end of their clause', () => {
    const findings = clauseFindings('乙方享有本区域独家经营权。');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, 'clause/exclusive');
    // 独家经营权: the risky word to the end of its clause, not the half word 独家.
    assert.equal(findings[0].range.end.character - findings[0].range.start.character, 5);
  });

  it('treats negated wording as compliant', () => {
    assert.deepEqual(clauseFindings('本协议不设排他性条款。'), []);
    assert.deepEqual(clauseFindings('甲方不提供任何形式的担保。'), []);
    assert.deepEqual(clauseFindings('双方合作为非排他性合作。'), []);
  });

  it('decides a guarantee by who gives it', () => {
    assert.deepEqual(clauseFindings('乙方向甲方提供履约担保。'), []);
    assert.equal(clauseFindings('甲方为乙方的贷款提供担保。')[0]?.rule, 'clause/government-guarantee');
    assert.equal(clauseFindings('乙方要求甲方提供担保。')[0]?.rule, 'clause/government-guarantee');
  });

  it('ignores phrases quoted from the regulation', () => {
    assert.deepEqual(clauseFindings('根据规定，协议中“排他性条款”应当删除。'.replace('应当删除', '须经审查')), []);
  });

  it('works on text with no spaces and characters outside the BMP before the phrase', () => {
    const findings = clauseFindings('😀𠀀乙方享有独家权。');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.character, 2 + 2 + 4);
  });

  it('honours inline disable comments, with a reason', () => {
    const body = `${BODY}<!-- agreement-disable-next-line clause/exclusive -- 经法制办审核同意 -->\n乙方享有独家权。\n`;
    assert.deepEqual(check(body).filter((f) => f.rule.startsWith('clause/')), []);
    const region = `${BODY}<!-- agreement-disable clause/exclusive -->\n乙方享有独家权。\n<!-- agreement-enable -->\n乙方享有独家权。\n`;
    assert.equal(check(region).filter((f) => f.rule === 'clause/exclusive').length, 1);
  });
});
