/**
 * Training the clause model: multinomial logistic regression by stochastic gradient with
 * per-weight step sizes (AdaGrad), over the features of features.ts; and beside it a
 * binary one (risk or none) on the same features, the gate that lets most sentences of a
 * document be judged with one weight per feature instead of one per family. Deterministic:
 * the same examples in the same order and the same options give the same weights. Pure; the
 * script that gathers the labelled sentences and writes the model file is
 * scripts/train-clause-model.ts.
 */
import { gramKeys, gramText } from './features';
import { NO_RISK, type ClauseModelData } from './classifier';

export interface TrainingExample {
  /** Prepared by `modelText`. */
  text: string;
  /** `none` or a clause rule id. */
  label: string;
}

export interface TrainingOptions {
  epochs: number;
  rate: number;
  /** L2 penalty per step. */
  l2: number;
  /** A feature seen in fewer examples than this is left out. */
  minCount: number;
  /** Features whose weights are all smaller than this are not stored. */
  prune: number;
  threshold: number;
  /** The gate lets a sentence through to the families when its probability of risk reaches this. */
  gate: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 30, rate: 0.3, l2: 1e-6, minCount: 2, prune: 0.02, threshold: 0.75, gate: 0.2, seed: 1 };

interface Row {
  columns: number[];
  scale: number;
}

export function trainClauseModel(examples: TrainingExample[], trainedOn: ClauseModelData['trainedOn'], options: TrainingOptions = DEFAULT_TRAINING): ClauseModelData {
  const classes = [NO_RISK, ...[...new Set(examples.map((e) => e.label).filter((l) => l !== NO_RISK))].sort()];
  const K = classes.length;
  const keysOf = examples.map((e) => gramKeys(e.text));
  const seen = new Map<number, number>();
  for (const keys of keysOf) for (const key of new Set(keys)) seen.set(key, (seen.get(key) ?? 0) + 1);
  const column = new Map<number, number>();
  for (const [key, count] of seen) if (count >= options.minCount) column.set(key, column.size);
  const rows: Row[] = keysOf.map((keys) => ({ columns: keys.map((k) => column.get(k)).filter((c): c is number => c !== undefined), scale: 1 / Math.sqrt(keys.length) }));
  const targets = examples.map((e) => classes.indexOf(e.label));
  const families = fit(rows, targets, K, column.size, options);
  const gate = fit(rows, targets.map((t) => (t === 0 ? 0 : 1)), 2, column.size, options);

  // Features whose every weight is below `prune` are left out; the rest are stored as signed bytes,
  // unigrams first, then bigrams, each in key order.
  const uni: number[] = [];
  const bi: number[] = [];
  const neg: number[] = [];
  let unigrams = '';
  let bigrams = '';
  let negated = '';
  for (const [key, c] of [...column.entries()].sort((x, y) => x[0] - y[0])) {
    let max = 0;
    for (let k = 0; k < K; k++) max = Math.max(max, Math.abs(families.W[c * K + k]));
    if (max < options.prune) continue;
    const text = gramText(key);
    if (key >= 65536 && key < 131072) {
      negated += text;
      neg.push(c);
    } else if (text.length === 1) {
      unigrams += text;
      uni.push(c);
    } else {
      bigrams += text;
      bi.push(c);
    }
  }
  const kept = [...uni, ...bi, ...neg];
  // The gate's one weight per feature is the difference of its two columns (risk − none).
  const gateWeights = kept.map((c) => gate.W[c * 2 + 1] - gate.W[c * 2]);
  const familyBytes = quantise(kept.flatMap((c) => Array.from(families.W.subarray(c * K, c * K + K))));
  const gateBytes = quantise(gateWeights);
  return {
    format: 1,
    trainedOn,
    threshold: options.threshold,
    classes,
    bias: [...families.b].map(round),
    unigrams,
    bigrams,
    negated,
    scale: familyBytes.scale,
    weights: familyBytes.base64,
    gate: { bias: round(gate.b[1] - gate.b[0]), threshold: options.gate, scale: gateBytes.scale, weights: gateBytes.base64 },
  };
}

/** Softmax regression over `K` classes; W is column-major by feature (feature × K + class). */
function fit(rows: Row[], targets: number[], K: number, V: number, options: TrainingOptions): { W: Float64Array; b: Float64Array } {
  const W = new Float64Array(V * K);
  const G = new Float64Array(V * K).fill(1e-8);
  const b = new Float64Array(K);
  const gb = new Float64Array(K).fill(1e-8);
  const order = rows.map((_, i) => i);
  let state = options.seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const p = new Float64Array(K);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const { columns, scale } = rows[n];
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let z = b[k];
        for (const c of columns) z += W[c * K + k] * scale;
        p[k] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k] - max);
      for (let k = 0; k < K; k++) {
        const g = p[k] / sum - (k === targets[n] ? 1 : 0);
        gb[k] += g * g;
        b[k] -= (options.rate * g) / Math.sqrt(gb[k]);
        for (const c of columns) {
          const at = c * K + k;
          const step = g * scale + options.l2 * W[at];
          G[at] += step * step;
          W[at] -= (options.rate * step) / Math.sqrt(G[at]);
        }
      }
    }
  }
  return { W, b };
}

/** Signed bytes with one scale, as Base64. */
function quantise(values: number[]): { scale: number; base64: string } {
  let largest = 0;
  for (const v of values) largest = Math.max(largest, Math.abs(v));
  const scale = largest > 0 ? largest / 127 : 1;
  const chars: string[] = [];
  for (const v of values) chars.push(String.fromCharCode(Math.round(v / scale) & 0xff));
  return { scale, base64: btoa(chars.join('')) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
