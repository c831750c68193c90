/**
 * A CLI worker thread (bundled to dist/worker.js). It receives the already loaded and
 * validated rule packs once (no YAML, no pack validation here), builds its rule set, then
 * checks batches of files sent by ./pool.ts and posts the outcomes back in batch order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildRuleSet, type RulePack } from '../core';
import { checkFile, type CheckSettings, type FileOutcome } from './check';
import { loadClauseModel } from '../packs/loadClauseModel';
import { packageRoot } from '../packs/packageRoot';

export interface WorkerInit {
  packs: RulePack[];
  settings: CheckSettings;
  /** Load the built-in clause model in the worker too. */
  clauseModel: boolean;
}

export interface BatchRequest {
  batch: number;
  files: string[];
}

export interface BatchResponse {
  batch: number;
  outcomes: FileOutcome[];
}

export async function safeCheck(file: string, run: () => Promise<FileOutcome>): Promise<FileOutcome> {
  try {
    return await run();
  } catch (error) {
    return { file, findings: [], error: `内部错误：${(error as Error).stack ?? String(error)}` };
  }
}

if (parentPort) {
  const init = workerData as WorkerInit;
  const ruleSet = buildRuleSet(init.packs, init.clauseModel ? loadClauseModel(packageRoot()).model : undefined);
  const port = parentPort;
  port.on('message', async (request: BatchRequest) => {
    const outcomes: FileOutcome[] = [];
    for (const file of request.files) outcomes.push(await safeCheck(file, () => checkFile(file, ruleSet, init.settings)));
    port.postMessage({ batch: request.batch, outcomes } satisfies BatchResponse);
  });
}
