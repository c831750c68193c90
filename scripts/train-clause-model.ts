/**
 * Train the clause model from the tuned sentences (clauseTrainingData.ts) and write it to
 * rules/model/clause-model.json. Deterministic: the same sentences give the same file.
 *
 *   npm run train:model            train and write the model file
 *   npm run train:model -- --check  exit 1 when the file was not trained on today's sentences
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TRAINING, trainClauseModel } from '../server/src/core/clause/model/train';
import { packageRoot } from '../server/src/packs/packageRoot';
import { clauseTrainingSet } from './clauseTrainingData';

export function clauseModelFile(root = packageRoot()): string {
  return path.join(root, 'rules', 'model', 'clause-model.json');
}

function main(argv: string[]): number {
  const root = packageRoot();
  const set = clauseTrainingSet(root);
  const file = clauseModelFile(root);
  if (argv.includes('--check')) {
    const stored = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { trainedOn?: { sha256?: string } }) : null;
    if (stored?.trainedOn?.sha256 === set.sha256) return 0;
    process.stderr.write('条款模型不是用当前的训练句子训练的：请运行 npm run train:model\n');
    return 1;
  }
  const started = Date.now();
  const data = trainClauseModel(set.examples, { sentences: set.examples.length, sha256: set.sha256 }, DEFAULT_TRAINING);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(data)}\n`);
  for (const s of set.sources) process.stdout.write(`${s.source}: ${s.examples}\n`);
  process.stdout.write(`${set.examples.length} sentences, ${data.classes.length - 1} families, ${data.unigrams.length + data.bigrams.length / 2 + data.negated.length} features, ${(fs.statSync(file).size / 1024).toFixed(0)} KB, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
