/**
 * Read the built-in clause model (rules/model/clause-model.json) once per process. A
 * missing, oversize or malformed file is a problem and no model: the clause rules work
 * alone, as they do when a workspace turns the model off.
 */
import { compileClauseModel, type ClauseModel } from '../core/clause/model/classifier';
import type { PackProblem } from '../core/pack/load';
import { readRegularTextFile } from '../files/readRegularFile';
import { clauseModelPath } from './builtinFiles';

const MAX_MODEL_BYTES = 16 * 1024 * 1024;

export { clauseModelPath };

const loaded = new Map<string, { model?: ClauseModel; problems: PackProblem[] }>();

export function loadClauseModel(root: string): { model?: ClauseModel; problems: PackProblem[] } {
  const file = clauseModelPath(root);
  const known = loaded.get(file);
  if (known) return known;
  const result = readModel(file);
  loaded.set(file, result);
  return result;
}

function readModel(file: string): { model?: ClauseModel; problems: PackProblem[] } {
  const problem = (message: string) => ({ problems: [{ source: file, path: '', message }] });
  const read = readRegularTextFile(file, MAX_MODEL_BYTES);
  if (!read.ok) return problem(`条款模型${read.message}`);
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch (error) {
    return problem(`条款模型文件不是有效的 JSON：${(error as Error).message}`);
  }
  const compiled = compileClauseModel(data);
  return { model: compiled.model, problems: compiled.problems.map((message) => ({ source: file, path: '', message })) };
}
