// Reading a V8 .cpuprofile (from `node --cpu-prof`), shared by the cpuprofile-* tools.
import * as fs from 'node:fs';

export function readProfile(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** A function as `name  file:line` (`file` relative to dist/, out/ or node_modules/); without the line when `line` is false. */
export function frameKey(callFrame, line = true) {
  const where = callFrame.url ? callFrame.url.replace(/^.*\/(dist|out|node_modules)\//, '$1/') : '(native)';
  return `${callFrame.functionName || '(anonymous)'}  ${where}${line ? `:${callFrame.lineNumber + 1}` : ''}`;
}

/**
 * Inclusive busy microseconds per function: each sample counts once for every distinct function
 * on its stack; idle samples and those before `fromUs` are left out. Also the busy total.
 */
export function inclusiveTimes(profile, { fromUs = 0, line = true } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times = new Map();
  let clock = 0;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    clock += dt;
    if (clock < fromUs) continue;
    const leaf = byId.get(profile.samples[i]);
    if (leaf.callFrame.functionName === '(idle)') continue;
    total += dt;
    const seen = new Set();
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const key = frameKey(byId.get(id).callFrame, line);
      if (seen.has(key)) continue;
      seen.add(key);
      times.set(key, (times.get(key) ?? 0) + dt);
    }
  }
  return { times, total };
}
