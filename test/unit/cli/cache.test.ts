/**
 * `--cache`: findings of unchanged files are taken from the last run; a change of content,
 * configuration, packs or program version checks again; a damaged or hostile cache file is
 * ignored with a message. Runs the built CLI on a fresh copy of the fixtures.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheKey, openResultCache } from '../../../server/src/cli/cache';
import type { FileOutcome } from '../../../server/src/cli/check';
import { freshFixtures, lint, NO_BUILTIN, removeDir, rewriteKeepingSizeAndMtime } from './helpers';

const CACHE = '.agreementlintcache';
const FORGED = '（来自缓存的结果）';

interface CacheFileData {
  format: string;
  key: string;
  messages: string[];
  citations: unknown[];
  entries: Record<string, { hash: string; findings: Array<{ message: number; severity: string; citation?: number }> }>;
}

describe('agreement-lint --cache', function () {
  this.timeout(60000);
  let root: string;
  let project: string;
  let cacheFile: string;
  beforeEach(() => {
    root = freshFixtures();
    project = path.join(root, 'project');
    cacheFile = path.join(project, CACHE);
  });
  afterEach(() => removeDir(root));

  const run = (...extra: string[]) => lint([NO_BUILTIN, '-f', 'json', ...extra], project);
  const readCache = () => JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as CacheFileData;
  /** Rewrite every cached message: output that shows it came from the cache, not from analysis. */
  const forgeMessages = () => {
    const data = readCache();
    data.messages = data.messages.map((m) => m + FORGED);
    fs.writeFileSync(cacheFile, JSON.stringify(data));
  };
  /** The first cached finding (some files have none). */
  const firstFinding = (d: CacheFileData) => Object.values(d.entries).find((e) => e.findings.length > 0)!.findings[0] as Record<string, unknown>;
  const messages = (stdout: string) => (JSON.parse(stdout) as Array<{ findings: Array<{ message: string }> }>).flatMap((r) => r.findings.map((f) => f.message));

  it('is off by default: no cache file is written', () => {
    run();
    assert.equal(fs.existsSync(cacheFile), false);
  });

  it('gives the same report from the cache as from checking, and takes unchanged files from it', () => {
    const plain = run();
    const first = run('--cache');
    assert.equal(first.stdout, plain.stdout);
    assert.equal(first.code, plain.code);
    assert.equal(first.stderr, '');
    assert.equal(run('--cache').stdout, plain.stdout);
    forgeMessages();
    const hit = run('--cache');
    assert.ok(messages(hit.stdout).length > 0);
    assert.ok(messages(hit.stdout).every((m) => m.endsWith(FORGED)), 'every finding came from the cache');
    assert.equal(hit.code, plain.code);
  });

  it('checks a file again when its content changes (and only that file)', () => {
    run('--cache');
    forgeMessages();
    const file = path.join(project, 'findings.agreement.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('甲方给予乙方独家经营权。', ''));
    const after = JSON.parse(run('--cache').stdout) as Array<{ file: string; findings: Array<{ rule: string; message: string }> }>;
    const changed = after.find((r) => r.file === file)!;
    assert.ok(changed.findings.every((f) => !f.message.endsWith(FORGED)));
    assert.ok(!changed.findings.some((f) => f.rule === 'clause/exclusive'), 'the removed clause is no longer reported');
    const others = after.filter((r) => r.file !== file).flatMap((r) => r.findings);
    assert.ok(others.length > 0 && others.every((f) => f.message.endsWith(FORGED)), 'unchanged files still come from the cache');
  });

  it('a file rewritten with the same size and its old mtime put back is still checked again (its bytes are hashed)', () => {
    run('--cache');
    forgeMessages();
    const file = path.join(project, 'findings.agreement.md');
    rewriteKeepingSizeAndMtime(file);
    const after = JSON.parse(run('--cache').stdout) as Array<{ file: string; findings: Array<{ rule: string; message: string }> }>;
    const changed = after.find((r) => r.file === file)!;
    assert.ok(!changed.findings.some((f) => f.rule === 'clause/exclusive'));
    assert.ok(changed.findings.every((f) => !f.message.endsWith(FORGED)));
  });

  it('a file only touched (same bytes) is still taken from the cache', () => {
    run('--cache');
    forgeMessages();
    const file = path.join(project, 'findings.agreement.md');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    const again = run('--cache');
    assert.ok(messages(again.stdout).every((m) => m.endsWith(FORGED)));
  });

  for (const [what, change] of [
    ['a --rule severity', ['--rule', 'clause/land-price=error']],
    ['the rule packs', ['--rule-pack', '../packs/test-pack.yaml']],
    ['the size limit', ['--max-file-size', '999999']],
  ] as Array<[string, string[]]>) {
    it(`checks everything again when ${what} changes`, () => {
      run('--cache');
      forgeMessages();
      const again = run('--cache', ...change);
      assert.ok(messages(again.stdout).length > 0);
      assert.ok(messages(again.stdout).every((m) => !m.endsWith(FORGED)));
      assert.equal(again.stderr, '');
    });
  }

  it('checks everything again when .agreementrc.yaml changes', () => {
    run('--cache');
    forgeMessages();
    fs.appendFileSync(path.join(project, '.agreementrc.yaml'), '  element/missing: info\n');
    const again = run('--cache');
    assert.ok(messages(again.stdout).every((m) => !m.endsWith(FORGED)));
  });

  it('never uses the cache for --fix', () => {
    run('--cache');
    forgeMessages();
    const fixed = lint([NO_BUILTIN, '-f', 'json', '--cache', '--fix'], project);
    assert.ok(messages(fixed.stdout).every((m) => !m.endsWith(FORGED)));
  });

  it('--cache-location takes a file or a folder', () => {
    const dir = path.join(root, 'cachedir');
    fs.mkdirSync(dir);
    run('--cache', '--cache-location', dir);
    assert.ok(fs.existsSync(path.join(dir, CACHE)));
    run('--cache', '--cache-location', '../named.cache');
    assert.ok(fs.existsSync(path.join(root, 'named.cache')));
    assert.equal(fs.existsSync(cacheFile), false);
  });

  describe('a damaged or hostile cache file', () => {
    const damaged: Array<[string, (data: CacheFileData) => unknown]> = [
      ['a severity that does not exist', (d) => ((firstFinding(d).severity = 'fatal'), d)],
      ['a message index out of range', (d) => ((firstFinding(d).message = 10 ** 6), d)],
      ['a citation that is not one', (d) => ((d.citations[0] = { title: 1 }), d)],
      ['a hash that is not a SHA-256', (d) => ((Object.values(d.entries)[0].hash = 'x'), d)],
      ['a file stamp that is not one', (d) => ((Object.values(d.entries)[0] as Record<string, unknown>).stat = ['big', 0, 0, 0], d)],
      ['another format', (d) => ({ ...d, format: 'something-else/9' })],
      ['an array', () => []],
    ];
    for (const [what, damage] of damaged) {
      it(`is ignored with a message (${what}), and the report is the checked one`, () => {
        const plain = run();
        run('--cache');
        forgeMessages();
        fs.writeFileSync(cacheFile, JSON.stringify(damage(readCache())));
        const again = run('--cache');
        assert.equal(again.stdout, plain.stdout);
        assert.equal(again.code, plain.code);
        assert.match(again.stderr, /^agreement-lint: 缓存文件 \.agreementlintcache .+，已忽略，本次全部重新检查。\n$/);
        // Rewritten: the next run is quiet and takes it.
        assert.equal(run('--cache').stderr, '');
        assert.ok(readCache().format.startsWith('agreement-lint-cache/'));
      });
    }

    it('truncated JSON is ignored with a message', () => {
      const plain = run();
      run('--cache');
      fs.writeFileSync(cacheFile, fs.readFileSync(cacheFile, 'utf8').slice(0, 200));
      const again = run('--cache');
      assert.equal(again.stdout, plain.stdout);
      assert.match(again.stderr, /缓存文件 \.agreementlintcache 不是有效的 JSON，已忽略/);
    });

    it('unknown fields in a finding never reach the output', () => {
      run('--cache');
      const data = readCache();
      const finding = firstFinding(data);
      finding.fix = { applied: 99 };
      finding.injected = '<script>';
      fs.writeFileSync(cacheFile, JSON.stringify(data));
      const again = run('--cache');
      assert.equal(again.stderr, '');
      assert.ok(!again.stdout.includes('injected') && !again.stdout.includes('applied'));
    });

    it('a FIFO or a link to /dev/zero is never read: a message, no hang', function () {
      if (process.platform === 'win32') this.skip();
      const plain = run();
      execFileSync('mkfifo', [cacheFile]);
      const fifo = run('--cache');
      assert.equal(fifo.stdout, plain.stdout);
      assert.match(fifo.stderr, /缓存文件 \.agreementlintcache 不是普通文件（命名管道），已忽略/);
      assert.match(fifo.stderr, /无法写入缓存文件/);
      fs.rmSync(cacheFile);
      fs.symlinkSync('/dev/zero', cacheFile);
      const zero = run('--cache');
      assert.equal(zero.stdout, plain.stdout);
      assert.match(zero.stderr, /不是普通文件（设备文件），已忽略/);
      assert.equal(fs.lstatSync(cacheFile).isSymbolicLink(), true, 'the link is left alone');
    });
  });
});

describe('result cache key', () => {
  const base = { version: '1.0.0', build: 'b', packs: [{ id: 'p' }], severities: { a: 'error', b: 'off' }, maxSize: null };

  it('changes with the version, the build, the packs, the severities and the size limit', () => {
    const key = cacheKey(base);
    assert.equal(cacheKey({ ...base, severities: { b: 'off', a: 'error' } }), key, 'the order of severities does not matter');
    for (const changed of [{ version: '1.0.1' }, { build: 'c' }, { packs: [{ id: 'q' }] }, { severities: { a: 'warning', b: 'off' } }, { maxSize: 10 }]) {
      assert.notEqual(cacheKey({ ...base, ...changed }), key, JSON.stringify(changed));
    }
  });

  it('a cache written by another version is not used (and says nothing)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cache-'));
    try {
      const file = path.join(dir, 'a.agreement.md');
      fs.writeFileSync(file, 'text');
      const cacheFile = path.join(dir, CACHE);
      const warnings: string[] = [];
      const outcome: FileOutcome = { file, findings: [{ rule: 'r', severity: 'error', message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] };
      let checked = 0;
      const check = async (misses: string[]) => {
        checked += misses.length;
        return misses.map(() => outcome);
      };
      const v1 = openResultCache(cacheFile, cacheKey(base), (m) => warnings.push(m));
      await v1.check([file], check);
      v1.save();
      const again = openResultCache(cacheFile, cacheKey(base), (m) => warnings.push(m));
      assert.deepEqual(await again.check([file], check), [outcome]);
      assert.equal(again.hits, 1);
      const v2 = openResultCache(cacheFile, cacheKey({ ...base, version: '2.0.0' }), (m) => warnings.push(m));
      await v2.check([file], check);
      assert.equal(v2.hits, 0);
      assert.equal(checked, 2);
      assert.deepEqual(warnings, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
