/**
 * Parallel checking, when it pays (./workerPlan.ts decides from the batch's size and a
 * worker's measured cost). The main thread checks files too (it is already warm while
 * workers start), and the workers (dist/worker.js) take batches of files from one shared
 * queue, two batches in flight each so none waits for the main thread. Outcomes are
 * stored by file index: the output order is the sorted input order, however the work was
 * spread. A small batch (or --jobs 1) is checked on the main thread alone.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RulePack, RuleSet } from '../core';
import { checkFile, type CheckSettings, type FileOutcome } from './check';
import { safeCheck, type BatchRequest, type BatchResponse, type WorkerInit } from './worker';
import { freeCores, plannedThreads } from './workerPlan';

export interface PoolOptions {
  /** Threads in all, main included; null = every core. */
  jobs: number | null;
  /** dist/worker.js; when missing, everything runs on the main thread. */
  workerScript?: string;
  onProgress?: (done: number) => void;
  /** Exactly this many threads, whatever the plan says (tests of the worker path). */
  threads?: number;
}

/** Threads for these files: --jobs (or the cores other work leaves free) at most, and only as many as pay for themselves. */
export function threadCount(files: string[], jobs: number | null): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const limit = jobs ?? freeCores(cores, os.loadavg()[0]);
  if (limit <= 1 || files.length <= 1) return 1;
  let bytes = 0;
  for (const file of files) {
    try {
      const stat = fs.statSync(file);
      if (stat.isFile()) bytes += stat.size;
    } catch {
      // unreadable: reported when checked
    }
  }
  return plannedThreads({ files: files.length, bytes }, limit);
}

export function defaultWorkerScript(): string {
  return path.join(__dirname, 'worker.js');
}

export async function checkFiles(files: string[], packs: RulePack[], ruleSet: RuleSet, settings: CheckSettings, options: PoolOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done);
  };
  const runLocal = async (index: number) => {
    outcomes[index] = await safeCheck(files[index], () => checkFile(files[index], ruleSet, settings));
  };
  const script = options.workerScript ?? defaultWorkerScript();
  const threads = options.threads ?? threadCount(files, options.jobs);
  if (threads <= 1 || !fs.existsSync(script)) {
    for (let i = 0; i < files.length; i++) {
      await runLocal(i);
      progress(1);
    }
    return outcomes;
  }

  const size = Math.max(1, Math.min(32, Math.ceil(files.length / (threads * 16))));
  const batches: number[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(Array.from({ length: Math.min(size, files.length - i) }, (_, k) => i + k));
  let next = 0;
  /** Batches given back by a worker that died, to be checked on the main thread. */
  const orphans: number[] = [];
  const init: WorkerInit = { packs, settings, clauseModel: ruleSet.clauseModel !== undefined };
  const workers: Worker[] = [];
  let settleWorkers!: () => void;
  const workersDone = new Promise<void>((resolve) => (settleWorkers = resolve));
  let active = 0;

  const startWorker = () => {
    const worker = new Worker(script, { workerData: init });
    const inFlight = new Set<number>();
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      orphans.push(...inFlight);
      inFlight.clear();
      if (--active === 0) settleWorkers();
    };
    const feed = () => {
      while (inFlight.size < 2 && next < batches.length) {
        const batch = next++;
        inFlight.add(batch);
        worker.postMessage({ batch, files: batches[batch].map((i) => files[i]) } satisfies BatchRequest);
      }
      if (inFlight.size === 0) finish();
    };
    worker.on('message', (response: BatchResponse) => {
      inFlight.delete(response.batch);
      batches[response.batch].forEach((index, k) => (outcomes[index] = response.outcomes[k]));
      progress(response.outcomes.length);
      feed();
    });
    worker.on('error', finish);
    worker.on('exit', finish);
    workers.push(worker);
    active++;
    feed();
  };
  for (let t = 1; t < threads && next < batches.length; t++) startWorker();
  if (active === 0) settleWorkers();

  // The main thread takes batches from the same queue, yielding between them so worker messages are handled.
  while (next < batches.length) {
    const batch = batches[next++];
    for (const index of batch) await runLocal(index);
    progress(batch.length);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await workersDone;
  for (const batch of orphans) {
    for (const index of batches[batch]) if (!outcomes[index]) await runLocal(index);
    progress(batches[batch].length);
  }
  await Promise.all(workers.map((w) => w.terminate()));
  return outcomes;
}
