/**
 * The first pass over a sentence: which rules' anchor literals occur in it, read through
 * one compiled trie of every literal (`literalTrie.ts`) over the folded characters
 * (traditional and full-width text included), without copying the sentence. Anchors are
 * recorded as ids, without allocating; which rules they wake is looked up by a hash of the
 * ids (sentences repeat the same few sets), and a `Set` of literals is made only for the
 * few sentences that wake a rule.
 */
import { possible, viable, type CompiledClause, type CompiledPattern } from './compile';
import type { Concept } from './concepts';
import { foldTable } from './fold';
import { buildLiteralTrie, type LiteralTrie } from './literalTrie';

export interface AnchorIndex {
  /** Every literal the first pass records, as a compiled trie (ids are positions in `literals`). */
  trie: LiteralTrie;
  /** By id: the literal (the order of `all`). */
  literals: string[];
  literalIds: Map<string, number>;
  /** The anchors of the last scan, as ids in the order they start (`scanAnchors`); per id, the scan that last saw it. */
  foundIds: Int32Array;
  seenIn: Uint32Array;
  scanCount: number;
  /** Rules woken by each key literal. */
  owners: Map<string, CompiledClause[]>;
  /** Rules with no anchor: tried on every sentence. */
  always: CompiledClause[];
  /** Every literal the first pass records: one not among a sentence's anchors does not occur in it. */
  all: Set<string>;
  /** `candidatesFor` by the anchors found, in the order found (sentences repeat the same few sets): by a hash of the ids. */
  candidateCache: Map<number, CandidateEntry>;
  /** Anchor sets remembered in `candidateCache`. */
  candidateCount: number;
  /** Each distinct candidate list once (many anchor sets wake the same rules and patterns), by its `listKey`. */
  candidateLists: Map<string, Candidate[]>;
  /** Each rule's position in the rule set, for `listKey`. */
  ordinal: Map<CompiledClause, number>;
  /** Per rule, its possible patterns by the rule's own literals found (made when the rule is first woken). */
  gates: Map<CompiledClause, ClauseGate>;
}

interface ClauseGate {
  /** By literal id: 1 for the literals that decide which of the rule's patterns are possible. */
  relevant: Uint8Array;
  /** The rule's possible patterns, by the ids of its literals found (ascending, joined). */
  patterns: Map<string, CompiledPattern[]>;
}

interface CandidateEntry {
  ids: Int32Array;
  candidates: Candidate[];
  /** Another anchor set with the same hash. */
  next: CandidateEntry | null;
}

/**
 * Distinct anchor sets remembered per rule set before the cache starts over. 200 generated 20 KB
 * documents hold ≈ 6,000 and the 1,000 of the CLI benchmark ≈ 10,000 (at 8,192 the cache started
 * over once in such a run and met ≈ 19,000 misses instead of ≈ 10,000); the lists they lead to are
 * shared, so an entry costs its ids (≈ 150 bytes).
 */
const CANDIDATE_CACHE_SIZE = 16384;
/** Answers remembered per rule (by the rule's own literals found) before that rule's start over. */
const GATE_SIZE = 4096;

export function buildAnchorIndex(clauses: CompiledClause[]): AnchorIndex {
  const all = new Set<string>();
  const owners = new Map<string, CompiledClause[]>();
  const always: CompiledClause[] = [];
  const ordinal = new Map<CompiledClause, number>();
  clauses.forEach((clause, i) => ordinal.set(clause, i));
  for (const clause of clauses) {
    // One-character literals (不, 由, 元) are everywhere: recording them costs more than it saves,
    // unless a rule needs one to decide whether it can match at all.
    for (const a of clause.anchors) if (a.length > 1) all.add(a);
    for (const p of clause.patterns) for (const keys of p.slotKeys) for (const k of keys ?? []) all.add(k);
    for (const k of clause.keys ?? []) all.add(k);
    if (!clause.keys) {
      always.push(clause);
      continue;
    }
    for (const key of clause.keys) {
      const list = owners.get(key);
      if (list) list.push(clause);
      else owners.set(key, [clause]);
    }
  }
  // Literals are never empty (parseTerm drops empty pieces); an empty one could not be found anyway.
  const literals = [...all];
  return {
    trie: buildLiteralTrie(literals, foldTable(), NEEDS_NORMALISING_UNITS),
    literals,
    literalIds: new Map(literals.map((literal, id) => [literal, id])),
    foundIds: new Int32Array(literals.length),
    seenIn: new Uint32Array(literals.length),
    scanCount: 0,
    owners,
    always,
    all,
    candidateCache: new Map(),
    candidateCount: 0,
    candidateLists: new Map(),
    ordinal,
    gates: new Map(),
  };
}

/**
 * Blanks, line breaks and invisible characters (`\s` of a regular expression, U+200B–U+200D,
 * U+2060, U+FEFF, U+00AD): a sentence holding one is normalised before the first pass.
 */
export const NEEDS_NORMALISING_UNITS: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0xad, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x200b, 0x200c, 0x200d, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff,
];

/** `scanAnchors` met a unit of NEEDS_NORMALISING_UNITS (with `stopAtBlank`). */
export const NEEDS_NORMALISING = -1;

/**
 * The anchors that occur in `text[from, to)` (folded), as ids in `index.foundIds[0, count)` in
 * the order they start (at one start, the literals in the order of `literals`); returns the
 * count. With `stopAtBlank`, a unit that needs normalising ends the scan: NEEDS_NORMALISING.
 * The ids stay until the next scan.
 */
export function scanAnchors(index: AnchorIndex, text: string, from: number, to: number, stopAtBlank = false): number {
  const trie = index.trie;
  const start = stopAtBlank ? trie.startOrStop : trie.start;
  const fold = foldTable();
  const { terminal, edgeParent, edgeUnit, edgeChild, mask } = trie;
  const found = index.foundIds;
  const seenIn = index.seenIn;
  if (++index.scanCount > 0xfffffff0) {
    seenIn.fill(0);
    index.scanCount = 1;
  }
  const scan = index.scanCount;
  let count = 0;
  for (let p = from; p < to; p++) {
    let node = start[text.charCodeAt(p)];
    if (node <= 0) {
      if (node < 0) return NEEDS_NORMALISING;
      continue;
    }
    // New ids met at this start are kept in the order of `literals` from here on (the one-unit literal stays first).
    let sorted = count;
    for (let q = p + 1; ; q++) {
      const id = terminal[node];
      if (id >= 0 && seenIn[id] !== scan) {
        seenIn[id] = scan;
        let k = count++;
        while (k > sorted && found[k - 1] > id) {
          found[k] = found[k - 1];
          k--;
        }
        found[k] = id;
        if (q === p + 1) sorted = count;
      }
      if (q >= to) break;
      const unit = fold[text.charCodeAt(q)];
      let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;
      let child = 0;
      for (let parent = edgeParent[slot]; parent !== 0; parent = edgeParent[(slot = (slot + 1) & mask)]) {
        if (parent === node && edgeUnit[slot] === unit) {
          child = edgeChild[slot];
          break;
        }
      }
      if (child === 0) break;
      node = child;
    }
  }
  return count;
}

/** Anchors that occur in `text[from, to)` (folded), in the order they start (a one-unit anchor before longer ones); null when none. */
export function anchorsIn(index: AnchorIndex, text: string, from: number, to: number, into: Set<string> | null = null): Set<string> | null {
  const count = scanAnchors(index, text, from, to);
  return count === 0 ? into : foundSet(index, count, into);
}

/** The anchors of the last scan as literals. */
export function foundSet(index: AnchorIndex, count: number, into: Set<string> | null = null): Set<string> {
  const set = into ?? new Set<string>();
  for (let k = 0; k < count; k++) set.add(index.literals[index.foundIds[k]]);
  return set;
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
  let count = 0;
  if (found) {
    for (const anchor of found) {
      // A string that is no literal of the index wakes nothing and rules nothing out.
      const id = index.literalIds.get(anchor);
      if (id !== undefined) index.foundIds[count++] = id;
    }
  }
  return candidatesForScan(index, count, concepts);
}

/** `candidatesFor` the anchors of the last scan (`scanAnchors` returned `count`). */
export function candidatesForScan(index: AnchorIndex, count: number, concepts: Map<string, Concept>): Candidate[] {
  const ids = index.foundIds;
  let hash = count;
  for (let k = 0; k < count; k++) hash = (Math.imul(hash, 0x01000193) ^ ids[k]) | 0;
  hash &= 0x3fffffff;
  for (let entry = index.candidateCache.get(hash) ?? null; entry !== null; entry = entry.next) {
    if (sameIds(entry.ids, ids, count)) return entry.candidates;
  }
  let out = computeCandidates(index, count, concepts);
  if (index.candidateCount >= CANDIDATE_CACHE_SIZE) {
    index.candidateCache.clear();
    index.candidateCount = 0;
    index.candidateLists.clear();
  }
  const key = listKey(index, out);
  const shared = index.candidateLists.get(key);
  if (shared) out = shared;
  else index.candidateLists.set(key, out);
  index.candidateCache.set(hash, { ids: ids.slice(0, count), candidates: out, next: index.candidateCache.get(hash) ?? null });
  index.candidateCount++;
  return out;
}

function sameIds(kept: Int32Array, ids: Int32Array, count: number): boolean {
  if (kept.length !== count) return false;
  for (let k = 0; k < count; k++) if (kept[k] !== ids[k]) return false;
  return true;
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

/**
 * On a miss of the cache by anchor set: the rules the anchors wake, in the order found, each with
 * its possible patterns. Which patterns of a rule are possible depends only on the rule's own
 * literals among the anchors, far fewer combinations than whole anchor sets: that answer is kept
 * per rule (`ClauseGate`), so a new anchor set mostly assembles known answers.
 */
function computeCandidates(index: AnchorIndex, count: number, concepts: Map<string, Concept>): Candidate[] {
  const ids = index.foundIds;
  const clauses = new Set<CompiledClause>(index.always);
  for (let k = 0; k < count; k++) for (const owner of index.owners.get(index.literals[ids[k]]) ?? []) clauses.add(owner);
  const out: Candidate[] = [];
  let found: Set<string> | null = null;
  for (const clause of clauses) {
    const gate = gateOf(index, clause);
    const own: number[] = [];
    for (let k = 0; k < count; k++) if (gate.relevant[ids[k]] === 1) own.push(ids[k]);
    const key = own.sort((a, b) => a - b).join(',');
    let patterns = gate.patterns.get(key);
    if (!patterns) {
      found ??= foundSet(index, count);
      const memo = new Map<Concept, boolean>();
      const anchors = found;
      patterns = clause.patterns.filter((p) => viable(p, anchors) && possible(p, anchors, index.all, concepts, memo));
      // Kept when the cache by anchor set starts over (a rule's answers are far fewer), within a bound of their own.
      if (gate.patterns.size >= GATE_SIZE) gate.patterns.clear();
      gate.patterns.set(key, patterns);
    }
    if (patterns.length > 0) out.push({ clause, patterns });
  }
  return out;
}

function gateOf(index: AnchorIndex, clause: CompiledClause): ClauseGate {
  let gate = index.gates.get(clause);
  if (!gate) {
    // `viable` reads the slots' key literals and `possible` the literals of the slots' concepts: all among `anchors`.
    const relevant = new Uint8Array(index.literals.length);
    for (const literal of clause.anchors) {
      const id = index.literalIds.get(literal);
      if (id !== undefined) relevant[id] = 1;
    }
    for (const p of clause.patterns) {
      for (const keys of p.slotKeys) {
        for (const literal of keys ?? []) {
          const id = index.literalIds.get(literal);
          if (id !== undefined) relevant[id] = 1;
        }
      }
    }
    gate = { relevant, patterns: new Map() };
    index.gates.set(clause, gate);
  }
  return gate;
}
