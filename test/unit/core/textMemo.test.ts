import * as assert from 'node:assert/strict';
import { TextMemo } from '../../../server/src/core/textMemo';

describe('text memo', () => {
  it('computes a text once while it is remembered, and gives what the function gives', () => {
    const calls: string[] = [];
    const memo = new TextMemo((t) => {
      calls.push(t);
      return t.toUpperCase();
    }, 100);
    const document = 'abc def ghi';
    assert.equal(memo.get(document.slice(0, 3)), 'ABC');
    assert.equal(memo.get(document.slice(4, 7)), 'DEF');
    // A new slice with the same characters is the same text.
    assert.equal(memo.get(('x' + document).slice(1, 4)), 'ABC');
    assert.deepEqual(calls, ['abc', 'def']);
  });

  it('forgets the oldest generation once the characters remembered pass the bound, and never remembers a text longer than it', () => {
    let calls = 0;
    const memo = new TextMemo((t) => {
      calls++;
      return t.length;
    }, 10);
    memo.get('aaaa');
    memo.get('bbbb');
    // 'cccc' starts a new generation; 'aaaa' and 'bbbb' are still found in the previous one.
    memo.get('cccc');
    memo.get('aaaa');
    assert.equal(calls, 3);
    // Two more generations later the first texts are gone.
    memo.get('dddddddd');
    memo.get('eeeeeeee');
    memo.get('bbbb');
    assert.equal(calls, 6);
    const long = 'x'.repeat(11);
    assert.equal(memo.get(long), 11);
    assert.equal(memo.get(long), 11);
    assert.equal(calls, 8);
  });
});
