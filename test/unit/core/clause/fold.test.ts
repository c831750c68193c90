import * as assert from 'node:assert/strict';
import { foldForMatch, foldTable } from '../../../../server/src/core/clause/fold';
import { foldWidth, normaliseWord, simplifiedCodePoint } from '../../../../server/src/core/clause/normalise';
import { isBlankCode } from '../../../../server/src/core/parse/lineJoin';

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
const isInvisible = (c: number) => c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0xad;

describe('character folding tables', () => {
  it('the fold table gives every BMP code unit its simplified, half-width form (itself when that lies outside the BMP)', () => {
    const table = foldTable();
    for (let c = 0; c < 0x10000; c++) {
      const mapped = isSurrogate(c) ? c : simplifiedCodePoint(foldWidth(c));
      assert.equal(table[c], mapped <= 0xffff ? mapped : c, `U+${c.toString(16)}`);
    }
    assert.equal(foldForMatch('實施主體ＡＢ１'), '实施主体AB1');
  });

  it('a word is normalised character by character as the definition says: blanks and invisible characters dropped, the rest simplified and half-width', () => {
    for (let c = 0; c < 0x10000; c++) {
      let expected: string;
      if (isSurrogate(c)) expected = String.fromCharCode(c);
      else if (isBlankCode(c) || isInvisible(c) || c === 10 || c === 13) expected = '';
      else expected = String.fromCodePoint(simplifiedCodePoint(foldWidth(c)));
      const got = normaliseWord(String.fromCharCode(c));
      if (got !== expected) assert.fail(`U+${c.toString(16)}: ${JSON.stringify(got)} instead of ${JSON.stringify(expected)}`);
    }
  });
});
