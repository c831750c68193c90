#!/usr/bin/env node
// Inclusive (total) time per function of a V8 .cpuprofile: each sample counts once for every
// distinct function on its stack. `--from MS` skips the first MS milliseconds (start-up, the
// first analysis), so a profile of an edit session shows the edits only.
//   node bench/tools/cpuprofile-inclusive.mjs FILE.cpuprofile [N] [--from MS] [--per COUNT]
// `--per COUNT` also prints each figure divided by COUNT (e.g. per edit).
import { inclusiveTimes, readProfile } from './cpuprofile-read.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  return value;
};
const from = option('--from') ?? 0;
const per = option('--per');
const [file, topArg] = args;
if (!file) {
  console.error('usage: cpuprofile-inclusive.mjs FILE.cpuprofile [N] [--from MS] [--per COUNT]');
  process.exit(2);
}
const top = Number(topArg ?? 40);
const { times: inclusive, total } = inclusiveTimes(readProfile(file), { fromUs: from * 1000 });
console.log(`busy samples from ${from} ms: ${(total / 1000).toFixed(1)} ms${per ? ` (${(total / 1000 / per).toFixed(2)} ms per 1/${per})` : ''}`);
for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  const perText = per ? `${(us / 1000 / per).toFixed(2).padStart(7)} ` : '';
  console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${perText}${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
}
