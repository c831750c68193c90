import * as assert from 'node:assert/strict';
import { buildLiteralTrie, stepFrom } from '../../../../server/src/core/clause/literalTrie';
import { foldTable } from '../../../../server/src/core/clause/fold';

/** The literals of `trie` that start at `at` in `text`, by walking it (ids in the order met). */
function walk(literals: string[], text: string, at: number): string[] {
  const fold = foldTable();
  const trie = buildLiteralTrie(literals, fold);
  const out: string[] = [];
  let node = trie.start[text.charCodeAt(at)];
  for (let q = at + 1; node !== 0; q++) {
    if (trie.terminal[node] >= 0) out.push(literals[trie.terminal[node]]);
    if (q >= text.length) break;
    node = stepFrom(trie, node, fold[text.charCodeAt(q)]);
  }
  return out;
}

describe('literal trie', () => {
  it('finds every literal that starts at a position, shortest first, through folded text', () => {
    const literals = ['建设', '建设用地', '建', '用地', '建设用地指标'];
    assert.deepEqual(walk(literals, '新增建設用地指標', 2), ['建', '建设', '建设用地', '建设用地指标']);
    assert.deepEqual(walk(literals, '新增建設用地指標', 4), ['用地']);
    assert.deepEqual(walk(literals, '新增建設用地指標', 0), []);
  });

  it('gives no step for a unit no literal continues with, and stops units the caller names', () => {
    const fold = foldTable();
    const trie = buildLiteralTrie(['不得', '不再'], fold, [0x20]);
    const node = trie.start['不'.charCodeAt(0)];
    assert.ok(node > 0);
    assert.ok(stepFrom(trie, node, '得'.charCodeAt(0)) > 0);
    assert.equal(stepFrom(trie, node, '是'.charCodeAt(0)), 0);
    assert.equal(trie.startOrStop[0x20], -1);
    assert.equal(trie.start[0x20], 0);
    assert.equal(trie.longest, 2);
  });

  it('holds thousands of literals sharing prefixes without losing one', () => {
    const literals: string[] = [];
    for (let i = 0; i < 3000; i++) literals.push(`不再${String.fromCharCode(0x4e00 + (i % 500))}${String.fromCharCode(0x5000 + Math.floor(i / 500))}`);
    const fold = foldTable();
    const trie = buildLiteralTrie(literals, fold);
    literals.forEach((literal, id) => {
      let node = trie.start[literal.charCodeAt(0)];
      for (let k = 1; k < literal.length; k++) node = stepFrom(trie, node, literal.charCodeAt(k));
      assert.equal(trie.terminal[node], id);
    });
  });
});
