/**
 * Where each of a document's party mentions occurs in a sentence, in one pass over the
 * sentence instead of one search per mention (a document names ≈ 100: its parties and every
 * government body word). Mentions are grouped by their first code unit once per mention list.
 */
import type { Mention } from './language';

/** Per first code unit, the indices of the mentions that start with it. */
type ByFirstUnit = Map<number, number[]>;

const groups = new WeakMap<readonly Mention[], ByFirstUnit>();

function byFirstUnit(mentions: readonly Mention[]): ByFirstUnit {
  let map = groups.get(mentions);
  if (!map) {
    map = new Map();
    mentions.forEach((mention, i) => {
      if (mention.text.length === 0) return;
      const c = mention.text.charCodeAt(0);
      const list = map!.get(c);
      if (list) list.push(i);
      else map!.set(c, [i]);
    });
    groups.set(mentions, map);
  }
  return map;
}

const NONE: number[] = [];

/**
 * Per mention (by its index in `mentions`), every position where its text occurs in `text`
 * (overlapping ones too), ascending: what `indexOf` from each found position + 1 gives.
 */
export function mentionPositions(text: string, mentions: readonly Mention[]): number[][] {
  const map = byFirstUnit(mentions);
  const out: number[][] = new Array(mentions.length).fill(NONE);
  for (let p = 0; p < text.length; p++) {
    const starting = map.get(text.charCodeAt(p));
    if (starting === undefined) continue;
    for (const i of starting) {
      if (!text.startsWith(mentions[i].text, p)) continue;
      if (out[i] === NONE) out[i] = [p];
      else out[i].push(p);
    }
  }
  return out;
}
