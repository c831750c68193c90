import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFiles, threadCount } from '../../../server/src/cli/pool';
import { loadPacks } from '../../../server/src/packs/loadPacks';
import { FIXTURES, ROOT } from './helpers';

describe('CLI thread pool', function () {
  this.timeout(60000);
  let dir: string;
  let files: string[];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-pool-'));
    const sources = ['findings', 'warnings', 'clean', 'fixable'].map((n) => fs.readFileSync(path.join(FIXTURES, 'project', `${n}.agreement.md`), 'utf8'));
    files = Array.from({ length: 120 }, (_, i) => {
      const file = path.join(dir, `${String(i).padStart(3, '0')}.agreement.md`);
      fs.writeFileSync(file, sources[i % sources.length]);
      return file;
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks a small batch on the main thread alone, even when --jobs allows more', () => {
    assert.equal(threadCount(files, 8), 1);
    assert.equal(threadCount(files.slice(0, 1), null), 1);
  });

  it('gives the same outcomes, in input order, with worker threads as on the main thread alone', async () => {
    const { packs, ruleSet } = loadPacks([], ROOT);
    const settings = { mode: 'check', severities: {}, cwd: dir } as const;
    const workerScript = path.join(ROOT, 'dist/worker.js');
    let progressed = 0;
    const parallel = await checkFiles(files, packs, ruleSet, settings, { jobs: 3, threads: 3, workerScript, onProgress: (n) => (progressed = n) });
    const single = await checkFiles(files, packs, ruleSet, settings, { jobs: 1, workerScript });
    assert.equal(progressed, files.length);
    assert.deepEqual(parallel.map((o) => o.file), files);
    assert.deepEqual(parallel, single);
    assert.ok(single.some((o) => o.findings.length > 0));
  });
});
