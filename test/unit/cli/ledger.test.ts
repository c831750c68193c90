/**
 * `agreement-lint ledger`: the built CLI on a copy of examples/, read back with readers
 * independent of the writer (the sheet XML through jszip; LibreOffice when installed).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { lint, removeDir, ROOT } from './helpers';

const COLUMNS = ['统一编号', '协议名称', '类别', '签约主体', '相对方', '签订日期', '到期日期', '条款', '承诺方', '承诺内容', '金额', '时限', '责任单位', '责任人', '状态', '预警', '销号日期', '合规风险'];
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

function examplesCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-ledger-'));
  fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

describe('agreement-lint ledger', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => (dir = examplesCopy()));
  afterEach(() => removeDir(dir));

  it('json: every commitment of examples/ with its side, amount and deadline', () => {
    const run = lint(['ledger', '--format', 'json', '--as-of', '2026-12-01'], dir);
    assert.equal(run.code, 0, run.stderr);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    assert.ok(rows.length >= 10);
    for (const r of rows) {
      for (const key of ['id', 'file', 'clause', 'range', 'party', 'side', 'text', 'amounts', 'deadline', 'condition', 'status']) assert.ok(key in r, `${key} missing`);
      assert.ok(r.side === 'government' || r.side === 'counterparty');
    }
    const invest = rows.find((r) => String(r.text).includes('总投资5亿元'))!;
    assert.equal(invest.side, 'counterparty');
    assert.deepEqual(invest.amounts, ['5亿元']);
    const register = rows.find((r) => String(r.text).includes('完成公司注册'))!;
    assert.deepEqual(register.deadline, { date: '2025-12-31' });
    assert.equal(register.status, '逾期');
    const permits = rows.find((r) => String(r.text).includes('三个月内'))!;
    assert.deepEqual(permits.deadline, { relative: '三个月内' });
    assert.equal(permits.due, '2025-11-01');
  });

  it('--update writes new rows; recorded statuses survive an edit of the agreement; a deleted promise is an orphan', () => {
    assert.equal(lint(['ledger', '--update', '--as-of', '2026-12-01', '--format', 'json'], dir).code, 0);
    const ledgerFile = path.join(dir, '履约台账.yaml');
    const written = fs.readFileSync(ledgerFile, 'utf8');
    assert.match(written, /^# yaml-language-server/);
    const registerId = /- id: (CN-\w+)\n(?:    .*\n)*?    承诺内容: 乙方应当于2025年12月前完成公司注册/.exec(written)?.[1];
    assert.ok(registerId, written);
    fs.writeFileSync(ledgerFile, written.replace(new RegExp(`(id: ${registerId}\\n(?:    .*\\n)*?    状态: )\\S+`), '$1已兑现'));
    const file = path.join(dir, '政府合同-招商引资-有问题.agreement.md');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('一、合同标的\n', '一、合同标的\n本合同项目为新能源电池基地。\n\n').replace('乙方向甲方提供履约保函，作为履约担保。\n', ''));
    const run = lint(['ledger', '--format', 'json', '--as-of', '2026-12-01'], dir);
    const rows = JSON.parse(run.stdout) as Array<{ id: string; status: string; text: string }>;
    assert.equal(rows.find((r) => r.id === registerId)?.status, '已兑现');
    assert.match(run.stderr, /孤立记录 CN-\w+（政府合同-招商引资-有问题\.agreement\.md）/);
  });

  it('csv: the office columns, a BOM, quoted cells', () => {
    const run = lint(['ledger', '--format', 'csv', '--as-of', '2026-12-01'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.startsWith('\ufeff'));
    assert.equal(run.stdout.slice(1).split('\r\n')[0], COLUMNS.join(','));
  });

  it('xlsx: header row, frozen panes, widths, real dates and warning colours, read back from the sheet XML', async () => {
    const out = path.join(dir, '台账.xlsx');
    const run = lint(['ledger', '--as-of', '2026-12-01', '-o', out], dir);
    assert.equal(run.code, 0, run.stderr);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const strings = [...shared.matchAll(/<si>(?:<t[^>]*>([^<]*)<\/t>|<r>.*?<\/r>)<\/si>/g)].map((m) => m[1]);
    const firstRow = /<row r="1"[^>]*>(.*?)<\/row>/.exec(sheet)![1];
    const headers = [...firstRow.matchAll(/<c [^>]*t="s"[^>]*><v>(\d+)<\/v><\/c>/g)].map((m) => strings[Number(m[1])]);
    assert.deepEqual(headers, COLUMNS);
    assert.match(sheet, /<pane [^>]*xSplit="1"[^>]*ySplit="1"[^>]*state="frozen"/);
    assert.match(sheet, /<col min="10" max="10" width="60/);
    // 到期日期 (column G) of the overdue registration: a number with a date format, not text.
    const dateCell = [...sheet.matchAll(/<c r="G(\d+)" s="(\d+)"><v>(\d+)<\/v><\/c>/g)];
    assert.ok(dateCell.length > 0, 'no numeric date cell in column G');
    assert.ok(dateCell.some((m) => m[3] === '46022'), 'no 2025-12-31 (serial 46022) in column G');
    assert.match(styles, /formatCode="yyyy-mm-dd"/);
    assert.match(styles, /FFFFC7CE/);
    assert.match(styles, /FFC6EFCE/);
  });

  (hasSoffice ? it : it.skip)('xlsx opens in LibreOffice and converts to CSV with the same columns', () => {
    const out = path.join(dir, '台账.xlsx');
    assert.equal(lint(['ledger', '--as-of', '2026-12-01', '-o', out], dir).code, 0);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
    const conv = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, out], { encoding: 'utf8', timeout: 90000 });
    removeDir(profile);
    assert.equal(conv.status, 0, conv.stderr);
    const csv = fs.readFileSync(path.join(dir, '台账.csv'), 'utf8');
    assert.equal(csv.split(/\r?\n/)[0].replace(/"/g, ''), COLUMNS.join(','));
    assert.match(csv, /2025-12-31/);
    assert.match(csv, /乙方应当于2025年12月前完成公司注册/);
  });

  it('--self-check writes the yearly self-check as docx and html', async () => {
    assert.equal(lint(['ledger', '--self-check', '2026', '-o', '自查.docx', '--as-of', '2026-12-01'], dir).code, 0);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, '自查.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /2026年度合作协议落实情况自查报告/);
    assert.match(xml, /河北区商务局与某某新能源科技有限公司招商引资合同/);
    assert.equal(lint(['ledger', '--self-check', '2026', '-o', '自查.html', '--as-of', '2026-12-01'], dir).code, 0);
    const html = fs.readFileSync(path.join(dir, '自查.html'), 'utf8');
    assert.match(html, /逾期 2 条/);
    assert.match(html, /各牵头单位每年要对协议事项落实情况进行自查/);
  });

  it('refuses bad options and a broken ledger file with a Chinese message', () => {
    assert.equal(lint(['ledger', '--format', 'pdf'], dir).code, 2);
    assert.match(lint(['ledger', '--as-of', '2026-13-40'], dir).stderr, /--as-of 应为有效日期/);
    assert.match(lint(['ledger', '--format', 'xlsx'], dir).stderr, /须用 -o/);
    fs.writeFileSync(path.join(dir, '履约台账.yaml'), '承诺:\n  - id: CN-AAAAAAAAAA\n    状态: 好了\n');
    const run = lint(['ledger', '--format', 'json'], dir);
    assert.match(run.stderr, /状态只能是/);
    fs.writeFileSync(path.join(dir, '履约台账.yaml'), '承诺: [\n');
    assert.match(lint(['ledger', '--update'], dir).stderr, /台账文件有错误，未追加新承诺/);
  });
});
