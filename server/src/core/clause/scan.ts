/**
 * The first pass over a sentence: which rules' anchor literals occur in it. Most
 * sentences hold none and are done after one pass of two typed-array probes per
 * character, over the folded characters (traditional and full-width text included),
 * without copying the sentence.
 */
import type { CompiledClause } from './compile';
import { foldTable } from './fold';

export interface AnchorIndex {
  /** 1 at ((c0 << 5) ^ c1) & 0xffff for the first two units of an anchor of two or more (a filter). */
  pairHash: Uint8Array;
  /** 1 for code units that are a whole one-unit anchor. */
  singleStart: Uint8Array;
  byPair: Map<number, string[]>;
  single: Map<number, string[]>;
  /** Rules owning each anchor. */
  owners: Map<string, CompiledClause[]>;
  /** Rules with no anchor: tried on every sentence. */
  always: CompiledClause[];
}

export function buildAnchorIndex(clauses: CompiledClause[]): AnchorIndex {
  const index: AnchorIndex = { pairHash: new Uint8Array(65536), singleStart: new Uint8Array(65536), byPair: new Map(), single: new Map(), owners: new Map(), always: [] };
  for (const clause of clauses) {
    if (!clause.anchors) {
      index.always.push(clause);
      continue;
    }
    for (const anchor of clause.anchors) {
      const owners = index.owners.get(anchor);
      if (owners) owners.push(clause);
      else index.owners.set(anchor, [clause]);
    }
  }
  for (const anchor of index.owners.keys()) {
    const c = anchor.charCodeAt(0);
    if (anchor.length === 1) {
      index.singleStart[c] = 1;
      push(index.single, c, anchor);
    } else {
      const d = anchor.charCodeAt(1);
      index.pairHash[((c << 5) ^ d) & 0xffff] = 1;
      push(index.byPair, ((c << 16) | d) >>> 0, anchor);
    }
  }
  return index;
}

function push(map: Map<number, string[]>, key: number, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Rules whose anchors occur in `text[from, to)` (folded), plus the rules without anchors; empty when none. */
export function candidateClauses(index: AnchorIndex, text: string, from: number, to: number): CompiledClause[] {
  const fold = foldTable();
  let found: Set<CompiledClause> | null = null;
  let next = from < to ? fold[text.charCodeAt(from)] : 0;
  for (let p = from; p < to; p++) {
    const c = next;
    next = p + 1 < to ? fold[text.charCodeAt(p + 1)] : -1;
    const pairHit = next >= 0 && index.pairHash[((c << 5) ^ next) & 0xffff] === 1;
    const singleHit = index.singleStart[c] === 1;
    if (!pairHit && !singleHit) continue;
    if (singleHit) for (const anchor of index.single.get(c) ?? []) found = addOwners(found, index, anchor);
    if (!pairHit) continue;
    for (const anchor of index.byPair.get(((c << 16) | next) >>> 0) ?? []) {
      if (p + anchor.length > to || !foldedStartsWith(fold, text, p, anchor)) continue;
      found = addOwners(found, index, anchor);
    }
  }
  if (!found) return index.always;
  for (const clause of index.always) found.add(clause);
  return [...found];
}

function addOwners(found: Set<CompiledClause> | null, index: AnchorIndex, anchor: string): Set<CompiledClause> {
  const set = found ?? new Set<CompiledClause>();
  for (const owner of index.owners.get(anchor) ?? []) set.add(owner);
  return set;
}

function foldedStartsWith(fold: Uint16Array, text: string, at: number, anchor: string): boolean {
  for (let k = 0; k < anchor.length; k++) if (fold[text.charCodeAt(at + k)] !== anchor.charCodeAt(k)) return false;
  return true;
}
