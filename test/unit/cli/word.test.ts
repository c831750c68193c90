/** agreement-lint on Word files and on text files in GBK / GB18030, through the built CLI. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { lint, removeDir, ROOT } from './helpers';

const WORD = path.join(ROOT, 'test/fixtures/word');

describe('agreement-lint on Word files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-lint-word-'));
    for (const name of ['招商合作协议.docx', '招商合作协议.docx.agreement.yaml', '含表格和批注.docx', '招商合作协议.doc']) fs.copyFileSync(path.join(WORD, name), path.join(dir, name));
  });
  afterEach(() => removeDir(dir));

  it('JSON findings of a .docx carry location { paragraph, excerpt }; the notes list the inferred values', () => {
    const run = lint(['招商合作协议.docx', '-f', 'json'], dir);
    assert.equal(run.code, 1, run.stderr);
    const [result] = JSON.parse(run.stdout);
    const tax = result.findings.find((f: { rule: string }) => f.rule === 'clause/tax-rebate');
    assert.deepEqual(tax.location, { paragraph: 13, excerpt: '税收地方留成部分的50%予以返还奖励' });
    assert.ok(result.findings.every((f: { location?: unknown }) => f.location));
    assert.ok(result.notes.some((n: string) => n.includes('招商合作协议.docx.agreement.yaml')));
    assert.ok(result.notes.some((n: string) => /由正文推断.*标题（天津市河北区人民政府与津港新材料集团有限公司招商合作协议）/.test(n)));
    // 类别 came from the sidecar: no finding says it is missing.
    assert.ok(!result.findings.some((f: { message: string }) => f.message.includes('缺少“类别”')));
  });

  it('--set wins over the sidecar and the text; stylish output names paragraphs', () => {
    const run = lint(['招商合作协议.docx', '--set', '牵头单位=区商务局', '--set', '类别=其他'], dir);
    assert.ok(!run.stdout.includes('缺少“牵头单位”'), run.stdout);
    assert.match(run.stdout, /第13段 +error +.*「税收地方留成部分的50%予以返还奖励」 +clause\/tax-rebate/);
    assert.match(run.stdout, /说明 +以下文件头取值由正文推断/);
  });

  it('a folder holding .docx and .doc files checks them; Word lock files (~$) are skipped', () => {
    fs.writeFileSync(path.join(dir, '~$招商合作协议.docx'), 'lock');
    const run = lint(['.', '-f', 'json'], dir);
    const files = JSON.parse(run.stdout).map((r: { file: string }) => path.basename(r.file));
    assert.deepEqual(files.sort(), ['含表格和批注.docx', '招商合作协议.doc', '招商合作协议.docx'].sort());
    const doc = JSON.parse(run.stdout).find((r: { file: string }) => r.file.endsWith('.doc'));
    assert.ok(doc.notes.some((n: string) => n.includes('自动生成的编号')));
  });

  it('a PDF, a .wps and an encrypted .docx exit 2 with a message for that file only', () => {
    fs.writeFileSync(path.join(dir, '扫描件.docx'), '%PDF-1.7\n');
    fs.writeFileSync(path.join(dir, '草稿.wps'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    fs.writeFileSync(path.join(dir, '加密.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from('EncryptedPackage', 'utf16le')]));
    const run = lint(['扫描件.docx', '草稿.wps', '加密.docx', '招商合作协议.docx', '-f', 'json'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /扫描件\.docx：这是 PDF 文件/);
    assert.match(run.stderr, /草稿\.wps：这是 WPS 文字格式/);
    assert.match(run.stderr, /加密\.docx：文件已加密/);
    const checked = JSON.parse(run.stdout).find((r: { file: string }) => r.file.endsWith('招商合作协议.docx'));
    assert.ok(checked.findings.length > 0);
  });

  it('a Word file over 64 MB gets a message without being read', () => {
    const huge = path.join(dir, '巨大.docx');
    fs.writeFileSync(huge, 'PK\u0003\u0004');
    fs.truncateSync(huge, 70 * 1024 * 1024);
    const run = lint(['巨大.docx'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /巨大\.docx：Word 文件过大（约 70\.0 MB，超过 64 MB 的上限）/);
  });

  it('--fix leaves Word files untouched and says so', () => {
    const before = fs.readFileSync(path.join(dir, '招商合作协议.docx'));
    const run = lint(['招商合作协议.docx', '--fix'], dir);
    assert.match(run.stdout, /Word 文件不会被自动修改/);
    assert.ok(fs.readFileSync(path.join(dir, '招商合作协议.docx')).equals(before));
  });

  it('SARIF for a Word file has no line/column region (the file is binary) and names the paragraph', () => {
    const run = lint(['招商合作协议.docx', '-f', 'sarif'], dir);
    const results = JSON.parse(run.stdout).runs[0].results;
    const tax = results.find((r: { ruleId: string }) => r.ruleId === 'clause/tax-rebate');
    assert.equal(tax.locations[0].physicalLocation.region, undefined);
    assert.match(tax.message.text, /位置：第13段「税收地方留成部分的50%予以返还奖励」$/);
    assert.equal(tax.properties.paragraph, 13);
  });

  it('a broken sidecar is a message for that file, not a crash', () => {
    fs.writeFileSync(path.join(dir, '招商合作协议.docx.agreement.yaml'), '类别: [unclosed');
    const run = lint(['招商合作协议.docx'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /配套文件头 .*不是有效的 YAML/);
  });
});

describe('agreement-lint on GBK and GB18030 text files', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-lint-gbk-'))));
  afterEach(() => removeDir(dir));
  const TEXT = fs.readFileSync(path.join(WORD, '招商合作协议.agreement.md'), 'utf8');

  it('decodes GBK, reports the encoding, and finds what the UTF-8 text has', () => {
    fs.writeFileSync(path.join(dir, 'gbk.agreement.md'), iconv.encode(TEXT, 'gbk'));
    fs.writeFileSync(path.join(dir, 'utf8.agreement.md'), TEXT);
    const run = lint(['gbk.agreement.md', 'utf8.agreement.md', '-f', 'json'], dir);
    const [gbk, utf8] = JSON.parse(run.stdout);
    assert.equal(gbk.encoding, 'GBK');
    assert.ok(gbk.notes[0].includes('GBK'));
    assert.deepEqual(gbk.findings, utf8.findings);
    assert.equal(utf8.encoding, undefined);
  });

  it('GB18030 four-byte characters are named GB18030; --fix leaves the file alone', () => {
    const text = TEXT.replace('互利共赢', '互利共赢𠀀');
    fs.writeFileSync(path.join(dir, 'gb.agreement.md'), iconv.encode(text, 'gb18030'));
    const before = fs.readFileSync(path.join(dir, 'gb.agreement.md'));
    const run = lint(['gb.agreement.md', '--fix'], dir);
    assert.match(run.stdout, /文件编码为 GB18030/);
    assert.ok(fs.readFileSync(path.join(dir, 'gb.agreement.md')).equals(before));
  });

  it('bytes that decode cleanly in no accepted encoding still get the UTF-8 message', () => {
    fs.writeFileSync(path.join(dir, 'junk.agreement.md'), Buffer.from([0x61, 0x0a, 0xff, 0xfe, 0x00, 0x80, 0x81]));
    const run = lint(['junk.agreement.md'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /不是有效的 UTF-8 编码/);
  });
});
