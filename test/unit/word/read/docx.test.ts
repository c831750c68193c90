import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import { readDocx } from '../../../../server/src/word/read/docx';
import { WordReadError } from '../../../../server/src/word/read/errors';
import { abstractNum, GONGWEN_LEVELS, makeDocx, num, numPr, p, r } from './makeDocx';

const read = async (body: string, extra: Partial<Parameters<typeof makeDocx>[0]> = {}) => readDocx(await makeDocx({ body, ...extra }));

describe('word/read docx', () => {
  it('inserted revisions are text, deleted ones are not; field codes skipped, results kept; hidden text skipped', async () => {
    const body = p(
      r('甲方') +
        '<w:ins w:id="1" w:author="A"><w:r><w:t>依法</w:t></w:r></w:ins>' +
        '<w:del w:id="2" w:author="A"><w:r><w:delText>不</w:delText></w:r></w:del>' +
        r('履行') +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>义务</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        r('（内部备注）', '<w:vanish/>') +
        '<w:fldSimple w:instr="DATE"><w:r><w:t>。</w:t></w:r></w:fldSimple>',
    );
    const word = await read(body);
    assert.equal(word.paragraphs[0].text, '甲方依法履行义务。');
  });

  it('tabs are kept, line breaks become spaces, footnote and comment marks add nothing', async () => {
    const body = p('<w:r><w:t>一、</w:t><w:tab/><w:t>合作</w:t><w:br/><w:t>原则</w:t><w:footnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r>');
    const word = await read(body);
    assert.equal(word.paragraphs[0].text, '一、\t合作 原则');
  });

  it('run offsets and ordinals map each run to its words, after the automatic number', async () => {
    const body = p(r('项目总投资不低于') + '<w:del w:id="1" w:author="A"><w:r><w:delText>3</w:delText></w:r></w:del>' + r('5') + r('亿元。'), numPr(1, 2));
    const word = await read(body, { numbering: abstractNum(0, GONGWEN_LEVELS) + num(1, 0) });
    const para = word.paragraphs[0];
    assert.equal(para.text, '1.项目总投资不低于5亿元。');
    assert.equal(para.numberingPrefix, '1.');
    assert.deepEqual(para.runs, [
      { start: 2, end: 10, ordinal: 0 },
      { start: 10, end: 11, ordinal: 2 },
      { start: 11, end: 14, ordinal: 3 },
    ]);
    for (const run of para.runs) assert.equal(word.text.slice(para.textStart + run.start, para.textStart + run.end), para.text.slice(run.start, run.end));
  });

  it('table cells are paragraphs of kind table; empty paragraphs are dropped; ordinals count every w:p', async () => {
    const body = p(r('合作协议')) + p('') + `<w:tbl><w:tr><w:tc>${p(r('项目'))}</w:tc><w:tc>${p(r('金额'))}</w:tc></w:tr></w:tbl>` + p(r('完'));
    const word = await read(body);
    assert.deepEqual(
      word.paragraphs.map((x) => [x.kind, x.text, x.ordinal, x.index]),
      [
        ['title', '合作协议', 0, 0],
        ['table', '项目', 2, 1],
        ['table', '金额', 3, 2],
        ['body', '完', 4, 3],
      ],
    );
  });

  it('heading styles (Heading 1, 标题 2, basedOn, outlineLvl in the style or the paragraph) become headings', async () => {
    const styles = [
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="a2"><w:name w:val="标题 2"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="我的标题"/><w:basedOn w:val="Heading1"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="大纲"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>',
    ].join('');
    const body = [
      p(r('合作协议'), '<w:pStyle w:val="Title"/>'),
      p(r('总则'), '<w:pStyle w:val="Heading1"/>'),
      p(r('目的'), '<w:pStyle w:val="a2"/>'),
      p(r('原则'), '<w:pStyle w:val="Mine"/>'),
      p(r('内容'), '<w:pStyle w:val="Outline"/>'),
      p(r('附则'), '<w:outlineLvl w:val="1"/>'),
      p(r('正文'), '<w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/>'),
    ].join('');
    const word = await read(body, { styles });
    assert.deepEqual(
      word.paragraphs.map((x) => [x.kind, x.level ?? null]),
      [['title', null], ['heading', 1], ['heading', 2], ['heading', 1], ['heading', 1], ['heading', 2], ['body', null]],
    );
    assert.ok(word.text.endsWith('# 合作协议\n## 总则\n### 目的\n## 原则\n## 内容\n### 附则\n正文\n'));
  });

  it('the first paragraph is the title when centred or named by its 文种; not when it is a sentence', async () => {
    assert.equal((await read(p(r('关于某某事项'), '<w:jc w:val="center"/>') + p(r('正文。')))).paragraphs[0].kind, 'title');
    assert.equal((await read(p(r('某某合作备忘录')) + p(r('正文。')))).paragraphs[0].kind, 'title');
    assert.equal((await read(p(r('双方经协商签订本协议。')) + p(r('正文。')))).paragraphs[0].kind, 'body');
  });

  it('headers, footers, footnotes and comments are other parts: not body text', async () => {
    const extra = {
      'word/header1.xml': '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>页眉文字</w:t></w:r></w:p></w:hdr>',
      'word/footnotes.xml': '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>脚注文字</w:t></w:r></w:p></w:footnote></w:footnotes>',
      'word/comments.xml': '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0"><w:p><w:r><w:t>批注文字</w:t></w:r></w:p></w:comment></w:comments>',
    };
    const word = await read(p(r('正文')), { extra });
    assert.ok(!/页眉文字|脚注文字|批注文字/.test(word.text));
    assert.deepEqual(word.notes, ['文件中已有 1 条批注，批注内容不作为正文检查。']);
  });

  it('explicit values win over inferred ones and are not reported as inferred', async () => {
    const body = p(r('某区人民政府与某集团有限公司合作协议')) + p(r('甲方：某区人民政府')) + p(r('乙方：某集团有限公司'));
    const word = readDocx(await makeDocx({ body }), { explicit: { 乙方: '某集团股份有限公司', 类别: '企业集团' } });
    const w = await word;
    assert.match(w.text, /^---\n文种: 协议书 {2}# 由正文推断，请核对\n类别: 企业集团\n标题: 某区人民政府与某集团有限公司合作协议 {2}# 由正文推断，请核对\n甲方: 某区人民政府 {2}# 由正文推断，请核对\n乙方: 某集团股份有限公司\n---\n# /);
    assert.deepEqual(Object.keys(w.inferred), ['文种', '标题', '甲方']);
    assert.match(w.notes[0], /文种（协议书）、标题（.*）、甲方（某区人民政府）/);
  });

  it('a zip that is not a Word document, a broken document.xml and a zip bomb get messages', async () => {
    const notWord = new JSZip();
    notWord.file('xl/workbook.xml', '<workbook/>');
    await assert.rejects(readDocx(await notWord.generateAsync({ type: 'nodebuffer' })), (e: Error) => e instanceof WordReadError && /不是 Word 文档/.test(e.message));
    const broken = new JSZip();
    broken.file('word/document.xml', '<w:document><w:body>');
    await assert.rejects(readDocx(await broken.generateAsync({ type: 'nodebuffer' })), (e: Error) => e instanceof WordReadError && /不是有效的 XML/.test(e.message));
    const bomb = new JSZip();
    bomb.file('word/document.xml', Buffer.alloc(40 * 1024 * 1024, 0x20), { compression: 'DEFLATE' });
    const bytes = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    assert.ok(bytes.length < 1024 * 1024);
    await assert.rejects(readDocx(bytes), (e: Error) => e instanceof WordReadError && /过大/.test(e.message));
    await assert.rejects(readDocx(Buffer.from('PK\u0003\u0004garbage')), (e: Error) => e instanceof WordReadError);
  });

  it('a 50 MB package whose bulk is a picture is read without inflating the picture', async function () {
    this.timeout(20000);
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p(r('合作协议'))}</w:body></w:document>`);
    const picture = Buffer.alloc(50 * 1024 * 1024);
    for (let i = 0; i < picture.length; i += 4) picture.writeUInt32LE((i * 2654435761) >>> 0, i);
    zip.file('word/media/image1.png', picture, { compression: 'STORE' });
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    assert.ok(bytes.length > 50 * 1024 * 1024);
    const started = Date.now();
    const word = await readDocx(bytes);
    assert.equal(word.paragraphs[0].text, '合作协议');
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
});
