import * as assert from 'node:assert/strict';
import { analyzeText, buildRuleSet } from '../../../../server/src/core';
import { fixAll } from '../../../../server/src/core/fixes/fixAll';
import { bothLineBreaks, checkFix, FRONT, RULES, TEST_PACK } from './helpers';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const lines = (...l: string[]) => l.join('\n');
const body = (content: string) => FRONT + lines('一、合作原则', '互利共赢。', '二、合作内容', content, '三、法律责任', '依法承担责任。', '');

describe('clause/* quick fixes: replace with compliant wording, or remove the sentence', () => {
  bothLineBreaks('replaces the offending sentence with the pack’s wording (preferred)', (c) => {
    const text = c(body('双方在智能制造领域开展合作。甲方同意乙方为本区域唯一合作伙伴，享有独家合作权。双方定期会商。'));
    const finding = analyzeText(text, RULES).find((f) => f.rule === 'clause/exclusive')!;
    assert.equal(fixesOf(finding).find((f) => f.preferred)?.title, '改为合规表述：“本协议不设排他性条款。”');
    const fixed = checkFix(text, { rule: 'clause/exclusive' });
    assert.equal(fixed, c(body('双方在智能制造领域开展合作。本协议不设排他性条款。双方定期会商。')));
  });

  bothLineBreaks('removes a sentence in the middle of a line, leaving its neighbours', (c) => {
    const text = c(body('双方开展合作。甲方给予乙方独家合作权。双方定期会商。'));
    const fixed = checkFix(text, { rule: 'clause/exclusive', title: '删除此句' });
    assert.equal(fixed, c(body('双方开展合作。双方定期会商。')));
  });

  bothLineBreaks('removes a sentence alone on its line together with the line', (c) => {
    const text = c(body(lines('双方开展合作。', '甲方为乙方的银行贷款提供担保。', '双方定期会商。')));
    const finding = analyzeText(text, RULES).find((f) => f.rule === 'clause/government-guarantee')!;
    assert.deepEqual(fixesOf(finding).map((f) => f.title), ['删除此句']);
    const fixed = checkFix(text, { rule: 'clause/government-guarantee' });
    assert.equal(fixed, c(body(lines('双方开展合作。', '双方定期会商。'))));
  });

  bothLineBreaks('removes the last line of a file without a final line break', (c) => {
    const text = c(FRONT + lines('一、合作原则', '互利共赢。', '甲方为乙方贷款提供担保。'));
    const fixed = checkFix(text, { rule: 'clause/government-guarantee' });
    assert.ok(!fixed.includes('担保'), fixed);
    assert.ok(fixed.startsWith(c(`${FRONT}一、合作原则\n互利共赢。`)), fixed);
  });

  it('leaves compliant wording alone', () => {
    const text = body('本协议不设排他性条款。乙方向甲方提供履约担保。');
    assert.deepEqual(analyzeText(text, RULES).filter((f) => f.rule.startsWith('clause/')), []);
  });

  bothLineBreaks('keeps a short label before the words and the list marker', (c) => {
    const text = c(body(lines('前言：甲方同意乙方为唯一合作伙伴。', '1. 甲方给予乙方独家合作权；', '双方定期会商。')));
    const fixed = fixAll(text, RULES).text;
    assert.equal(fixed, c(body(lines('前言：本协议不设排他性条款。', '1. 本协议不设排他性条款；', '双方定期会商。'))));
  });

  it('--fix rewrites a sentence at most once, even when its new wording breaks another rule', () => {
    // A pack whose first wording (乙方享有优先合作权) is itself caught by a second rule.
    const pack = structuredClone(TEST_PACK);
    pack.id = 'test/rewrite-once';
    pack.clauses![0] = { ...pack.clauses![0], replacement: '乙方享有优先合作权。' };
    pack.clauses!.push({ ...pack.clauses![0], id: 'clause/priority', any: ['优先合作权'], replacement: '本协议不设排他性条款。', examples: { bad: ['乙方享有优先合作权。'], good: ['本协议不设排他性条款。'] } });
    const rules = buildRuleSet([pack]);
    const text = body('双方开展合作。甲方给予乙方独家合作权。双方定期会商。');
    const result = fixAll(text, rules);
    assert.equal(result.text, body('双方开展合作。乙方享有优先合作权。双方定期会商。'));
    // The second rule's finding stays for the officer to decide.
    assert.ok(result.remaining.some((f) => f.rule === 'clause/priority'));
  });
});
