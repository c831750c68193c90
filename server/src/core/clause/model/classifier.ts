/**
 * The clause model: a softmax over "no risk" and each clause rule family, on the
 * character unigrams and bigrams of a sentence (features.ts). It is trained from the
 * labelled sentences the rules were written against (scripts/train-clause-model.ts) and
 * stored as data (rules/model/clause-model.json, schemas/clause-model.schema.json). It
 * speaks above its threshold, for a family no clause rule reported on the sentence; its findings carry
 * the family's rule id, citation and advice, and say that they are a model's judgement.
 */
import { END, negatedFlags, START } from './features';

export const NO_RISK = 'none';

/** The model file's content. */
export interface ClauseModelData {
  format: 1;
  /** What the model was trained on: the number of sentences and a hash of them. */
  trainedOn: { sentences: number; sha256: string };
  /** A family is reported when its probability reaches this. */
  threshold: number;
  /** `none` first, then one rule id per family. */
  classes: string[];
  bias: number[];
  /** The unigram features, one character each. */
  unigrams: string;
  /** The bigram features, two characters each. */
  bigrams: string;
  /** Characters as features of their own where they stand under a negation (features.ts `negatedFlags`). */
  negated: string;
  /** Weight = stored byte (−127…127) × scale. */
  scale: number;
  /** Base64 of one signed byte per feature and class: unigrams, then bigrams, each row `classes.length` long. */
  weights: string;
  /** Risk or none, one weight per feature (same order): sentences below its threshold are not judged further. */
  gate: { bias: number; threshold: number; scale: number; weights: string };
}

export interface ClauseModel {
  classes: string[];
  threshold: number;
  bias: Float64Array;
  /** Weight = byte × scale. */
  scale: number;
  /** One row of `classes.length` signed bytes per feature. */
  rows: Int8Array;
  /** Code unit → its unigram's row, or −1. */
  unigramRow: Int32Array;
  /** Code unit → the row of the character under a negation, or −1. */
  negatedRow: Int32Array;
  /** Code unit → its letter in the bigram alphabet (1…), or 0 when no bigram holds it. */
  letter: Uint16Array;
  letters: number;
  /** Open addressing: bigram (first letter × letters + second letter) + 1 → row. */
  bigramKeys: Int32Array;
  bigramRows: Int32Array;
  gate: { bias: number; threshold: number; scale: number; weights: Int8Array };
}

export interface ModelJudgement {
  family: string;
  probability: number;
}

/** Compile a model file's content; anything malformed is a problem, never an exception. */
export function compileClauseModel(data: unknown): { model?: ClauseModel; problems: string[] } {
  const problems: string[] = [];
  const d = data as Partial<ClauseModelData> | null;
  if (!d || typeof d !== 'object') return { problems: ['条款模型文件不是一个对象'] };
  if (d.format !== 1) problems.push('条款模型文件的 format 不是 1');
  const classes = Array.isArray(d.classes) && d.classes.every((c) => typeof c === 'string') ? d.classes : null;
  if (!classes || classes[0] !== NO_RISK || classes.length < 2) problems.push('条款模型的 classes 须以 none 开头，至少两类');
  const bias = Array.isArray(d.bias) && d.bias.every(Number.isFinite) ? d.bias : null;
  if (!bias || !classes || bias.length !== classes.length) problems.push('条款模型的 bias 须与 classes 一一对应');
  if (typeof d.threshold !== 'number' || !(d.threshold > 0 && d.threshold < 1)) problems.push('条款模型的 threshold 须在 0 与 1 之间');
  if (typeof d.unigrams !== 'string' || typeof d.bigrams !== 'string' || typeof d.negated !== 'string' || d.bigrams.length % 2 !== 0) problems.push('条款模型的 unigrams、bigrams、negated 无效');
  if (typeof d.scale !== 'number' || !(d.scale > 0) || !Number.isFinite(d.scale)) problems.push('条款模型的 scale 须为正数');
  if (typeof d.weights !== 'string') problems.push('条款模型缺少 weights');
  const g = d.gate;
  if (!g || typeof g !== 'object' || !Number.isFinite(g.bias) || !(g.threshold >= 0 && g.threshold < 1) || !(g.scale > 0) || !Number.isFinite(g.scale) || typeof g.weights !== 'string')
    problems.push('条款模型的 gate 无效');
  if (problems.length > 0 || !classes || !bias) return { problems };
  const K = classes.length;
  const unigrams = d.unigrams as string;
  const bigrams = d.bigrams as string;
  const negated = d.negated as string;
  const rows = unigrams.length + bigrams.length / 2 + negated.length;
  const bytes = signedBytes(d.weights as string);
  if (!bytes || bytes.length !== rows * K) return { problems: [`条款模型的 weights 应为 ${rows * K} 个字节的 Base64`] };
  const gateBytes = signedBytes(g!.weights);
  if (!gateBytes || gateBytes.length !== rows) return { problems: [`条款模型的 gate.weights 应为 ${rows} 个字节的 Base64`] };
  const unigramRow = new Int32Array(65536).fill(-1);
  for (let i = 0; i < unigrams.length; i++) unigramRow[unigrams.charCodeAt(i)] = i;
  const negatedRow = new Int32Array(65536).fill(-1);
  for (let i = 0; i < negated.length; i++) negatedRow[negated.charCodeAt(i)] = unigrams.length + bigrams.length / 2 + i;
  const letter = new Uint16Array(65536);
  let letters = 0;
  for (let i = 0; i < bigrams.length; i++) {
    const c = bigrams.charCodeAt(i);
    if (letter[c] === 0) letter[c] = ++letters;
  }
  const pairs = bigrams.length / 2;
  if ((letters + 1) * (letters + 1) >= 2 ** 31) return { problems: ['条款模型的二元特征用字过多'] };
  let size = 1;
  while (size < pairs * 4) size *= 2;
  const bigramKeys = new Int32Array(size);
  const bigramRows = new Int32Array(size);
  for (let i = 0; i < pairs; i++) {
    const key = letter[bigrams.charCodeAt(2 * i)] * (letters + 1) + letter[bigrams.charCodeAt(2 * i + 1)] + 1;
    let slot = hash(key, size);
    while (bigramKeys[slot] !== 0 && bigramKeys[slot] !== key) slot = (slot + 1) & (size - 1);
    bigramKeys[slot] = key;
    bigramRows[slot] = unigrams.length + i;
  }
  return {
    model: {
      classes,
      threshold: d.threshold as number,
      bias: Float64Array.from(bias),
      scale: d.scale as number,
      rows: bytes,
      unigramRow,
      negatedRow,
      letter,
      letters,
      bigramKeys,
      bigramRows,
      gate: { bias: g!.bias, threshold: g!.threshold, scale: g!.scale, weights: gateBytes },
    },
    problems,
  };
}

function signedBytes(base64: string): Int8Array | null {
  let text: string;
  try {
    text = atob(base64);
  } catch {
    return null;
  }
  const out = new Int8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

let scratchRows = new Int32Array(256);

/**
 * The rows of a sentence's features found in the model, in a buffer shared between calls
 * (valid until the next call), and the number of features the sentence has in all.
 */
export function featureRows(model: ClauseModel, units: Uint16Array, length: number): { rows: Int32Array; count: number; features: number } {
  if (scratchRows.length < 3 * length + 2) scratchRows = new Int32Array(6 * length + 4);
  const out = scratchRows;
  const unigramRow = model.unigramRow;
  const negatedRow = model.negatedRow;
  const flags = negatedFlags(units, length);
  let count = 0;
  let previous = START;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? units[i] : END;
    if (i < length) {
      // Under a negation the character is its negated feature, not its unigram (features.ts gramKeys).
      const row = flags !== null && flags[i] === 1 ? negatedRow[c] : unigramRow[c];
      if (row >= 0) out[count++] = row;
    }
    const b = bigramRowOf(model, previous, c);
    if (b >= 0) out[count++] = b;
    previous = c;
  }
  return { rows: out, count, features: 2 * length + 1 };
}

/** The gate's probability that the sentence carries some risk: one weight per feature. */
export function riskOf(model: ClauseModel, found: { rows: Int32Array; count: number; features: number }): number {
  const weights = model.gate.weights;
  let sum = 0;
  for (let i = 0; i < found.count; i++) sum += weights[found.rows[i]];
  const z = model.gate.bias + (sum * model.gate.scale) / Math.sqrt(found.features);
  return 1 / (1 + Math.exp(-z));
}

function hash(key: number, size: number): number {
  const h = Math.imul(key, 0x9e3779b1);
  return (h ^ (h >>> 15)) & (size - 1);
}

/** The row of the bigram (first, second), or −1. */
export function bigramRowOf(model: ClauseModel, first: number, second: number): number {
  const a = model.letter[first];
  const b = model.letter[second];
  if (a === 0 || b === 0) return -1;
  const key = a * (model.letters + 1) + b + 1;
  const size = model.bigramKeys.length;
  for (let slot = hash(key, size); ; slot = (slot + 1) & (size - 1)) {
    const k = model.bigramKeys[slot];
    if (k === key) return model.bigramRows[slot];
    if (k === 0) return -1;
  }
}

let scratchSums = new Int32Array(32);

/** Every class's probability for a sentence's features (`featureRows`). */
export function probabilitiesOf(model: ClauseModel, found: { rows: Int32Array; count: number; features: number }): Float64Array {
  const K = model.classes.length;
  if (scratchSums.length < K) scratchSums = new Int32Array(K);
  const sums = scratchSums;
  sums.fill(0, 0, K);
  const weights = model.rows;
  for (let i = 0; i < found.count; i++) for (let k = 0, at = found.rows[i] * K; k < K; k++, at++) sums[k] += weights[at];
  const factor = model.scale / Math.sqrt(found.features);
  const z = new Float64Array(K);
  let max = -Infinity;
  for (let k = 0; k < K; k++) {
    z[k] = model.bias[k] + sums[k] * factor;
    if (z[k] > max) max = z[k];
  }
  let total = 0;
  for (let k = 0; k < K; k++) total += z[k] = Math.exp(z[k] - max);
  for (let k = 0; k < K; k++) z[k] /= total;
  return z;
}

/** The most likely risk family of a sentence, when it reaches the threshold and `allowed` accepts it. */
export function judge(model: ClauseModel, p: Float64Array, allowed: (family: string) => boolean): ModelJudgement | undefined {
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
  if (best === 0 || p[best] < model.threshold) return undefined;
  const family = model.classes[best];
  return allowed(family) ? { family, probability: p[best] } : undefined;
}

/**
 * On a sentence the rules flagged: the family they did not name (`allowed`) that holds the
 * largest share of the risk, when the model is sure enough that there is a risk (1 − p(none)
 * reaches the threshold) and that family holds at least `share` of it. Related families
 * split the mass (一企一策 is open-ended reward and case-by-case policy at once), so a share,
 * not the threshold, decides.
 */
export function judgeBeside(model: ClauseModel, p: Float64Array, allowed: (family: string) => boolean, share: number): ModelJudgement | undefined {
  const risk = 1 - p[0];
  if (risk < model.threshold) return undefined;
  let best = -1;
  for (let k = 1; k < p.length; k++) if ((best < 0 || p[k] > p[best]) && allowed(model.classes[k])) best = k;
  return best > 0 && p[best] >= share * risk ? { family: model.classes[best], probability: p[best] } : undefined;
}

