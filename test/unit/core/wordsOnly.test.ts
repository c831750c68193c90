import * as assert from 'node:assert/strict';
import { wordsOnly } from '../../../server/src/core/wordsOnly';

const byRegex = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, '');

describe('words only', () => {
  it('drops blanks, punctuation and symbols and keeps the words', () => {
    assert.equal(wordsOnly('（三）资金保障：　待定。'), '三资金保障待定');
    assert.equal(wordsOnly('甲方'), '甲方');
    assert.equal(wordsOnly(''), '');
    assert.equal(wordsOnly('“，。；…—'), '');
  });

  it('gives what the regular expression gives for every BMP code unit, with words around it', () => {
    for (let c = 0; c < 0x10000; c++) {
      const text = `甲${String.fromCharCode(c)}乙`;
      assert.equal(wordsOnly(text), byRegex(text), `U+${c.toString(16)}`);
    }
  });

  it('gives what the regular expression gives on seeded strings with supplementary characters and lone surrogates', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['甲', '，', ' ', '\u3000', '😀', '𠀀', '\ud800', '\udc00', '𝐀', '💲', '￥', 'a', '\n', '（', '）', '。'];
    for (let i = 0; i < 20000; i++) {
      let text = '';
      for (let k = Math.floor(next() * 10); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      assert.equal(wordsOnly(text), byRegex(text), JSON.stringify(text));
    }
  });
});
