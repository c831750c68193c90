#!/usr/bin/env node
// Per-edit cost from two profiles of the same session with a different number of edits (the
// start-up and the first analysis cancel out): inclusive time per function in LONG minus SHORT,
// divided by COUNT (the difference in edits).
//   node bench/tools/cpuprofile-diff.mjs LONG.cpuprofile SHORT.cpuprofile COUNT [N]
import { inclusiveTimes, readProfile } from './cpuprofile-read.mjs';

const [longFile, shortFile, countArg, topArg] = process.argv.slice(2);
if (!longFile || !shortFile || !countArg) {
  console.error('usage: cpuprofile-diff.mjs LONG.cpuprofile SHORT.cpuprofile COUNT [N]');
  process.exit(2);
}
const count = Number(countArg);
const top = Number(topArg ?? 40);

/** Inclusive busy microseconds per function, by name and file (lines move between builds). */
const inclusive = (file) => inclusiveTimes(readProfile(file), { line: false }).times;
const long = inclusive(longFile);
const short = inclusive(shortFile);
const rows = [...long].map(([k, us]) => [k, (us - (short.get(k) ?? 0)) / 1000 / count]);
rows.sort((a, b) => b[1] - a[1]);
const total = rows.find(([k]) => k.startsWith('(root)'))?.[1] ?? 0;
console.log(`busy per edit: ${total.toFixed(2)} ms`);
for (const [k, ms] of rows.slice(0, top)) console.log(`${ms.toFixed(2).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
