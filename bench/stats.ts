/** Medians and spread for the benchmark's repeated measurements. */
export interface Stat {
  /** Unit of every number here, e.g. `ms`. */
  unit: string;
  runs: number;
  median: number;
  min: number;
  max: number;
  /** (max - min) / median, as a fraction. */
  spread: number;
  samples: number[];
}

export function stat(samples: number[], unit = 'ms'): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? NaN : n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    unit,
    runs: n,
    median: round(median),
    min: round(sorted[0]),
    max: round(sorted[n - 1]),
    spread: n > 0 && median > 0 ? round((sorted[n - 1] - sorted[0]) / median) : 0,
    samples: samples.map(round),
  };
}

/** `12.3 ms (11.9–13.0)` with sensible precision. */
export function show(s: Stat | undefined): string {
  if (!s || Number.isNaN(s.median)) return '—';
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
  return `${f(s.median)} ${s.unit} (${f(s.min)}–${f(s.max)})`;
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
