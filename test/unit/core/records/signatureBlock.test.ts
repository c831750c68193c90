import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../../server/src/core';
import { createContext } from '../../../../server/src/core/context';
import { recordedSigners, signatureBlockSigners } from '../../../../server/src/core/records/signatureBlock';
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
