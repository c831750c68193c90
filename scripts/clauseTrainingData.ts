/**
 * The labelled sentences the clause model learns from: the sentences the rules were
 * written and tuned against, and nothing else. That is the packs' own good and bad
 * examples, every sentence of the tuned corpus (a sentence on a line labelled with a
 * clause rule is that rule's risk, any other sentence is no risk), the tuned
 * development sentence sets, and the sentences written for training (test/corpus/train). The held-out sets (`test/corpus/blind`, `blind2`), the
 * development agreements and the fifth development set are never read here: they measure
 * the model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { parseDocument } from '../server/src/core';
import { LineIndex } from '../server/src/core/parse/lineIndex';
import { identifyParties, type Parties } from '../server/src/core/parties';
import { modelText, negationCuesRead } from '../server/src/core/clause/model/features';
import { NO_RISK } from '../server/src/core/clause/model/classifier';
import type { TrainingExample } from '../server/src/core/clause/model/train';
import { codedRules } from '../server/src/core/rules';
import { builtinPackFiles } from '../server/src/packs/loadPacks';
import { packageRoot } from '../server/src/packs/packageRoot';
import { corpusFiles, readLabels } from './eval';
import { DEVELOPMENT_SETS, devSetDir, readBlindCases, TRAIN_SETS, trainDir } from './blindEval';

/**
 * Rules the model does not learn: the coded clause rules judge facts, not wording (the
 * governing law named in the front matter; a land area with no investment figure beside it).
 */
const NOT_LEARNED = new Set(codedRules.map((r) => r.id));

export interface TrainingSet {
  examples: TrainingExample[];
  /** Where each group of examples came from, for the model file's record. */
  sources: Array<{ source: string; examples: number }>;
  sha256: string;
}

export function clauseTrainingSet(root = packageRoot()): TrainingSet {
  const examples: TrainingExample[] = [];
  const sources: TrainingSet['sources'] = [];
  const add = (source: string, list: TrainingExample[]) => {
    examples.push(...list);
    sources.push({ source, examples: list.length });
  };
  add('rules/*.yaml examples', packExamples(root));
  add('test/corpus (tuned documents)', corpusExamples(root));
  for (const [name, dir] of [
    ...DEVELOPMENT_SETS.filter((d) => d.trainsModel).map(({ key }) => [`test/corpus/${key}/clauses`, devSetDir(root, key)] as const),
    ...TRAIN_SETS.map(({ set }) => [`test/corpus/train/${set}`, trainDir(root, set)] as const),
  ] as const)
    add(name, caseExamples(dir));
  const hash = createHash('sha256');
  for (const e of examples) hash.update(`${e.label}\u0000${e.text}\u0001`);
  // The sentences are symbols already; which of them stand under a negation is read from the cues when training.
  hash.update(`\u0002${negationCuesRead()}`);
  return { examples, sources, sha256: hash.digest('hex') };
}

function packExamples(root: string): TrainingExample[] {
  const parties = identifyParties({});
  const out: TrainingExample[] = [];
  for (const file of builtinPackFiles(root)) {
    const pack = parseYaml(fs.readFileSync(file, 'utf8')) as { clauses?: Array<{ id: string; examples?: { bad?: string[]; good?: string[] } }> };
    for (const rule of pack.clauses ?? []) {
      if (NOT_LEARNED.has(rule.id)) continue;
      for (const text of rule.examples?.bad ?? []) out.push({ text: modelText(text, parties.mentions), label: rule.id });
      for (const text of rule.examples?.good ?? []) out.push({ text: modelText(text, parties.mentions), label: NO_RISK });
    }
  }
  return out;
}

function corpusExamples(root: string): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const file of corpusFiles(path.join(root, 'test', 'corpus'))) {
    const labelled = readLabels(file, fs.readFileSync(file, 'utf8'));
    const doc = parseDocument(labelled.text);
    const parties: Parties = identifyParties(doc.frontMatter.data, labelled.text.slice(doc.frontMatter.present ? doc.frontMatter.span.end : 0));
    const risks = new Map<number, Set<string>>();
    for (const label of labelled.labels) {
      if (!label.rule.startsWith('clause/') || NOT_LEARNED.has(label.rule)) continue;
      if (!risks.has(label.line)) risks.set(label.line, new Set());
      risks.get(label.line)!.add(label.rule);
    }
    const lines = new LineIndex(labelled.text);
    const lineOf = (offset: number) => lines.positionAt(offset).line;
    const byLine = new Map<number, string[]>();
    for (const sentence of doc.sentences) {
      const line = lineOf(sentence.span.start);
      if (!byLine.has(line)) byLine.set(line, []);
      byLine.get(line)!.push(sentence.leadIn ? `${sentence.leadIn.text}${sentence.text}` : sentence.text);
    }
    for (const [line, sentences] of byLine) {
      const families = risks.get(line);
      if (!families) {
        for (const s of sentences) out.push({ text: modelText(s, parties.mentions), label: NO_RISK });
        continue;
      }
      // Which sentence of a labelled line holds the risk is not recorded: the line is the example.
      const text = modelText(sentences.join(''), parties.mentions);
      for (const family of [...families].sort()) out.push({ text, label: family });
    }
  }
  return out;
}

function caseExamples(dir: string): TrainingExample[] {
  return readBlindCases(dir).cases.map((c) => {
    const parties = identifyParties(c.parties);
    return { text: modelText(c.text, parties.mentions), label: c.label === 'risky' ? c.family : NO_RISK };
  });
}
