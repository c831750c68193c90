import * as assert from 'node:assert/strict';
import { estimatedMs, freeCores, plannedThreads, singleThreadMs, WORKER_COST_MS } from '../../../server/src/cli/workerPlan';

const MB = 2 ** 20;

describe('worker policy', () => {
  it('never starts a worker for a small batch, whatever --jobs allows', () => {
    assert.equal(plannedThreads({ files: 1, bytes: 20 * 1024 }, 8), 1);
    assert.equal(plannedThreads({ files: 50, bytes: 50 * 20 * 1024 }, 8), 1);
    // 320 short files: far below one worker's cost.
    assert.equal(plannedThreads({ files: 320, bytes: 320 * 2000 }, 4), 1);
  });

  it('uses a second thread for the 1,000-document benchmark folder (≈20 MB), not more on two cores', () => {
    assert.equal(plannedThreads({ files: 1000, bytes: 20 * MB }, 2), 2);
    assert.equal(plannedThreads({ files: 1000, bytes: 20 * MB }, 1), 1);
  });

  it('adds threads only while each cuts the estimate by a fifth', () => {
    const batch = { files: 5000, bytes: 200 * MB };
    const threads = plannedThreads(batch, 64);
    assert.ok(threads > 2 && threads < 64, `${threads}`);
    assert.ok(estimatedMs(batch, threads) <= 0.8 * estimatedMs(batch, threads - 1));
    assert.ok(estimatedMs(batch, threads + 1) > 0.8 * estimatedMs(batch, threads));
  });

  it('never plans a thread that makes the batch slower than one thread alone', () => {
    for (let mb = 0; mb <= 40; mb += 0.5) {
      const batch = { files: Math.max(1, Math.round(mb * 50)), bytes: mb * MB };
      const threads = plannedThreads(batch, 16);
      assert.ok(estimatedMs(batch, threads) <= singleThreadMs(batch), `${mb} MB → ${threads}`);
      if (singleThreadMs(batch) < WORKER_COST_MS * 1.5) assert.equal(threads, 1, `${mb} MB`);
    }
  });

  it('never plans more threads than files', () => {
    assert.equal(plannedThreads({ files: 2, bytes: 500 * MB }, 16), 2);
  });

  it('counts only the cores that other work leaves free (without --jobs)', () => {
    assert.equal(freeCores(2, 0), 2);
    assert.equal(freeCores(2, 0.4), 2);
    assert.equal(freeCores(2, 1.2), 1);
    assert.equal(freeCores(2, 14), 1, 'a loaded machine: the main thread alone');
    assert.equal(freeCores(8, 3), 5);
    assert.equal(freeCores(4, Number.NaN), 4);
    // On a busy two-core machine the benchmark folder is checked on one thread.
    assert.equal(plannedThreads({ files: 1000, bytes: 20 * MB }, freeCores(2, 3)), 1);
  });
});
