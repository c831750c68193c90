import * as assert from 'node:assert/strict';
import { isLawfulLimit, isLawfulWording, lawfulLimitAfter, lawfulWordingGoverns, type LawfulScopeReader } from '../../../../server/src/core/clause/lawfulScope';

/** Where the words are in `text`: the first occurrence of each. */
const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

/** A reader for 甲方 (government) and 乙方 (counterparty) opening a clause; the head concept is `head` only. */
function reader(text: string, heads: Array<{ start: number; end: number }>): LawfulScopeReader {
  return {
    openingParty: (from) => (text.startsWith('甲方', from) ? { text: '甲方', government: true } : text.startsWith('乙方', from) ? { text: '乙方', government: false } : undefined),
    headWithin: (from, to) => heads.some((h) => h.start >= from && h.end <= to),
  };
}

function governs(text: string, lawful: string, head: string, others: string[] = []): boolean {
  const h = at(text, head);
  const l = at(text, lawful);
  return lawfulWordingGoverns(text, l.start, l.end, [h, ...others.map((o) => at(text, o))], h, reader(text, [h]));
}

describe('lawful scope', () => {
  it('knows lawful wording and limits by the state’s rules', () => {
    assert.ok(isLawfulWording('依法缴纳'));
    assert.ok(!isLawfulWording('市场价'));
    assert.ok(isLawfulLimit('上述补贴以国家和省统一政策为限。'));
    assert.ok(isLawfulLimit('具体按国家有关规定执行'));
    assert.ok(!isLawfulLimit('补贴资金按季度拨付'));
    assert.ok(!isLawfulLimit('乙方按国家有关规定执行并另行获得奖励'));
  });

  it('a limit in the head’s clause or after it counts; one before it does not', () => {
    const text = '甲方给予乙方奖励，奖励以国家统一政策为限';
    assert.ok(lawfulLimitAfter(text, text.indexOf('奖励')));
    const before = '上述奖励以国家统一政策为限，甲方另给予乙方奖励';
    assert.ok(!lawfulLimitAfter(before, before.lastIndexOf('奖励')));
  });

  it('a counterparty’s own lawful clause before the government’s promise governs only itself', () => {
    assert.ok(!governs('乙方依法纳税，甲方给予奖励', '依法纳税', '奖励'));
    // The same subject goes on: 乙方依法取得用地，并享受…….
    assert.ok(governs('乙方依法取得用地，并享受奖励', '依法取得', '奖励'));
    // After the promise: the counterparty's lawful counter-performance.
    assert.ok(governs('甲方提供厂房，乙方依法支付租金', '依法支付', '厂房'));
  });

  it('lead-ins, conditions, provisos and the clause holding a matched word govern', () => {
    assert.ok(governs('按照国家有关规定，甲方给予奖励', '国家有关规定', '奖励'));
    assert.ok(governs('乙方依法取得许可后，甲方给予奖励', '依法取得', '奖励'));
    assert.ok(governs('甲方给予奖励，但依法应当收回的除外', '依法', '奖励'));
    assert.ok(governs('乙方依法缴纳税款，甲方按税款给予奖励', '依法缴纳', '奖励', ['税款']));
  });

  it('a part set aside governs nothing else, unless it defers to the law', () => {
    assert.ok(!governs('甲方除依法补偿外，另给予奖励', '依法补偿', '奖励'));
    assert.ok(governs('除法律法规另有规定外，甲方给予奖励', '法律法规', '奖励'));
  });
});
