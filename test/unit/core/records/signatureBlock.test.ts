import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../../server/src/core';
import { createContext } from '../../../../server/src/core/context';
import { lastLines, recordedSigners, signatureBlockSigners } from '../../../../server/src/core/records/signatureBlock';
import { LineIndex } from '../../../../server/src/core/parse';
import { loadPacks } from '../../../../server/src/packs/loadPacks';

const rules = loadPacks().ruleSet;
const HEAD = '---\n甲方: 天津市河北区人民政府\n乙方: 海晏集团有限公司\n---\n一、合作内容\n双方开展合作。\n\n本协议自双方签字盖章之日起生效。\n\n';
const read = (block: string, head = HEAD) => signatureBlockSigners(createContext(parseDocument(head + block), rules, []));
const summary = (block: string) => read(block).map((s) => [s.role, s.post?.name, s.text]);

describe('signers from the signature block', () => {
  it('reads 签字 lines under each party line', () => {
    assert.deepEqual(summary('甲方：天津市河北区人民政府（盖章）\n代表（签字）：区长 周某\n乙方：海晏集团有限公司（盖章）\n签字：董事长 邵某\n签署日期：2026年3月18日\n'), [
      ['甲方', '区长', '区长 周某'],
      ['乙方', '董事长', '董事长 邵某'],
    ]);
  });

  it('reads the post from the label, before or after the name', () => {
    assert.deepEqual(summary('天津市河北区人民政府（盖章）\n区长（签字）：周某\n海晏集团有限公司（盖章）\n董事长：邵某（签字）\n'), [
      ['甲方', '区长', '区长 周某'],
      ['乙方', '董事长', '董事长 邵某'],
    ]);
  });

  it('reads parties side by side column by column', () => {
    assert.deepEqual(summary('甲方：天津市河北区人民政府（盖章）　　　　乙方：海晏集团有限公司（盖章）\n代表（签字）：副区长 张某　　　　代表（签字）：项目经理 李某\n'), [
      ['甲方', '副区长', '副区长 张某'],
      ['乙方', '项目经理', '项目经理 李某'],
    ]);
  });

  it('finds no signer in blanks left for signatures, in dates or in the effect clause', () => {
    assert.deepEqual(read('甲方（盖章）：天津市河北区人民政府　　代表（签字）：\n乙方代表（签字）：＿＿＿＿\n签署日期：2026年3月18日\n'), []);
    assert.deepEqual(read(''), []);
  });

  it('is read only when the front matter records no 签署人', () => {
    const head = '---\n甲方: 天津市河北区人民政府\n乙方: 海晏集团有限公司\n签署人: { 甲方: 副区长 王某, 乙方: 总经理 赵某 }\n---\n正文。\n\n';
    const context = createContext(parseDocument(head + '甲方：天津市河北区人民政府（盖章）\n签字：区长 周某\n'), rules, []);
    assert.deepEqual(recordedSigners(context).map((s) => s.text), ['副区长 王某', '总经理 赵某']);
  });
});

/** The body split line by line from `from`, as the signature block was read before: every line, then the last `count`. */
function splitAll(text: string, from: number, count: number): Array<{ text: string; start: number }> {
  const lines: Array<{ text: string; start: number }> = [];
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m[0].length > 0; m = re.exec(text)) {
    lines.push({ text: m[0].replace(/[\r\n]+$/, ''), start: m.index });
    if (re.lastIndex >= text.length) break;
  }
  return lines.slice(-count);
}

describe('signature block: the last lines of the body', () => {
  it('are the lines a split of the whole body ends with, for LF, CRLF, lone CR, blank lines and a start inside a line', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const parts = ['甲方（盖章）', '代表（签字）：区长 周文远', '\n', '\r', '\r\n', '　', '\n\n', 'x'];
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let n = random(90); n > 0; n--) text += parts[random(parts.length)];
      const from = random(text.length + 2);
      const count = 1 + random(40);
      assert.deepEqual(lastLines(new LineIndex(text), text, from, count), splitAll(text, from, count), JSON.stringify({ text, from, count }));
    }
  });
});
