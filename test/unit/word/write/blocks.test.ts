import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../../server/src/core';
import { agreementBlocks, chineseDate, type Block } from '../../../../server/src/word/write/blocks';

const FRONT = ['---', '文种: 协议书', '类别: 企业集团', '标题: 测试合作协议', '甲方: 天津市河北区人民政府', '乙方: 某某集团有限公司', '签署日期: 2025-06-30', '---'].join('\n');
const texts = (b: Block) => ('segments' in b ? b.segments.map((s) => `${s.role}:${s.text}`) : []);

describe('word/write/blocks', () => {
  it('prints the title and body, never the front matter or comments', () => {
    const text = `${FRONT}\n# 测试合作协议\n\n<!-- 内部备注 -->\n一、合作原则\n双方**依法**合作。\n`;
    const blocks = agreementBlocks(parseDocument(text));
    const printed = blocks.flatMap(texts).join('|');
    assert.ok(!printed.includes('文种') && !printed.includes('内部备注') && !printed.includes('**'));
    assert.deepEqual(texts(blocks[0]), ['title:测试合作协议']);
    assert.deepEqual(texts(blocks[1]), ['heading1:一、合作原则']);
    assert.deepEqual(texts(blocks[2]), ['body:双方', 'body:依法', 'body:合作。']);
    for (const b of blocks) if ('segments' in b) for (const s of b.segments) assert.equal(text.slice(s.source, s.source + s.text.length), s.text);
  });

  it('gives （一） its 楷体 words and leaves the sentence after them in 仿宋', () => {
    const blocks = agreementBlocks(parseDocument(`${FRONT}\n# 测试合作协议\n一、保障措施\n（一）政策保障。甲方落实政策。\n1．每年会商。\n`));
    assert.deepEqual(texts(blocks[2]), ['heading2:（一）政策保障。', 'body:甲方落实政策。']);
    assert.deepEqual(texts(blocks[3]), ['body:1．每年会商。']);
  });

  it('ends with the parties from the front matter and the signing date the officer gave', () => {
    const blocks = agreementBlocks(parseDocument(`${FRONT}\n# 测试合作协议\n一、合作原则\n本协议一式四份。\n`));
    const last = blocks[blocks.length - 1];
    assert.deepEqual(last, { kind: 'signature', parties: [{ role: '甲方', name: '天津市河北区人民政府' }, { role: '乙方', name: '某某集团有限公司' }], date: '2025年6月30日' });
  });

  it('replaces a typed signature block instead of printing it twice, and leaves a date blank when none is given', () => {
    const text = `# 协议\n一、合作原则\n合作。\n甲方（盖章）：某区人民政府\n乙方（盖章）：某公司\n日期：    年  月  日\n`;
    const blocks = agreementBlocks(parseDocument(text));
    assert.equal(blocks.filter((b) => b.kind === 'signature').length, 1);
    assert.ok(!blocks.flatMap(texts).some((t) => t.includes('盖章')));
    assert.deepEqual(blocks[blocks.length - 1], { kind: 'signature', parties: [{ role: '甲方', name: '某区人民政府' }, { role: '乙方', name: '某公司' }], date: '' });
  });

  it('lays out 附件 notes before the signature and attachments on pages of their own after it', () => {
    const text = `${FRONT}\n# 测试合作协议\n一、合作原则\n合作。\n附件：1．项目清单\n2．责任分工表\n## 附件1 项目清单\n项目一。\n`;
    const blocks = agreementBlocks(parseDocument(text));
    const kinds = blocks.map((b) => (b.kind === 'paragraph' ? b.style : b.kind));
    assert.deepEqual(kinds, ['title', 'body', 'body', 'attachment-note', 'attachment-note-item', 'signature', 'attachment-label', 'attachment-title', 'body']);
    assert.deepEqual(texts(blocks[6]), ['heading1:附件1']);
    assert.deepEqual(texts(blocks[7]), ['title:项目清单']);
  });

  it('reads Markdown tables as tables', () => {
    const blocks = agreementBlocks(parseDocument(`# 协议\n| 项目 | 主体 |\n| --- | --- |\n| 园区 | 乙方 |\n`));
    const table = blocks.find((b) => b.kind === 'table');
    assert.ok(table && table.kind === 'table');
    assert.deepEqual(table.rows.map((r) => r.map((c) => c.map((s) => s.text).join(''))), [['项目', '主体'], ['园区', '乙方']]);
  });

  it('writes dates as officers do', () => {
    assert.equal(chineseDate('2026-01-10'), '2026年1月10日');
    assert.equal(chineseDate(new Date('2026-03-05T00:00:00Z')), '2026年3月5日');
    assert.equal(chineseDate('下月'), '');
  });

  it('never throws on odd input', () => {
    for (const text of ['', '---\n', '| a', '附件', '# \n甲方：', '```\n附件1\n', '\u0000'.repeat(10)]) agreementBlocks(parseDocument(text));
  });
});
