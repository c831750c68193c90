/**
 * The first pass over a sentence: which rules' anchor literals occur in it. Most
 * sentences hold none and are done after one pass of two typed-array probes per
 * character, over the folded characters (traditional and full-width text included),
 * without copying the sentence.
 */
import { possible, viable, type CompiledClause, type CompiledPattern } from './compile';
import type { Concept } from './concepts';
import { foldTable } from './fold';

export interface AnchorIndex {
  /**
   * For the first two units c0 c1 of anchors of two or more: at ((c0 << 5) ^ c1) & 0xffff, 1 + the index
   * in `pairBuckets` of the anchors whose first two units hash there (in the order of `all`); 0: none.
   */
  pairBucket: Int32Array;
  pairBuckets: string[][];
  /** Per bucket, per anchor: its third unit, or -1 for an anchor of two (most anchors of a bucket differ from the text by the third). */
  pairThirds: Int32Array[];
  /** 1 for code units that are a whole one-unit anchor. */
  singleStart: Uint8Array;
  /**
   * Per code unit of the text as written (before folding): 1 when its folded unit is a whole one-unit
   * anchor, 2 when an anchor of two or more units starts with it. Most characters have 0, and the
   * first pass looks at nothing else for them.
   */
  startsAnchor: Uint8Array;
  single: Map<number, string[]>;
  /** Rules woken by each key literal. */
  owners: Map<string, CompiledClause[]>;
  /** Rules with no anchor: tried on every sentence. */
  always: CompiledClause[];
  /** Every literal the first pass records: one not among a sentence's anchors does not occur in it. */
  all: Set<string>;
  /** `candidatesFor` by the anchors found, in the order found (sentences repeat the same few sets): a trie over the anchors. */
  candidateCache: CandidateNode;
  /** Anchor sets remembered in `candidateCache`. */
  candidateCount: number;
  /** Each distinct candidate list once (many anchor sets wake the same rules and patterns), by its `listKey`. */
  candidateLists: Map<string, Candidate[]>;
  /** Each rule's position in the rule set, for `listKey`. */
  ordinal: Map<CompiledClause, number>;
}

interface CandidateNode {
  candidates?: Candidate[];
  next?: Map<string, CandidateNode>;
}

/**
 * Distinct anchor sets remembered per rule set before the cache starts over. 200 generated 20 KB
 * documents hold ≈ 6,000; the lists they lead to are shared, so an entry costs a trie node.
 */
const CANDIDATE_CACHE_SIZE = 8192;

export function buildAnchorIndex(clauses: CompiledClause[]): AnchorIndex {
  const all = new Set<string>();
  const index: AnchorIndex = { pairBucket: new Int32Array(65536), pairBuckets: [], pairThirds: [], singleStart: new Uint8Array(65536), startsAnchor: new Uint8Array(65536), single: new Map(), owners: new Map(), always: [], all, candidateCache: {}, candidateCount: 0, candidateLists: new Map(), ordinal: new Map() };
  clauses.forEach((clause, i) => index.ordinal.set(clause, i));
  for (const clause of clauses) {
    // One-character literals (不, 由, 元) are everywhere: recording them costs more than it saves,
    // unless a rule needs one to decide whether it can match at all.
    for (const a of clause.anchors) if (a.length > 1) all.add(a);
    for (const p of clause.patterns) for (const keys of p.slotKeys) for (const k of keys ?? []) all.add(k);
    for (const k of clause.keys ?? []) all.add(k);
    if (!clause.keys) {
      index.always.push(clause);
      continue;
    }
    for (const key of clause.keys) {
      const owners = index.owners.get(key);
      if (owners) owners.push(clause);
      else index.owners.set(key, [clause]);
    }
  }
  const startsLonger = new Set<number>();
  for (const anchor of all) {
    // Literals are never empty (parseTerm drops empty pieces).
    if (anchor.length === 0) continue;
    const c = anchor.charCodeAt(0);
    if (anchor.length === 1) {
      index.singleStart[c] = 1;
      push(index.single, c, anchor);
    } else {
      const h = ((c << 5) ^ anchor.charCodeAt(1)) & 0xffff;
      if (index.pairBucket[h] === 0) index.pairBucket[h] = index.pairBuckets.push([]);
      index.pairBuckets[index.pairBucket[h] - 1].push(anchor);
      startsLonger.add(c);
    }
  }
  index.pairThirds = index.pairBuckets.map((anchors) => Int32Array.from(anchors, (a) => (a.length > 2 ? a.charCodeAt(2) : -1)));
  const folded = new Uint8Array(65536);
  for (const c of index.single.keys()) folded[c] |= 1;
  for (const c of startsLonger) folded[c] |= 2;
  const fold = foldTable();
  for (let c = 0; c < 65536; c++) index.startsAnchor[c] = folded[fold[c]];
  return index;
}

function push(map: Map<number, string[]>, key: number, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Anchors that occur in `text[from, to)` (folded), in the order they start (a one-unit anchor before longer ones); null when none. */
export function anchorsIn(index: AnchorIndex, text: string, from: number, to: number, into: Set<string> | null = null): Set<string> | null {
  const fold = foldTable();
  const starts = index.startsAnchor;
  const pairBucket = index.pairBucket;
  let found = into;
  // Each unit is read once: the next unit of one step is the current unit of the following one.
  let next = from < to ? text.charCodeAt(from) : 0;
  for (let p = from; p < to; p++) {
    const unit = next;
    next = p + 1 < to ? text.charCodeAt(p + 1) : 0;
    const kind = starts[unit];
    if (kind === 0) continue;
    const c = fold[unit];
    if ((kind & 1) !== 0) for (const anchor of index.single.get(c)!) (found ??= new Set()).add(anchor);
    if ((kind & 2) === 0 || p + 1 >= to) continue;
    const bucket = pairBucket[((c << 5) ^ fold[next]) & 0xffff];
    if (bucket === 0) continue;
    // A bucket may hold anchors of other pairs with the same hash: each is compared in full.
    const anchors = index.pairBuckets[bucket - 1];
    const thirds = index.pairThirds[bucket - 1];
    const third = p + 2 < to ? fold[text.charCodeAt(p + 2)] : -2;
    for (let k = 0; k < anchors.length; k++) {
      if (thirds[k] !== -1 && thirds[k] !== third) continue;
      const anchor = anchors[k];
      if (p + anchor.length > to || !foldedStartsWith(fold, text, p, anchor)) continue;
      (found ??= new Set()).add(anchor);
    }
  }
  return found;
}

/** A rule with the patterns of it that the anchors found make possible. */
export interface Candidate {
  clause: CompiledClause;
  patterns: CompiledPattern[];
}

/**
 * Rules (and their patterns) that can match given the anchors found; the rules without
 * anchors always. A pure function of the anchors in the order they were found (which
 * fixes the order of the rules), remembered per rule set. The array is shared: callers
 * must not change it.
 */
export function candidatesFor(index: AnchorIndex, found: Set<string> | null, concepts: Map<string, Concept>): Candidate[] {
  let node: CandidateNode | undefined = index.candidateCache;
  if (found) for (const anchor of found) if ((node = node.next?.get(anchor)) === undefined) break;
  if (node?.candidates) return node.candidates;
  let out = computeCandidates(index, found, concepts);
  if (index.candidateCount >= CANDIDATE_CACHE_SIZE) {
    index.candidateCache = {};
    index.candidateCount = 0;
    index.candidateLists.clear();
  }
  const key = listKey(index, out);
  const shared = index.candidateLists.get(key);
  if (shared) out = shared;
  else index.candidateLists.set(key, out);
  node = index.candidateCache;
  if (found) {
    for (const anchor of found) {
      node.next ??= new Map();
      let child = node.next.get(anchor);
      if (!child) node.next.set(anchor, (child = {}));
      node = child;
    }
  }
  node.candidates = out;
  index.candidateCount++;
  return out;
}

/** Which rules, in which order, with which of their patterns: equal keys, equal lists. */
function listKey(index: AnchorIndex, candidates: Candidate[]): string {
  let key = '';
  for (const { clause, patterns } of candidates) {
    key += `${index.ordinal.get(clause)}:`;
    for (const p of patterns) key += `${clause.patterns.indexOf(p)},`;
    key += ';';
  }
  return key;
}

function computeCandidates(index: AnchorIndex, found: Set<string> | null, concepts: Map<string, Concept>): Candidate[] {
  const clauses = new Set<CompiledClause>(index.always);
  if (found) for (const anchor of found) for (const owner of index.owners.get(anchor) ?? []) clauses.add(owner);
  const out: Candidate[] = [];
  const none = new Set<string>();
  const memo = new Map<Concept, boolean>();
  for (const clause of clauses) {
    const patterns = clause.patterns.filter((p) => viable(p, found ?? none) && possible(p, found ?? none, index.all, concepts, memo));
    if (patterns.length > 0) out.push({ clause, patterns });
  }
  return out;
}

function foldedStartsWith(fold: Uint16Array, text: string, at: number, anchor: string): boolean {
  for (let k = 0; k < anchor.length; k++) if (fold[text.charCodeAt(at + k)] !== anchor.charCodeAt(k)) return false;
  return true;
}
