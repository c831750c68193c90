/**
 * The front-matter fast path must agree exactly with the yaml package whenever it
 * answers: same data, same key and value spans. Checked on real front matter and on
 * thousands of seeded mutations full of YAML's special characters.
 */
import * as assert from 'node:assert/strict';
import { isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { parseSimpleYaml } from '../../../../server/src/core/parse/simpleYaml';

function reference(source: string, base: number) {
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, strict: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const data = doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
  const entries = doc.contents.items.map((pair) => {
    const keyNode = pair.key as YamlNode;
    const valueNode = pair.value as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    return {
      key,
      keySpan: { start: base + keyNode.range![0], end: base + keyNode.range![1] },
      valueSpan: { start: base + valueNode.range![0], end: base + Math.max(valueNode.range![0], valueNode.range![1]) },
      value: data[key],
    };
  });
  return { data, entries };
}

const REAL = '文种: 协议书\n类别: 企业集团\n标题: 天津市河北区人民政府与某某集团有限公司战略合作协议\n甲方: 天津市河北区人民政府\n乙方: 某某集团有限公司\n牵头单位: 区商务局\n签署日期: 2025-06-30\n有效期: 5年\n涉外: false\n适用法律: 中华人民共和国法律\n';

describe('front matter fast path (simpleYaml)', () => {
  it('reads ordinary front matter exactly as the yaml package does', () => {
    const fast = parseSimpleYaml(REAL, 4);
    assert.ok(fast, 'the fast path takes ordinary front matter');
    const ref = reference(REAL, 4)!;
    assert.deepEqual(fast, ref.entries);
    assert.deepEqual(Object.fromEntries(fast.map((e) => [e.key, e.value])), ref.data);
  });

  it('declines what it does not fully understand', () => {
    for (const source of ['a: 1\n', 'a:\n', 'a: [x]\n', 'a: "x"\n', '# c\na: b\n', 'a: b # c\n', '  a: b\n', 'a: b\na: c\n', 'a: ~\n', 'a: b: c\n', 'a: x\r', '- a\n', 'a: 1.5\n', 'a: 0x1F\n', 'a: .inf\n', '\n']) {
      assert.equal(parseSimpleYaml(source, 0), null, JSON.stringify(source));
    }
  });

  it('agrees with the yaml package on seeded mutations whenever it answers', () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [':', ': ', ' ', '  ', '#', ' #', '-', '- ', '?', '"', "'", '[', ']', '{', '}', ',', '&a', '*a', '!', '|', '>', '%', '@', '`', '.', '~', '0', '1', '2025-06-30', 'true', 'False', 'null', 'NULL', '\t', '\r\n', '\n', '\u3000', '😀', '协议', 'yes', 'on', '0o7', '+1', '1e3', '.5', '5年', '__proto__', '<<', '=', 'x:y', '1_000'];
    let answered = 0;
    for (let round = 0; round < 4000; round++) {
      let text = REAL;
      const edits = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(rand() * (text.length + 1));
        text = text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + text.slice(at);
      }
      const fast = parseSimpleYaml(text, 7);
      if (!fast) continue;
      answered++;
      const ref = reference(text, 7);
      assert.ok(ref, `the fast path answered where yaml fails: ${JSON.stringify(text)}`);
      assert.deepEqual(fast, ref.entries, JSON.stringify(text));
      assert.deepEqual(Object.fromEntries(fast.map((e) => [e.key, e.value])), ref.data, JSON.stringify(text));
    }
    assert.ok(answered > 500, `the fast path answered only ${answered} times`);
  });
});
