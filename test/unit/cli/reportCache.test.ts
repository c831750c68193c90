/**
 * `--cache` keeps the last report of each format beside the cache file: an unchanged folder
 * is answered from it byte for byte, and every change that could change what is printed
 * (a file, the file list, the configuration, an output option, the cache itself) prints
 * the report of a fresh check instead. A damaged or hostile report file is ignored.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as iconv from 'iconv-lite';
import { CLI, freshFixtures, lint, NO_BUILTIN, removeDir } from './helpers';

const CACHE = '.agreementlintcache';
const SHOWN_FROM_REPORT = '〔来自上次的报告〕';

describe('agreement-lint --cache: the last report', function () {
  this.timeout(60000);
  let root: string;
  let project: string;
  let cacheFile: string;
  const reportFile = (format: string) => `${cacheFile}.${format}.report`;
  beforeEach(() => {
    root = freshFixtures();
    project = path.join(root, 'project');
    cacheFile = path.join(project, CACHE);
  });
  afterEach(() => removeDir(root));

  const run = (...args: string[]) => lint([NO_BUILTIN, ...args], project);
  /** Mark the kept report, so a run shows whether it printed it or checked again. */
  const markReport = (format: string) => {
    const bytes = fs.readFileSync(reportFile(format));
    const newline = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { bytes: number };
    const body = Buffer.concat([bytes.subarray(newline + 1), Buffer.from(SHOWN_FROM_REPORT)]);
    header.bytes = body.length;
    fs.writeFileSync(reportFile(format), Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), body]));
  };
  const fromReport = (stdout: string) => stdout.endsWith(SHOWN_FROM_REPORT);

  for (const format of ['stylish', 'json']) {
    it(`${format}: the same bytes and exit code from the kept report as from checking`, () => {
      const plain = run('-f', format);
      const first = run('-f', format, '--cache');
      assert.equal(first.stdout, plain.stdout);
      assert.ok(fs.existsSync(reportFile(format)));
      const hit = run('-f', format, '--cache');
      assert.equal(hit.stdout, plain.stdout);
      assert.equal(hit.code, plain.code);
      assert.equal(hit.stderr, plain.stderr);
      markReport(format);
      assert.ok(fromReport(run('-f', format, '--cache').stdout), 'an unchanged folder is answered from the report');
    });
  }

  it('keeps one report per format: alternating json and stylish prints each from its own', () => {
    run('-f', 'json', '--cache');
    run('--cache');
    markReport('json');
    markReport('stylish');
    assert.ok(fromReport(run('-f', 'json', '--cache').stdout));
    assert.ok(fromReport(run('--cache').stdout));
  });

  it('--quiet, --color and the folder the command runs in give their own report', () => {
    run('--cache');
    markReport('stylish');
    const quiet = run('--cache', '--quiet');
    assert.ok(!fromReport(quiet.stdout));
    assert.equal(quiet.stdout, run('--quiet').stdout);
    markReport('stylish');
    const colored = run('--cache', '--color');
    assert.ok(!fromReport(colored.stdout));
    assert.equal(colored.stdout, run('--color').stdout);
    assert.match(colored.stdout, /\u001b\[31m/);
    // A colour report is printed from the report file when asked again in colour.
    assert.equal(run('--cache', '--color').stdout, colored.stdout);
    const sub = path.join(project, 'sub');
    fs.mkdirSync(sub, { recursive: true });
    const fromSub = lint([NO_BUILTIN, '--cache', '--cache-location', cacheFile, '..'], sub);
    const plainSub = lint([NO_BUILTIN, '..'], sub);
    assert.equal(fromSub.stdout, plainSub.stdout);
  });

  it('a changed, added or removed file, or a changed configuration, prints a fresh check', () => {
    run('--cache');
    const files = fs.readdirSync(project).filter((f) => f.endsWith('.agreement.md'));
    const one = path.join(project, files[0]!);
    markReport('stylish');
    fs.appendFileSync(one, '\n（新增一段）因本协议发生的争议，由双方协商解决。\n');
    const changed = run('--cache');
    assert.ok(!fromReport(changed.stdout));
    assert.equal(changed.stdout, run().stdout);

    markReport('stylish');
    fs.writeFileSync(path.join(project, 'added.agreement.md'), fs.readFileSync(one));
    const added = run('--cache');
    assert.ok(!fromReport(added.stdout));
    assert.equal(added.stdout, run().stdout);

    markReport('stylish');
    fs.rmSync(path.join(project, 'added.agreement.md'));
    assert.equal(run('--cache').stdout, run().stdout);

    markReport('stylish');
    const severity = run('--cache', '--rule', 'format/placeholder=off');
    assert.ok(!fromReport(severity.stdout));
    assert.equal(severity.stdout, run('--rule', 'format/placeholder=off').stdout);
  });

  it('a rewritten cache file is not answered from a report written before it', () => {
    run('-f', 'json', '--cache');
    markReport('json');
    const data = fs.readFileSync(cacheFile);
    fs.rmSync(cacheFile);
    fs.writeFileSync(cacheFile, data);
    const again = run('-f', 'json', '--cache');
    assert.ok(!fromReport(again.stdout));
    assert.equal(again.stdout, run('-f', 'json').stdout);
  });

  it('a file in GBK keeps its encoding note on every --cache run, in json and stylish', () => {
    const text = fs.readFileSync(path.join(project, fs.readdirSync(project).find((f) => f.endsWith('.agreement.md'))!), 'utf8');
    fs.writeFileSync(path.join(project, 'gbk.agreement.md'), iconv.encode(text, 'gbk'));
    for (const format of ['json', 'stylish']) {
      const plain = run('-f', format);
      assert.match(plain.stdout, /GBK/);
      run('-f', format, '--cache');
      assert.equal(run('-f', format, '--cache').stdout, plain.stdout);
    }
  });

  it('--fix and sarif never use a report', () => {
    run('--cache');
    markReport('stylish');
    assert.ok(!fromReport(run('--cache', '--fix-dry-run').stdout));
    run('-f', 'sarif', '--cache');
    assert.equal(fs.existsSync(reportFile('sarif')), false);
  });

  it('the exit code and --max-warnings message of a hit are those of a check', () => {
    const plain = run('--max-warnings', '0');
    run('--cache', '--max-warnings', '0');
    const hit = run('--cache', '--max-warnings', '0');
    assert.equal(hit.code, plain.code);
    assert.equal(hit.stderr, plain.stderr);
  });

  describe('a damaged or hostile report file is ignored with a message, never printed', () => {
    const damages: Array<[string, (bytes: Buffer) => Buffer, RegExp]> = [
      ['truncated', (b) => b.subarray(0, b.length - 10), /内容不完整或已损坏/],
      ['header not JSON', (b) => Buffer.concat([Buffer.from('{"format":'), b.subarray(b.indexOf(0x0a))]), /不是有效的缓存/],
      ['an escape sequence in the report', (b) => Buffer.concat([b.subarray(0, b.length - 4), Buffer.from('\u001b]52')]), /控制字符/],
      ['a carriage return in the report', (b) => Buffer.concat([b.subarray(0, b.length - 1), Buffer.from('\r')]), /控制字符/],
      ['invalid UTF-8', (b) => Buffer.concat([b.subarray(0, b.length - 1), Buffer.from([0xff])]), /内容不完整或已损坏/],
    ];
    for (const [what, damage, message] of damages) {
      it(what, () => {
        const plain = run('--cache');
        fs.writeFileSync(reportFile('stylish'), damage(fs.readFileSync(reportFile('stylish'))));
        const again = run('--cache');
        assert.equal(again.stdout, plain.stdout);
        assert.match(again.stderr, message);
        assert.equal(run('--cache').stderr, '', 'rewritten');
      });
    }

    it('a FIFO, a folder or a link to /dev/zero: a message, no hang, left alone', function () {
      if (process.platform === 'win32') this.skip();
      const plain = run('--cache');
      fs.rmSync(reportFile('stylish'));
      execFileSync('mkfifo', [reportFile('stylish')]);
      const fifo = run('--cache');
      assert.equal(fifo.stdout, plain.stdout);
      assert.match(fifo.stderr, /缓存文件 \.agreementlintcache\.stylish\.report 不是普通文件（命名管道），已忽略/);
      fs.rmSync(reportFile('stylish'));
      fs.symlinkSync('/dev/zero', reportFile('stylish'));
      const zero = run('--cache');
      assert.equal(zero.stdout, plain.stdout);
      assert.match(zero.stderr, /不是普通文件（设备文件）/);
      assert.equal(fs.lstatSync(reportFile('stylish')).isSymbolicLink(), true);
      fs.rmSync(reportFile('stylish'));
      fs.mkdirSync(reportFile('stylish'));
      const folder = run('--cache');
      assert.equal(folder.stdout, plain.stdout);
      assert.match(folder.stderr, /已忽略/);
    });

    it('a huge report file is not read', () => {
      const plain = run('--cache');
      fs.truncateSync(reportFile('stylish'), 300 * 2 ** 20);
      const again = spawnSync(process.execPath, [CLI, NO_BUILTIN, '--cache'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60000 });
      assert.equal(again.stdout, plain.stdout);
      assert.match(again.stderr, /文件过大/);
    });
  });
});
