/**
 * How many threads a batch of files is worth. A worker thread is not free: it starts an
 * isolate, loads dist/worker.js, builds its rule set and then runs its first documents in
 * V8's interpreter and baseline compiler, which the main thread has already paid for.
 * Measured with `node --cpu-prof` and GNU time on the 1,000-file benchmark corpus (2-core
 * AMD EPYC, Node 20): one thread checks 19.9 MB in ≈1.1 s of CPU (≈55 ms per MB, warm-up
 * included), and each extra worker adds ≈0.55 s of CPU to the run (start ≈80 ms, the rest
 * warm-up). With W the one-thread time and C a worker's cost, k threads finish in about
 * (W + (k − 1)·C) / k; a thread is added only while it cuts the estimate by a fifth.
 * A small batch therefore never starts a worker, and the main thread always checks too.
 * Without --jobs the cores other processes keep busy (the one-minute load average) are
 * not counted: on a machine already running two jobs per core a worker only competes.
 */

/** One thread's time per megabyte of documents, cold start included (ms). */
export const MS_PER_MEGABYTE = 55;
/** Fixed time per file (open, stat, read, output), ms. */
export const MS_PER_FILE = 0.05;
/** What one more worker thread costs: start, module load, rule set, JIT warm-up (ms of CPU). */
export const WORKER_COST_MS = 550;
/** A thread is added only when it cuts the estimated time by at least this share. */
export const MIN_GAIN = 0.2;

export interface Batch {
  files: number;
  bytes: number;
}

/** Estimated time of the batch on one thread, ms. */
export function singleThreadMs(batch: Batch): number {
  return (batch.bytes / 2 ** 20) * MS_PER_MEGABYTE + batch.files * MS_PER_FILE;
}

/** Estimated wall time with `threads` threads (the main one included) on free cores, ms. */
export function estimatedMs(batch: Batch, threads: number): number {
  return (singleThreadMs(batch) + (threads - 1) * WORKER_COST_MS) / threads;
}

/**
 * Threads in all, main included: at most `limit` (--jobs, or the cores), never more than
 * there are files, and each one only when it pays.
 */
export function plannedThreads(batch: Batch, limit: number): number {
  const max = Math.max(1, Math.min(limit, batch.files));
  let threads = 1;
  while (threads < max && estimatedMs(batch, threads + 1) <= (1 - MIN_GAIN) * estimatedMs(batch, threads)) threads++;
  return threads;
}

/** Cores not busy with other work, by the one-minute load average; at least one. */
export function freeCores(cores: number, loadAverage: number): number {
  if (!Number.isFinite(loadAverage) || loadAverage <= 0) return Math.max(1, cores);
  return Math.max(1, Math.min(cores, Math.round(cores - loadAverage)));
}
