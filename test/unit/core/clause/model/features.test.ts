import * as assert from 'node:assert/strict';
import { bigramKey, gramKeys, gramText, modelSymbols, modelText, negatedFlags, negatedKey, negationCuesRead } from '../../../../../server/src/core/clause/model/features';
import { CUES_BY_FIRST_UNIT } from '../../../../../server/src/core/clause/language';

const MENTIONS = [
  { text: '某某区人民政府', government: true },
  { text: '甲方', government: true },
  { text: '某某科技有限公司', government: false },
  { text: '乙方', government: false },
  { text: '管委会', government: true },
];

describe('what the clause model reads', () => {
  it('names each party by its side, the longest mention first', () => {
    assert.equal(modelText('某某区人民政府同意某某科技有限公司入驻', MENTIONS), 'Ｇ同意Ｃ入驻');
    assert.equal(modelText('甲方给予乙方补贴', MENTIONS), 'Ｇ给予Ｃ补贴');
  });

  it('reads traditional and full-width text as simplified and half-width', () => {
    assert.equal(modelText('甲方將稅收返還乙方', MENTIONS), modelText('甲方将税收返还乙方', MENTIONS));
    assert.equal(modelText('ＡＢ１２', MENTIONS), 'AB0');
  });

  it('drops blanks and PDF line breaks, inside a party name too', () => {
    assert.equal(modelText('甲方同意\n给予 乙方　补贴', MENTIONS), 'Ｇ同意给予Ｃ补贴');
    assert.equal(modelText('管委\n会负责', MENTIONS), 'Ｇ负责');
  });

  it('reads any number as one 0', () => {
    assert.equal(modelText('按1,200.5万元和30%支付', MENTIONS), '按0万元和0%支付');
  });

  it('keeps everything else as written and reuses its buffer safely', () => {
    const long = '条'.repeat(5000);
    assert.equal(modelSymbols(long, MENTIONS).length, 5000);
    assert.equal(modelText('由此产生的费用', MENTIONS), '由此产生的费用');
  });

  it('marks what a negation cue governs, to the end of its comma-clause', () => {
    const text = modelText('甲方不得将土地无偿提供乙方，乙方依法纳税', MENTIONS);
    const flags = negatedFlags([...text].map((c) => c.charCodeAt(0)), text.length);
    const marked = [...text].filter((_, i) => flags![i] === 1).join('');
    assert.equal(marked, '将土地无偿提供Ｃ');
    const keys = gramKeys(text);
    assert.ok(keys.includes(negatedKey('提'.charCodeAt(0))));
    assert.ok(!keys.includes('提'.charCodeAt(0)), 'a negated character is read as negated only, not also as itself');
    assert.ok(keys.includes('纳'.charCodeAt(0)));
    assert.ok(!keys.includes(negatedKey('纳'.charCodeAt(0))), 'the next comma-clause is not negated');
    assert.equal(gramText(negatedKey('提'.charCodeAt(0))), '提');
    assert.equal(negatedFlags([...'甲方给予乙方补贴'].map((c) => c.charCodeAt(0)), 8), null, 'no cue, no flags');
  });

  it('gives each character a unigram and each pair a bigram, with the sentence ends', () => {
    const keys = gramKeys('返还');
    assert.equal(keys.length, 2 * 2 + 1);
    assert.deepEqual(keys.filter((k) => k < 65536).map(gramText), ['返', '还']);
    assert.ok(keys.includes(bigramKey('返'.charCodeAt(0), '还'.charCodeAt(0))));
    assert.equal(gramText(bigramKey('返'.charCodeAt(0), '还'.charCodeAt(0))), '返还');
    assert.ok(keys.every((k) => Number.isSafeInteger(k)));
  });

  it('names the negation cues it reads, so that a model trained before they changed is known to be stale', () => {
    const before = negationCuesRead();
    assert.ok(before.split('\u0001').includes('不得'));
    const list = CUES_BY_FIRST_UNIT.get('不'.charCodeAt(0))!;
    list.push('不试验');
    try {
      assert.notEqual(negationCuesRead(), before);
    } finally {
      list.pop();
    }
    assert.equal(negationCuesRead(), before);
  });
});
