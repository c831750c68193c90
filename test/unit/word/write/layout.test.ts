import * as assert from 'node:assert/strict';
import { DEFAULT_LAYOUT, mmToTwips, pageGeometry, resolveLayout } from '../../../../server/src/word/write/layout';

describe('word/write/layout', () => {
  it('puts the GB/T 9704 text block on an A4 page', () => {
    const g = pageGeometry(DEFAULT_LAYOUT);
    assert.deepEqual([g.pageWidth, g.pageHeight], [11906, 16838]);
    assert.equal(g.top, mmToTwips(37));
    assert.equal(g.left, mmToTwips(28));
    assert.equal(g.pageWidth - g.left - g.right, mmToTwips(156));
    assert.equal(g.pageHeight - g.top - g.bottom, mmToTwips(225));
  });

  it('computes a line pitch that fits 22 lines and a character pitch that fits 28 characters', () => {
    const g = pageGeometry(DEFAULT_LAYOUT);
    const height = mmToTwips(225);
    assert.ok(22 * g.linePitch <= height && 23 * g.linePitch > height);
    assert.equal(g.linePitch, 579);
    const widthPt = mmToTwips(156) / 20;
    assert.ok(28 * g.charPitchPt <= widthPt && 29 * g.charPitchPt > widthPt, `pitch ${g.charPitchPt}`);
    assert.ok(28 * (16 + g.charSpacing / 20) <= widthPt && 28 * (16 + (g.charSpacing + 1) / 20) > widthPt, `spacing ${g.charSpacing}`);
    assert.ok(g.charSpace < 0, '三号 is wider than the 28-character pitch');
  });

  it('places the page number 7 mm under the text block', () => {
    const g = pageGeometry(DEFAULT_LAYOUT);
    assert.equal(g.bottom - g.footer - Math.round(14 * 24), mmToTwips(7));
  });

  it('takes other fonts and margins from settings and refuses impossible ones with a message', () => {
    const ok = resolveLayout({ fonts: { title: '华文中宋' }, topMarginMm: 35, linesPerPage: 23 });
    assert.deepEqual(ok.problems, []);
    assert.equal(ok.layout.fonts.title, '华文中宋');
    assert.equal(ok.layout.fonts.body, '仿宋_GB2312');
    assert.equal(pageGeometry(ok.layout).top, mmToTwips(35));
    const bad = resolveLayout({ leftMarginMm: 100, textWidthMm: 156, charsPerLine: 'many', fonts: { body: '' } });
    assert.equal(bad.problems.length, 3);
    assert.equal(bad.layout.leftMarginMm, 28);
    assert.equal(bad.layout.charsPerLine, 28);
    assert.equal(resolveLayout([1, 2]).problems.length, 1);
  });
});
