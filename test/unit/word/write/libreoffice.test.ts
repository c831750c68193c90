/**
 * Proof in a real word processor: every file the writers produce is opened by LibreOffice and
 * converted to PDF; the exported page is measured (22 lines of at most 28 characters, the
 * margins of GB/T 9704, page numbers outside); pages are rendered to PNG under
 * out/word-proof/ for a person to look at. Skipped, saying so, only where soffice is absent
 * (.ci/run installs it with test/runners/install-libreoffice.sh).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, parseDocument } from '../../../../server/src/core';
import { readDocx } from '../../../../server/src/word/read';
import { annotateDocx } from '../../../../server/src/word/write/annotate';
import { exportAgreementDocx } from '../../../../server/src/word/write/exportDocx';
import { reportDocx } from '../../../../server/src/word/write/reportDocx';
import { reportHtml } from '../../../../server/src/word/write/reportHtml';
import type { ReportDocument } from '../../../../server/src/word/write/reviewReport';
import { builtinRules, cells, docxFixtures, LONG_AGREEMENT, pdfPages, ROOT, soffice, toPdf } from './helpers';

const PROOF = path.join(ROOT, 'out', 'word-proof');
const PT_PER_MM = 72 / 25.4;

/** With comments exported, LibreOffice writes one PDF note per comment it read. */
const WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}';

function convert(bytes: Buffer, name: string, filter = 'pdf'): string {
  fs.mkdirSync(PROOF, { recursive: true });
  const file = path.join(PROOF, name);
  fs.writeFileSync(file, bytes);
  const { pdf, status, stderr } = toPdf(file, PROOF, filter);
  assert.equal(status, 0, `soffice failed on ${name}: ${stderr}`);
  assert.ok(fs.existsSync(pdf) && fs.statSync(pdf).size > 1000, `no PDF for ${name}: ${stderr}`);
  spawnSync('pdftoppm', ['-r', '60', '-png', pdf, pdf.replace(/\.pdf$/, '')]);
  return pdf;
}

describe('word/write in LibreOffice', function () {
  this.timeout(180_000);
  before(function () {
    if (!soffice()) {
      console.warn('      LibreOffice (soffice) is not installed: run bash test/runners/install-libreoffice.sh');
      this.skip();
    }
  });

  describe('the exported agreement', () => {
    let pages: ReturnType<typeof pdfPages>;
    before(async () => {
      pages = pdfPages(convert(await exportAgreementDocx(LONG_AGREEMENT), '导出-公文格式.docx'));
    });

    it('holds 22 lines on a full page', () => {
      assert.ok(pages.length >= 3, `${pages.length} pages`);
      const body = pages[1].filter((l) => !/^—\d+—$/.test(l.text));
      assert.equal(body.length, 22, body.map((l) => l.text).join('\n'));
    });

    it('holds at most 28 characters a line, and 28 on a full line', () => {
      const lines = pages.flat().filter((l) => !/^—\d+—$/.test(l.text) && l.text.length < 40);
      const widest = Math.max(...lines.filter((l) => l.xMax - l.xMin < 160 * PT_PER_MM).map((l) => cells(l.text)));
      assert.ok(widest <= 28, `a line of ${widest} characters`);
      assert.ok(pages[1].some((l) => cells(l.text) === 28), 'no full line of 28 characters');
    });

    it('sets text in the 版心: 28 mm from the left, 37 mm from the top, 156 mm wide', () => {
      const body = pages[1].filter((l) => !/^—\d+—$/.test(l.text));
      const left = Math.min(...body.map((l) => l.xMin)) / PT_PER_MM;
      const right = Math.max(...body.map((l) => l.xMax)) / PT_PER_MM;
      const top = body[0].yMin / PT_PER_MM;
      const last = body[body.length - 1].yMin / PT_PER_MM;
      assert.ok(Math.abs(left - 28) < 1, `left ${left.toFixed(1)} mm`);
      assert.ok(right <= 28 + 156 + 0.5 && right > 28 + 150, `right ${right.toFixed(1)} mm`);
      assert.ok(top >= 37 && top < 37 + 5, `top ${top.toFixed(1)} mm`);
      assert.ok(last < 37 + 225, `last line at ${last.toFixed(1)} mm`);
    });

    it('numbers pages — n — outside: odd right, even left', () => {
      pages.forEach((page, i) => {
        const number = page.find((l) => l.text === `—${i + 1}—`);
        assert.ok(number, `page ${i + 1} has no — ${i + 1} —`);
        const middle = (number.xMin + number.xMax) / 2 / PT_PER_MM;
        if ((i + 1) % 2 === 1) assert.ok(middle > 150, `odd page number at ${middle.toFixed(0)} mm`);
        else assert.ok(middle < 60, `even page number at ${middle.toFixed(0)} mm`);
        const below = number.yMin / PT_PER_MM - (37 + 225);
        assert.ok(below > 5 && below < 9, `page number ${below.toFixed(1)} mm under the text block`);
      });
    });

    it('ends with the signature block', () => {
      const text = pages.flat().map((l) => l.text).join('\n');
      for (const words of ['甲方（盖章）：', '乙方（盖章）：', '代表签字：']) assert.ok(text.includes(words), words);
    });
  });

  describe('annotated Word drafts', () => {
    for (const file of docxFixtures()) {
      it(`${path.basename(file)}: opens with every comment`, async () => {
        const original = fs.readFileSync(file);
        const extracted = await readDocx(original);
        const findings = analyze(parseDocument(extracted.text), builtinRules());
        const result = await annotateDocx(original, extracted, findings, { trackChanges: true });
        const name = path.basename(file).replace(/\.docx$/, '-审查意见.docx');
        const pdf = fs.readFileSync(convert(result.bytes, name, WITH_NOTES)).toString('latin1');
        const existing = (await readDocx(original)).notes.join('').match(/已有 (\d+) 条批注/);
        const expected = result.comments + (existing ? Number(existing[1]) : 0);
        assert.equal((pdf.match(/\/Subtype\s*\/Text\b/g) ?? []).length, expected);
      });
    }
  });

  const documents: ReportDocument[] = [{ file: '协议.agreement.md', title: '测试合作协议', notes: [], findings: [{ rule: 'clause/guarantee', severity: 'error', message: '不得要求政府提供担保。', excerpt: '甲方提供担保', where: '第12行' }] }];

  it('opens the review opinion', async () => {
    const pages = pdfPages(convert(await reportDocx(documents), '审查意见书.docx'));
    const text = pages.flat().map((l) => l.text).join('\n');
    for (const words of ['合法性审查意见书', '（一）错误（1条）', '甲方提供担保', '□同意', '□修改后同意', '□不同意', '审查人（签字）：', '—1—']) assert.ok(text.includes(words), `${words} in\n${text}`);
  });

  it('prints the HTML review opinion on A4 with the 公文 margins (Chromium, as an officer prints it)', function () {
    const chromium = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).stdout.trim();
    if (!chromium) {
      console.warn('      Chromium is not installed (test/runners/install-code-server.sh installs it): the HTML report is not printed');
      this.skip();
    }
    fs.mkdirSync(PROOF, { recursive: true });
    const html = path.join(PROOF, '审查意见书.html');
    fs.writeFileSync(html, reportHtml(documents));
    const pdf = path.join(PROOF, '审查意见书-html.pdf');
    const r = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, html], { encoding: 'utf8', timeout: 120_000 });
    assert.ok(fs.existsSync(pdf), `Chromium printed nothing: ${r.stderr}`);
    const pages = pdfPages(pdf);
    const text = pages.flat().map((l) => l.text).join('\n');
    for (const words of ['合法性审查意见书', '甲方提供担保', '□修改后同意', '审查人（签字）：']) assert.ok(text.includes(words), `${words} in\n${text}`);
    const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' }).stdout)!;
    assert.deepEqual([Math.round(Number(page[1]) / PT_PER_MM), Math.round(Number(page[2]) / PT_PER_MM)], [210, 297]);
    const left = Math.min(...pages[0].map((l) => l.xMin)) / PT_PER_MM;
    // Paragraphs are indented two characters (2 × 16 pt) from the 28 mm binding margin.
    assert.ok(Math.abs(left - (28 + (2 * 16) / PT_PER_MM)) < 1.5, `left edge at ${left.toFixed(1)} mm`);
  });
});
