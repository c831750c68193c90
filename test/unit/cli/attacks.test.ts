/**
 * agreement-lint attacked as a hostile workspace or a concurrent program would: files that
 * are not files, saves during --fix, links, read-only files, escape sequences, limits.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkFile } from '../../../server/src/cli/check';
import { loadConfig } from '../../../server/src/cli/config';
import { parseArgs } from '../../../server/src/cli/args';
import { freshFixtures, lint, NO_BUILTIN, removeDir } from './helpers';

describe('agreement-lint under attack', function () {
  this.timeout(60000);
  let dir: string;
  let project: string;
  beforeEach(() => {
    dir = freshFixtures();
    project = path.join(dir, 'project');
  });
  afterEach(() => removeDir(dir));

  const file = (name: string) => path.join(project, name);

  describe('workspace files that are not regular files', () => {
    it('a FIFO named .agreementrc.yaml is refused with a message, not waited on', () => {
      fs.rmSync(file('.agreementrc.yaml'));
      execFileSync('mkfifo', [file('.agreementrc.yaml')]);
      const started = Date.now();
      const run = lint([NO_BUILTIN, 'clean.agreement.md'], project);
      assert.ok(Date.now() - started < 20000, 'returned without waiting for a writer');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /\.agreementrc\.yaml：不是普通文件（命名管道），未读取。/);
    });

    it('.agreementrc.yaml linked to /dev/zero is refused, not read until memory runs out', () => {
      fs.rmSync(file('.agreementrc.yaml'));
      fs.symlinkSync('/dev/zero', file('.agreementrc.yaml'));
      const run = lint([NO_BUILTIN, 'clean.agreement.md'], project);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /不是普通文件（设备文件），未读取。/);
    });

    it('an .agreementignore linked to /dev/zero is skipped with a warning, even with --no-config', () => {
      fs.rmSync(file('.agreementignore'), { force: true });
      fs.symlinkSync('/dev/zero', file('.agreementignore'));
      const run = lint([NO_BUILTIN, '--no-config', '--format', 'json'], project);
      assert.notEqual(run.code, 2, run.stderr);
      assert.match(run.stderr, /忽略规则文件 \.agreementignore：不是普通文件（设备文件），未读取。/);
      assert.ok(JSON.parse(run.stdout).length > 0, 'the other files are still checked');
    });
  });

  describe('--fix and other programs', () => {
    const fixSettings = (extra = {}) => ({ mode: 'fix' as const, severities: {}, cwd: project, ...extra });
    const rules = () => loadConfig(parseArgs([NO_BUILTIN]), project).ruleSet;

    it('a save by another program while --fix runs is kept, and reported as a conflict', async () => {
      const target = file('fixable.agreement.md');
      const theirs = fs.readFileSync(target, 'utf8').replace('平等互利。', '平等互利，共同发展。');
      const outcome = await checkFile(target, rules(), fixSettings({ writeHooks: { beforeCommit: () => fs.writeFileSync(target, theirs) } }));
      assert.match(outcome.error ?? '', /文件在检查期间被其他程序修改，未写入修复/);
      assert.equal(fs.readFileSync(target, 'utf8'), theirs, 'the other program’s save survives');
      assert.deepEqual(fs.readdirSync(project).filter((n) => n.endsWith('.tmp')), [], 'no temporary file is left');
    });

    it('a read-only file is reported, not rewritten', () => {
      const target = file('fixable.agreement.md');
      const before = fs.readFileSync(target, 'utf8');
      fs.chmodSync(target, 0o444);
      const run = lint([NO_BUILTIN, '--fix', 'fixable.agreement.md'], project);
      assert.equal(fs.readFileSync(target, 'utf8'), before);
      assert.match(run.stderr, /文件为只读，未写入修复/);
      assert.equal(run.code, 2);
    });

    it('fixes a symlink’s target and keeps the link; keeps hard links, mode and owner', () => {
      const target = file('fixable.agreement.md');
      fs.chmodSync(target, 0o640);
      fs.symlinkSync('fixable.agreement.md', file('link.agreement.md'));
      fs.linkSync(target, path.join(dir, 'hard-name.md'));
      const run = lint([NO_BUILTIN, '--fix', 'link.agreement.md'], project);
      assert.equal(run.code, 1, run.stderr);
      assert.ok(fs.lstatSync(file('link.agreement.md')).isSymbolicLink(), 'the link is still a link');
      const fixed = fs.readFileSync(target, 'utf8');
      assert.ok(fixed.includes('二、合作内容'), 'the target was fixed');
      assert.equal(fs.readFileSync(path.join(dir, 'hard-name.md'), 'utf8'), fixed, 'the other hard link sees the fix');
      assert.equal(fs.statSync(target).nlink, 2);
      assert.equal(fs.statSync(target).mode & 0o777, 0o640);
    });

    it('a fix that would push the file past --max-file-size is not applied, and its findings still count', () => {
      const target = file('fixable.agreement.md');
      // Two sections numbered 十、: renumbering the second to 十一、 grows the file by one character.
      const original = fs.readFileSync(target, 'utf8');
      const head = original.slice(0, original.indexOf('一、合作原则'));
      const names = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十'];
      const short = head + names.map((n, i) => `${n}、第${i + 1}部分\n${i === 1 ? '甲方给予乙方独家经营权。' : '平等互利。'}\n`).join('\n');
      fs.writeFileSync(target, short);
      const run = lint([NO_BUILTIN, '--fix', '--max-file-size', String(short.length), '--format', 'json', 'fixable.agreement.md'], project);
      const [outcome] = JSON.parse(run.stdout);
      assert.equal(fs.readFileSync(target, 'utf8'), short, 'nothing written');
      assert.match(outcome.fix.skipped, /修复后文件将超过大小上限，未自动修复。/);
      assert.ok(outcome.findings.some((f: { rule: string }) => f.rule === 'clause/exclusive'), 'the file’s own findings are reported, not format/too-large');
      assert.equal(run.code, 1, 'its error still fails the run');
    });
  });

  describe('output', () => {
    it('escape sequences and bidi controls from a document never reach the terminal raw', () => {
      const target = file('evil.agreement.md');
      fs.writeFileSync(target, `---\n文种: "协议\\e]52;c;aGk=\\a\\e[2K"\n类别: 其他\n标题: 恶意\n甲方: 某某区人民政府\n乙方: 某某有限公司\n牵头单位: 区商务局\n签署日期: 2025-06-30\n---\n# 恶意\u202e\n一、合作原则\n平等。\n`);
      fs.renameSync(target, file('evil\u001b[2K.agreement.md'));
      const run = lint([NO_BUILTIN, '--no-config'], project);
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(run.stdout.replace(/\n/g, '')), JSON.stringify(run.stdout));
      assert.ok(!/\u001b/.test(run.stderr));
      assert.match(run.stdout, /evil\\x1b\[2K\.agreement\.md/);
    });
  });
});
