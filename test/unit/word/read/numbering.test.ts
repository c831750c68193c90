import * as assert from 'node:assert/strict';
import { readDocx } from '../../../../server/src/word/read/docx';
import { abstractNum, GONGWEN_LEVELS, makeDocx, num, numPr, p, r } from './makeDocx';

const texts = async (body: string, numbering: string, styles?: string) => (await readDocx(await makeDocx({ body, numbering, styles }))).paragraphs.map((x) => x.text);

describe('word/read numbering', () => {
  it('renders 一、（一）1.（1） and restarts deeper levels after a shallower one', async () => {
    const body = [
      p(r('合作原则'), numPr(1, 0)),
      p(r('合作内容'), numPr(1, 0)),
      p(r('产业项目'), numPr(1, 1)),
      p(r('总投资'), numPr(1, 2)),
      p(r('用地'), numPr(1, 2)),
      p(r('服务'), numPr(1, 3)),
      p(r('配套服务'), numPr(1, 1)),
      p(r('政务服务'), numPr(1, 2)),
      p(r('法律责任'), numPr(1, 0)),
      p(r('违约'), numPr(1, 1)),
    ].join('');
    assert.deepEqual(await texts(body, abstractNum(0, GONGWEN_LEVELS) + num(1, 0)), [
      '一、合作原则',
      '二、合作内容',
      '（一）产业项目',
      '1.总投资',
      '2.用地',
      '（1）服务',
      '（二）配套服务',
      '1.政务服务',
      '三、法律责任',
      '（一）违约',
    ]);
  });

  it('counts past ten in Chinese (十、十一、) and honours w:start and w:startOverride', async () => {
    const body = Array.from({ length: 12 }, (_, i) => p(r(`第${i}项`), numPr(1, 0))).join('') + p(r('另起'), numPr(2, 0));
    const numbering = abstractNum(0, [{ format: 'chineseCounting', text: '%1、', start: 1 }]) + num(1, 0) + num(2, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>');
    const out = await texts(body, numbering);
    assert.equal(out[9], '十、第9项');
    assert.equal(out[10], '十一、第10项');
    assert.equal(out[11], '十二、第11项');
    assert.equal(out[12], '五、另起');
  });

  it('nums sharing one abstractNum continue one count; lvlRestart 0 never restarts', async () => {
    const levels = [
      { format: 'decimal', text: '%1.' },
      { format: 'ideographTraditional', text: '%2、', restart: 0 },
    ];
    const body = [p(r('a'), numPr(1, 0)), p(r('b'), numPr(1, 1)), p(r('c'), numPr(2, 0)), p(r('d'), numPr(2, 1))].join('');
    assert.deepEqual(await texts(body, abstractNum(0, levels) + num(1, 0) + num(2, 0)), ['1.a', '甲、b', '2.c', '乙、d']);
  });

  it('multi-level text (%1.%2) renders each level in its own format, as Word does; taiwaneseCountingThousand as LibreOffice writes it', async () => {
    const levels = [
      { format: 'taiwaneseCountingThousand', text: '第%1章', suffix: 'space' as const },
      { format: 'decimal', text: '%1.%2', suffix: 'space' as const },
    ];
    const body = [p(r('总则'), numPr(1, 0)), p(r('目的'), numPr(1, 1)), p(r('范围'), numPr(1, 1))].join('');
    assert.deepEqual(await texts(body, abstractNum(0, levels) + num(1, 0)), ['第一章总则', '一.1 目的', '一.2 范围']);
  });

  it('numbering from the paragraph style; numId 0 switches it off; bullets add no number', async () => {
    const styles = `<w:style w:type="paragraph" w:styleId="Item"><w:name w:val="Item"/><w:pPr>${numPr(1, 0)}</w:pPr></w:style>`;
    const numbering = abstractNum(0, GONGWEN_LEVELS) + num(1, 0) + abstractNum(1, [{ format: 'bullet', text: '•' }]) + num(2, 1);
    const body = [p(r('甲'), '<w:pStyle w:val="Item"/>'), p(r('乙'), '<w:pStyle w:val="Item"/><w:numPr><w:numId w:val="0"/></w:numPr>'), p(r('丙'), '<w:pStyle w:val="Item"/>'), p(r('要点'), numPr(2, 0))].join('');
    assert.deepEqual(await texts(body, numbering, styles), ['一、甲', '乙', '二、丙', '要点']);
  });

  it('a missing or broken numbering definition leaves the text unnumbered', async () => {
    assert.deepEqual(await texts(p(r('合作原则'), numPr(9, 0)), ''), ['合作原则']);
    const word = await readDocx(await makeDocx({ body: p(r('合作原则'), numPr(1, 0)), numbering: '<w:abstractNum' }));
    assert.deepEqual(word.paragraphs.map((x) => x.text), ['合作原则']);
  });
});

describe('word/read numbering linked to heading styles', () => {
  it('a Heading style whose numPr names only the list takes the level bound to it (w:pStyle in w:lvl)', async () => {
    const styles = ['Heading1', 'Heading2'].map((id, i) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="heading ${i + 1}"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`).join('');
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>' +
      num(1, 0);
    const word = await readDocx(await makeDocx({ body: [p(r('总则'), '<w:pStyle w:val="Heading1"/>'), p(r('目的'), '<w:pStyle w:val="Heading2"/>'), p(r('内容'), '<w:pStyle w:val="Heading1"/>')].join(''), numbering, styles }));
    assert.deepEqual(word.paragraphs.map((x) => [x.text, x.kind, x.level]), [['一、总则', 'heading', 1], ['（一）目的', 'heading', 2], ['二、内容', 'heading', 1]]);
    // Numbered headings are written as the officer typed them: no Markdown marks.
    assert.match(word.text, /\n一、总则\n（一）目的\n二、内容\n$/);
  });
});
