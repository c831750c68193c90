/** agreement-lint export, annotate and report, run as the officer runs them. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { lint, removeDir, ROOT } from '../helpers';
import { LONG_AGREEMENT, tempDir } from '../../word/write/helpers';

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const DRAFT = path.join(ROOT, 'test', 'fixtures', 'word', '招商合作协议.docx');

describe('cli/commands: export, annotate, report', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('agreement-writers-');
    fs.writeFileSync(path.join(dir, '协议.agreement.md'), LONG_AGREEMENT);
    fs.copyFileSync(DRAFT, path.join(dir, '草稿.docx'));
    fs.copyFileSync(`${DRAFT}.agreement.yaml`, path.join(dir, '草稿.docx.agreement.yaml'));
  });
  afterEach(() => removeDir(dir));

  it('lists the subcommands in --help', () => {
    const run = lint(['--help'], dir);
    assert.equal(run.code, 0);
    for (const name of ['export', 'annotate', 'report']) assert.match(run.stdout, new RegExp(`agreement-lint ${name} `));
  });

  it('export writes the .docx beside the text by default, and -o elsewhere', async () => {
    let run = lint(['export', '协议.agreement.md'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /已导出：协议\.docx/);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, '协议.docx')));
    assert.ok(zip.file('word/document.xml'));
    run = lint(['export', '协议.agreement.md', '-o', 'out/公文.docx', '--with-findings', '--author', '区司法局', '--title-font', '华文中宋'], dir);
    assert.equal(run.code, 0, run.stderr);
    const out = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'out', '公文.docx')));
    assert.match(await out.file('word/document.xml')!.async('string'), /w:eastAsia="华文中宋"/);
    assert.match((await out.file('word/comments.xml')?.async('string')) ?? '', /w:author="区司法局"/);
  });

  it('export refuses to write over its input and bad layout values with a message', () => {
    const before = hash(path.join(dir, '协议.agreement.md'));
    let run = lint(['export', '协议.agreement.md', '-o', '协议.agreement.md'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /不能与输入文件相同/);
    assert.equal(hash(path.join(dir, '协议.agreement.md')), before);
    run = lint(['export', '协议.agreement.md', '--top-margin', 'abc'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--top-margin 应为数值/);
    run = lint(['export', '协议.agreement.md', '--left-margin', '300'], dir);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /订口加版心宽度.*已恢复默认值/);
    run = lint(['export'], dir);
    assert.equal(run.code, 2);
  });

  it('export takes GBK text and Word drafts, and refuses binary junk with a message', async () => {
    const iconv = await import('iconv-lite');
    fs.writeFileSync(path.join(dir, '旧稿.agreement.md'), iconv.encode(LONG_AGREEMENT, 'gbk'));
    let run = lint(['export', '旧稿.agreement.md'], dir);
    assert.equal(run.code, 0, run.stderr);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, '旧稿.docx')))).file('word/document.xml')!.async('string');
    assert.ok(xml.includes('战略合作协议'));
    run = lint(['export', '草稿.docx'], dir);
    assert.equal(run.code, 0, run.stderr);
    const draft = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, '草稿-公文格式.docx')))).file('word/document.xml')!.async('string');
    assert.ok(draft.includes('招商合作协议') && draft.includes('甲方（盖章）：'));
    fs.writeFileSync(path.join(dir, '乱码.agreement.md'), crypto.randomBytes(4096));
    run = lint(['export', '乱码.agreement.md'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /乱码\.agreement\.md：/);
    assert.ok(!fs.existsSync(path.join(dir, '乱码.docx')));
    spawnSync('mkfifo', [path.join(dir, '管道.agreement.md')]);
    fs.symlinkSync('/dev/zero', path.join(dir, '零.docx'));
    for (const [cmd, name] of [['export', '管道.agreement.md'], ['annotate', '零.docx']]) {
      run = lint([cmd, name], dir);
      assert.equal(run.code, 2, `${cmd} ${name}`);
      assert.match(run.stderr, /不是普通文件/);
    }
  });

  it('export reads fonts from .agreementrc.yaml export:', async () => {
    fs.writeFileSync(path.join(dir, '.agreementrc.yaml'), 'export:\n  fonts:\n    body: 仿宋\n  topMarginMm: 35\n');
    const run = lint(['export', '协议.agreement.md'], dir);
    assert.equal(run.code, 0, run.stderr);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, '协议.docx')))).file('word/document.xml')!.async('string');
    assert.match(xml, /w:eastAsia="仿宋"/);
    assert.match(xml, /<w:pgMar w:top="1984"/);
  });

  it('annotate writes 草稿-审查意见.docx beside the draft and never touches the draft', () => {
    const before = hash(path.join(dir, '草稿.docx'));
    let run = lint(['annotate', '草稿.docx', '--track-changes'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /已写入：草稿-审查意见\.docx（\d+ 条批注，\d+ 处修订）/);
    assert.ok(fs.existsSync(path.join(dir, '草稿-审查意见.docx')));
    assert.equal(hash(path.join(dir, '草稿.docx')), before);
    run = lint(['annotate', '草稿.docx', '-o', './草稿.docx'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /不能与输入文件相同/);
    fs.symlinkSync(path.join(dir, '草稿.docx'), path.join(dir, 'link.docx'));
    run = lint(['annotate', '草稿.docx', '-o', 'link.docx'], dir);
    assert.equal(run.code, 2, 'a symlink to the input is the input');
    assert.equal(hash(path.join(dir, '草稿.docx')), before);
  });

  it('annotate names what to do with a file that is not a .docx', () => {
    fs.writeFileSync(path.join(dir, '扫描件.docx'), '%PDF-1.7 not a word file');
    const run = lint(['annotate', '扫描件.docx'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /PDF/);
    assert.ok(!fs.existsSync(path.join(dir, '扫描件-审查意见.docx')));
  });

  it('report writes the review opinion for texts and Word drafts, as docx or printable HTML', async () => {
    let run = lint(['report', '协议.agreement.md', '草稿.docx', '-o', '审查意见书.docx'], dir);
    assert.equal(run.code, 0, run.stderr);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, '审查意见书.docx')))).file('word/document.xml')!.async('string');
    for (const words of ['合法性审查意见书', '合法性审查意见：□同意　□修改后同意　□不同意', '审查人（签字）：', '《天津市河北区人民政府与津港智造集团有限公司战略合作协议》']) assert.ok(xml.includes(words), words);
    run = lint(['report', '.', '--format', 'html', '-o', '意见.html'], dir);
    assert.equal(run.code, 0, run.stderr);
    const html = fs.readFileSync(path.join(dir, '意见.html'), 'utf8');
    assert.match(html, /@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/);
    assert.match(html, /□修改后同意/);
    assert.match(html, /（一）错误（\d+ 条）/);
    assert.ok(!/<script/i.test(html));
    run = lint(['report', '协议.agreement.md', '--format', 'pdf'], dir);
    assert.equal(run.code, 2);
  });
});
