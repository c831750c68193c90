import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import { analyze, parseDocument } from '../../../../server/src/core';
import { exportAgreementDocx } from '../../../../server/src/word/write/exportDocx';
import { resolveLayout } from '../../../../server/src/word/write/layout';
import { builtinRules, LONG_AGREEMENT } from './helpers';



async function partsOf(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), settings: await read('word/settings.xml'), zip, read };
}

describe('word/write/exportDocx', () => {
  it('sets up an A4 page with the 版心, the line grid and character spacing for 22 × 28', async () => {
    const { document } = await partsOf(await exportAgreementDocx(LONG_AGREEMENT));
    assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(document, /<w:pgMar w:top="2098" w:right="1475" w:bottom="1984" w:left="1587"/);
    assert.match(document, /<w:docGrid w:type="lines" w:linePitch="579" w:charSpace="-849"\/>/);
    assert.match(document, /<w:spacing w:val="-5"\/>/);
  });

  it('names the 公文 fonts for East Asian text by role', async () => {
    const { document } = await partsOf(await exportAgreementDocx(LONG_AGREEMENT));
    const fontOf = (words: string) => {
      const run = new RegExp(`<w:r>(?:(?!</w:r>).)*?w:eastAsia="([^"]+)"(?:(?!</w:r>).)*?<w:sz w:val="(\\d+)"/>(?:(?!</w:r>).)*?<w:t xml:space="preserve">${words}`).exec(document);
      return run ? `${run[1]} ${Number(run[2]) / 2}` : null;
    };
    assert.equal(fontOf('天津市河北区人民政府与'), '方正小标宋简体 22');
    // A title longer than a line turns after 与, not inside a name.
    assert.match(document, /天津市河北区人民政府与<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:br\/><w:t xml:space="preserve">津港智造集团有限公司战略合作协议/);
    assert.equal(fontOf('一、合作原则'), '黑体 16');
    assert.equal(fontOf('（一）总体要求。'), '楷体 16');
    assert.equal(fontOf('双方坚持依法依规'), '仿宋_GB2312 16');
    assert.ok(!document.includes('文种'), 'front matter is not printed');
  });

  it('numbers pages — n — on the outside: odd pages right, even pages left', async () => {
    const { settings, read, document } = await partsOf(await exportAgreementDocx(LONG_AGREEMENT));
    assert.match(settings, /<w:evenAndOddHeaders\/>/);
    const refs = [...document.matchAll(/<w:footerReference w:type="(default|even)" r:id="(rId\d+)"\/>/g)].map((m) => m[1]);
    assert.deepEqual(refs.sort(), ['default', 'even']);
    const footers = [await read('word/footer1.xml'), await read('word/footer2.xml')];
    const align = footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort();
    assert.deepEqual(align, ['left', 'right']);
    for (const f of footers) {
      assert.match(f, /— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
      assert.match(f, /w:eastAsia="宋体"/);
      assert.match(f, /<w:sz w:val="28"\/>/);
    }
  });

  it('ends with the parties\' signature block', async () => {
    const { document } = await partsOf(await exportAgreementDocx(LONG_AGREEMENT));
    const tail = document.slice(document.lastIndexOf('<w:tbl>'));
    for (const words of ['甲方（盖章）：', '天津市河北区人民政府', '乙方（盖章）：', '津港智造集团有限公司', '代表签字：', '日期：　　　年　　月　　日']) assert.ok(tail.includes(words), words);
  });

  it('takes fonts and margins from settings', async () => {
    const { layout } = resolveLayout({ fonts: { title: '华文中宋', heading1: 'SimHei' }, topMarginMm: 35 });
    const { document } = await partsOf(await exportAgreementDocx(LONG_AGREEMENT, { layout }));
    assert.match(document, /w:eastAsia="华文中宋"/);
    assert.match(document, /w:eastAsia="SimHei"/);
    assert.match(document, /<w:pgMar w:top="1984"/);
  });

  it('adds findings as comments on their words with --with-findings', async () => {
    const text = LONG_AGREEMENT.replace('双方坚持依法依规', '甲方为乙方融资提供担保。双方坚持依法依规');
    const findings = analyze(parseDocument(text), builtinRules());
    const onWords = findings.find((f) => text.slice(f.span.start, f.span.end).includes('担保'));
    assert.ok(onWords, 'a finding on the guarantee');
    const { read } = await partsOf(await exportAgreementDocx(text, { findings, date: new Date('2026-01-01T00:00:00Z') }));
    const comments = await read('word/comments.xml');
    assert.equal((comments.match(/<w:comment /g) ?? []).length, findings.length);
    assert.ok(comments.includes(onWords.message));
    const document = await read('word/document.xml');
    const id = findings.indexOf(onWords);
    const range = new RegExp(`<w:commentRangeStart w:id="${id}"/>(.*?)<w:commentRangeEnd w:id="${id}"/>`).exec(document);
    assert.ok(range);
    assert.equal([...range[1].matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''), text.slice(onWords.span.start, onWords.span.end));
  });
});
