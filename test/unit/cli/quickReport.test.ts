/**
 * `agreement-lint --cache` as users run it (bin/agreement-lint.js): an unchanged folder is
 * printed from the last report by dist/cli-fast.js, without loading the checker; a changed
 * file, configuration, pack, clause model or program prints what a check prints, and a
 * damaged or forged report file is said once and never printed.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Options } from '../../../server/src/cli/args';
import { parseArgs } from '../../../server/src/cli/args';
import { quickKey } from '../../../server/src/cli/quickReport';
import { freshFixtures, NO_BUILTIN, removeDir, rewriteKeepingSizeAndMtime, ROOT, type Run } from './helpers';

const SHOWN_FROM_REPORT = '〔来自上次的报告〕';
/** The quick record is written only for configuration files older than this (timestamps may count whole seconds). */
const SETTLE_MS = 2100;
const settle = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);

/** Records, at exit, whether the process loaded the full CLI bundle. */
const LOAD_PROBE = `process.on('exit', () => require('node:fs').writeFileSync(process.env.AGREEMENT_TEST_PROBE, String(Object.keys(require.cache).some((f) => /dist[\\\\/]cli\\.js$/.test(f)))));\n`;

interface BinRun extends Run {
  /** The checker (dist/cli.js) was loaded. */
  checked: boolean;
}

describe('agreement-lint --cache: the quick path of bin/agreement-lint.js', function () {
  this.timeout(120000);
  let root: string;
  let project: string;
  let probe: string;
  let reportFile: string;
  let bin = path.join(ROOT, 'bin/agreement-lint.js');

  const runBin = (args: string[], cwd = project): BinRun => {
    fs.rmSync(path.join(root, 'probe.txt'), { force: true });
    const result = spawnSync(process.execPath, ['-r', probe, bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', AGREEMENT_TEST_PROBE: path.join(root, 'probe.txt') }, timeout: 60000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, checked: fs.readFileSync(path.join(root, 'probe.txt'), 'utf8') === 'true' };
  };
  const plainArgs = [NO_BUILTIN, '-f', 'json'];
  const run = (...extra: string[]) => runBin([...plainArgs, '--cache', ...extra]);
  const plain = (...extra: string[]) => runBin([...plainArgs, ...extra]);
  /** Mark the kept report, so a run shows whether it printed it or checked again. */
  const markReport = () => {
    const bytes = fs.readFileSync(reportFile);
    const newline = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { bytes: number };
    const body = Buffer.concat([bytes.subarray(newline + 1), Buffer.from(SHOWN_FROM_REPORT)]);
    header.bytes = body.length;
    fs.writeFileSync(reportFile, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), body]));
  };
  const fromReport = (r: Run) => r.stdout.endsWith(SHOWN_FROM_REPORT);
  const findingsOf = (r: Run, name: string) => (JSON.parse(r.stdout) as Array<{ file: string; findings: Array<{ rule: string; message: string; severity: string }> }>).find((f) => f.file.endsWith(name))!.findings;

  beforeEach(() => {
    root = freshFixtures();
    project = path.join(root, 'project');
    probe = path.join(root, 'probe.cjs');
    fs.writeFileSync(probe, LOAD_PROBE);
    reportFile = path.join(project, '.agreementlintcache.json.report');
    settle();
  });
  afterEach(() => removeDir(root));

  it('an unchanged folder: the same bytes, exit code and silence as a check, without loading the checker', () => {
    const checked = plain();
    const first = run();
    assert.equal(first.checked, true);
    assert.equal(first.stdout, checked.stdout);
    const again = run();
    assert.equal(again.checked, false, 'answered by dist/cli-fast.js alone');
    assert.equal(again.stdout, checked.stdout);
    assert.equal(again.code, checked.code);
    assert.equal(again.stderr, checked.stderr);
    markReport();
    assert.ok(fromReport(run()));
    // --max-warnings is decided from the report's counts, with the same message.
    const limited = plain('--max-warnings', '0');
    run('--max-warnings', '0');
    const quickLimited = run('--max-warnings', '0');
    assert.equal(quickLimited.checked, false);
    assert.equal(quickLimited.code, limited.code);
    assert.equal(quickLimited.stderr, limited.stderr);
  });

  it('a file edited to the same size with its mtime put back prints its new findings', () => {
    run();
    markReport();
    rewriteKeepingSizeAndMtime(path.join(project, 'findings.agreement.md'));
    const after = run();
    assert.ok(!fromReport(after));
    assert.equal(after.stdout, plain().stdout);
    assert.ok(findingsOf(after, 'findings.agreement.md').every((f) => !f.message.includes('排他')));
  });

  it('a file only touched prints the same report, and the next run is quick again', () => {
    const checked = plain();
    run();
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(project, 'clean.agreement.md'), later, later);
    const touched = run();
    assert.equal(touched.checked, true);
    assert.equal(touched.stdout, checked.stdout);
    const next = run();
    assert.equal(next.checked, false);
    assert.equal(next.stdout, checked.stdout);
  });

  it('a changed .agreementrc.yaml prints the findings of the new configuration', () => {
    const before = run();
    run();
    markReport();
    fs.appendFileSync(path.join(project, '.agreementrc.yaml'), '  clause/land-price: error\n');
    const after = run();
    assert.ok(!fromReport(after));
    assert.equal(after.stdout, plain().stdout);
    assert.notEqual(after.stdout, before.stdout);
    assert.ok(findingsOf(after, 'findings.agreement.md').some((f) => f.rule === 'clause/land-price' && f.severity === 'error'));
  });

  it('a .agreementrc.yaml only touched is read again once, then the quick path holds again', () => {
    const checked = plain();
    run();
    const rc = path.join(project, '.agreementrc.yaml');
    fs.utimesSync(rc, new Date(), new Date());
    const touched = run();
    assert.equal(touched.checked, true);
    assert.equal(touched.stdout, checked.stdout);
    settle();
    run();
    const next = run();
    assert.equal(next.checked, false);
    assert.equal(next.stdout, checked.stdout);
  });

  it('a changed pack the rc names, or an rc written into a folder that had none, prints a fresh check', () => {
    run();
    markReport();
    const pack = path.join(root, 'packs/test-pack.yaml');
    fs.writeFileSync(pack, fs.readFileSync(pack, 'utf8').replace('本句约定了排他性安排。', '本句约定了排他性安排（新的说明）。'));
    const changed = run();
    assert.ok(!fromReport(changed));
    assert.ok(findingsOf(changed, 'findings.agreement.md').some((f) => f.message.startsWith('本句约定了排他性安排（新的说明）。')));

    // A folder without an rc of its own: an rc written into the folder takes effect at once.
    const docs = path.join(project, 'sub');
    fs.mkdirSync(docs, { recursive: true });
    fs.copyFileSync(path.join(project, 'findings.agreement.md'), path.join(docs, 'x.agreement.md'));
    const inSub = (extra: string[] = []) => runBin([...plainArgs, '--cache', ...extra], docs);
    fs.rmSync(path.join(project, '.agreementrc.yaml'));
    inSub();
    const quick = inSub();
    assert.equal(quick.checked, false);
    fs.writeFileSync(path.join(docs, '.agreementrc.yaml'), 'rules:\n  clause/exclusive: "off"\n');
    const withRc = inSub();
    assert.equal(withRc.checked, true);
    assert.ok(JSON.parse(withRc.stdout)[0].findings.every((f: { rule: string }) => f.rule !== 'clause/exclusive'));
  });

  it('a damaged report file is said once and the check is printed; a forged one never reaches the output', () => {
    const checked = plain();
    run();
    const bytes = fs.readFileSync(reportFile);
    fs.writeFileSync(reportFile, Buffer.concat([Buffer.from('{"format":'), bytes.subarray(bytes.indexOf(0x0a))]));
    const damaged = run();
    assert.equal(damaged.stdout, checked.stdout);
    assert.equal(damaged.stderr.match(/不是有效的缓存/g)?.length, 1, damaged.stderr);
    settle();
    run();
    // A control sequence with a header that still adds up and a quick record that holds.
    const good = fs.readFileSync(reportFile);
    const newline = good.indexOf(0x0a);
    const header = JSON.parse(good.subarray(0, newline).toString('utf8')) as { bytes: number; quick?: unknown };
    assert.ok(header.quick, 'the report keeps a quick record');
    const body = Buffer.concat([good.subarray(newline + 1), Buffer.from('\u001b]52;c;ZXZpbA==\u0007')]);
    header.bytes = body.length;
    fs.writeFileSync(reportFile, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), body]));
    const forged = run();
    assert.equal(forged.stdout, checked.stdout);
    assert.equal(forged.stderr.match(/控制字符/g)?.length, 1, forged.stderr);
    // A quick record naming a device or a FIFO is only stat'ed, never read.
    header.quick = { ...(header.quick as object), depends: [['/dev/zero', null]] };
    fs.writeFileSync(reportFile, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), good.subarray(newline + 1)]));
    const device = run();
    assert.equal(device.stdout, checked.stdout);
  });

  describe('the program and its built-in data', () => {
    let pkg: string;
    before(() => {
      // A copy of the installed program, so its packs, model and bundles can be changed.
      pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-lint-package-'));
      for (const part of ['bin', 'dist', 'rules', 'regulations', 'schemas', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
      bin = path.join(pkg, 'bin/agreement-lint.js');
    });
    after(() => {
      removeDir(pkg);
      bin = path.join(ROOT, 'bin/agreement-lint.js');
    });
    const withBuiltin = (cache = true) => runBin(['--no-config', '-f', 'json', ...(cache ? ['--cache'] : [])]);

    for (const [what, change] of [
      ['the clause model rewritten (same bytes)', () => fs.writeFileSync(path.join(pkg, 'rules/model/clause-model.json'), fs.readFileSync(path.join(pkg, 'rules/model/clause-model.json')))],
      ['the checker bundle rebuilt', () => fs.appendFileSync(path.join(pkg, 'dist/cli.js'), '\n// another build\n')],
      ['a built-in pack added', () => fs.copyFileSync(path.join(ROOT, 'test/fixtures/cli/packs/test-pack.yaml'), path.join(pkg, 'rules/zz-extra.yaml'))],
    ] as Array<[string, () => void]>) {
      it(`${what}: checked again`, () => {
        settle();
        withBuiltin();
        assert.equal(withBuiltin().checked, false);
        markReport();
        change();
        try {
          const after = withBuiltin();
          assert.equal(after.checked, true);
          assert.ok(!fromReport(after));
          assert.equal(after.stdout, withBuiltin(false).stdout);
        } finally {
          fs.rmSync(path.join(pkg, 'rules/zz-extra.yaml'), { force: true });
        }
      });
    }

    it('a damaged clause model: said once, the rules still report, and the run keeps no quick record', () => {
      const file = path.join(pkg, 'rules/model/clause-model.json');
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(file, '{"format": 1');
      try {
        settle();
        const first = withBuiltin();
        assert.equal(first.stderr.match(/内置条款模型/g)?.length, 1, first.stderr);
        assert.ok(findingsOf(first, 'findings.agreement.md').some((f) => f.rule.startsWith('clause/')));
        const again = withBuiltin();
        assert.equal(again.checked, true, 'a run that warned keeps no quick record');
      } finally {
        fs.writeFileSync(file, bytes);
      }
    });

    it('a built-in pack edited: its new message is printed', () => {
      settle();
      withBuiltin();
      markReport();
      const file = path.join(pkg, 'rules/hebei-2017-47.yaml');
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, text.replace('属于违反法律法规规定的排他性条款。', '属于排他性条款（已改）。'));
      try {
        const after = withBuiltin();
        assert.ok(!fromReport(after));
        assert.ok(findingsOf(after, 'findings.agreement.md').some((f) => f.message.includes('属于排他性条款（已改）。')));
      } finally {
        fs.writeFileSync(file, text);
      }
    });
  });
});

describe('dist/cli-fast.js', () => {
  it('holds none of the checker, the packs, YAML or the Word reader (a few dozen KB, not megabytes)', () => {
    const bundle = path.join(ROOT, 'dist/cli-fast.js');
    const size = fs.statSync(bundle).size;
    assert.ok(size < 150 * 1024, `dist/cli-fast.js is ${Math.round(size / 1024)} KB: a module it imports now pulls in analysis code`);
    assert.ok(fs.statSync(path.join(ROOT, 'dist/cli.js')).size > 10 * size);
  });
});

describe('quickKey', () => {
  const view = { cwd: '/work/folder', color: false, root: '/opt/agreement-lint', version: '1.0.0' };
  const options = (...argv: string[]): Options => parseArgs(['--cache', ...argv]);
  it('changes with the version, the program folder, the folder, colour and every option that changes the output', () => {
    const base = quickKey(options(), view);
    assert.notEqual(quickKey(options(), { ...view, version: '1.0.1' }), base);
    assert.notEqual(quickKey(options(), { ...view, root: '/opt/other' }), base);
    assert.notEqual(quickKey(options(), { ...view, cwd: '/work/other' }), base);
    assert.notEqual(quickKey(options(), { ...view, color: true }), base);
    for (const argv of [['-f', 'json'], ['--quiet'], ['--rule', 'clause/exclusive=off'], ['--rule-pack', 'x.yaml'], ['--no-config'], ['--no-builtin-packs'], ['--no-clause-model'], ['--no-ignore'], ['--max-file-size', '10'], ['docs']]) {
      assert.notEqual(quickKey(options(...argv), view), base, argv.join(' '));
    }
    assert.equal(quickKey(options('--jobs', '1'), view), base, '--jobs changes nothing printed');
  });
});
