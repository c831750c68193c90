/**
 * Word files made by a real word processor (LibreOffice, test/fixtures/word/make-fixtures.sh)
 * are checked with the same findings as the same text typed by hand: the same rules on the
 * same paragraphs and words, the same front-matter findings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { analyzeText, type Finding } from '../../../../server/src/core';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { readWordFile } from '../../../../server/src/word/read';

export const WORD_FIXTURES = path.resolve(__dirname, '../../../../../test/fixtures/word');

const rules = loadPacks().ruleSet;

/** What a finding says and where, independent of how many front-matter lines precede the body. */
function signature(text: string, findings: Finding[]): string[] {
  const lines = text.split('\n');
  const bodyLine = lines.indexOf('---', 1) + 1;
  return findings
    .map((f) => {
      if (f.range.start.line < bodyLine) return `${f.rule} 文件头 ${f.message}`;
      const words = text.slice(f.span.start, f.span.end);
      return `${f.rule} 「${lines[f.range.start.line].replace(/^#+ /, '')}」 「${words}」`;
    })
    .sort();
}

describe('Word files made by LibreOffice', () => {
  it('a .docx with automatic numbering gets the findings of its text typed by hand', async () => {
    const typed = fs.readFileSync(path.join(WORD_FIXTURES, '招商合作协议.agreement.md'), 'utf8');
    const explicit = parse(fs.readFileSync(path.join(WORD_FIXTURES, '招商合作协议.docx.agreement.yaml'), 'utf8'));
    const word = await readWordFile(fs.readFileSync(path.join(WORD_FIXTURES, '招商合作协议.docx')), '招商合作协议.docx', { explicit });
    // The numbers are Word's, not typed: the package holds none of them.
    assert.ok(word.paragraphs.some((p) => p.numberingPrefix === '（一）' && p.text === '（一）产业项目'));
    const expected = signature(typed, analyzeText(typed, rules));
    const actual = signature(word.text, analyzeText(word.text, rules));
    assert.ok(expected.some((s) => s.startsWith('clause/tax-rebate 「（二）配套服务」') || s.startsWith('clause/tax-rebate 「甲方承诺')), expected.join('\n'));
    assert.deepEqual(actual, expected);
  });

  it('a .docx with a table and existing comments: cells are read, comments are not body text', async () => {
    const word = await readWordFile(fs.readFileSync(path.join(WORD_FIXTURES, '含表格和批注.docx')), '含表格和批注.docx');
    const cells = word.paragraphs.filter((p) => p.kind === 'table').map((p) => p.text);
    assert.deepEqual(cells, ['项目名称', '实施主体', '资金来源', '老旧小区改造', '乙方', '企业自有资金', '口袋公园建设', '甲方', '财政资金']);
    assert.ok(!word.text.includes('此条须与乙方再议'));
    assert.ok(!word.text.includes('担保条款违反规定'));
    assert.ok(word.notes.some((n) => n.includes('已有 2 条批注')));
    const findings = analyzeText(word.text, rules);
    const guarantee = findings.find((f) => word.text.slice(f.span.start, f.span.end).includes('担保'));
    assert.ok(guarantee, findings.map((f) => f.rule).join(', '));
  });

  it('paragraphs in the Heading 1 style without numbers become headings', async () => {
    const word = await readWordFile(fs.readFileSync(path.join(WORD_FIXTURES, '标题样式.docx')), '标题样式.docx');
    assert.deepEqual(
      word.paragraphs.map((p) => [p.kind, p.text]),
      [
        ['title', '某某区人民政府与某某集团有限公司战略合作意向书'],
        ['heading', '合作原则'],
        ['body', '双方坚持平等自愿、互利共赢。'],
        ['heading', '合作内容'],
        ['body', '双方在数字经济领域开展合作。'],
      ],
    );
    assert.match(word.text, /\n## 合作原则\n/);
    assert.equal(word.inferred['文种'], '意向书');
  });

  it('a legacy .doc saved by LibreOffice is read, and the note says its numbering is lost', async () => {
    const word = await readWordFile(fs.readFileSync(path.join(WORD_FIXTURES, '招商合作协议.doc')), '招商合作协议.doc');
    assert.ok(word.text.includes('甲方承诺对乙方按其缴纳税收地方留成部分的50%予以返还奖励。'));
    assert.equal(word.inferred['乙方'], '津港新材料集团有限公司');
    assert.ok(word.notes.some((n) => n.includes('自动生成的编号') && n.includes('.docx')));
  });
});
