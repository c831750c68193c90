import * as assert from 'node:assert/strict';
import { mentionPositions } from '../../../../server/src/core/clause/mentionPositions';
import { partyMentions } from '../../../../server/src/core/clause/language';

describe('party mention positions', () => {
  const mentions = [
    { text: '区人民政府', government: true },
    { text: '人民政府', government: true },
    { text: '乙方', government: false },
    { text: '乙方乙方', government: false },
  ];

  it('finds every place of every mention, overlapping ones too, as a search from each place would', () => {
    const text = '区人民政府与乙方乙方乙方约定，人民政府支持乙方。';
    const expected = mentions.map((m) => {
      const at: number[] = [];
      for (let k = text.indexOf(m.text); k >= 0; k = text.indexOf(m.text, k + 1)) at.push(k);
      return at;
    });
    assert.deepEqual(mentionPositions(text, mentions), expected);
    assert.deepEqual(mentionPositions('', mentions), [[], [], [], []]);
  });

  it('gives the acting-party reading the same mentions as searching for each', () => {
    const text = '区人民政府与乙方乙方乙方约定，人民政府支持乙方。';
    assert.deepEqual(partyMentions(text, mentions, mentionPositions(text, mentions)), partyMentions(text, mentions));
  });
});
