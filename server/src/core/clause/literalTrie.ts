/**
 * The clause rules' anchor literals as one compiled trie over folded code units, built once
 * per rule set: a dense table for the first unit (indexed by the unit as written, so the text
 * is folded while it is read and never copied), and one open-addressing hash table for every
 * further step. The first pass walks it from each position where a literal can start; a walk
 * ends at the first unit no literal continues with, so most positions cost one or two table
 * reads, and a walk is never longer than the longest literal.
 */

export interface LiteralTrie {
  /** By code unit as written: the node its folded unit leads to from the root; 0 when no literal starts with it. */
  start: Int32Array;
  /** `start`, with -1 for the units the caller asked to stop at. */
  startOrStop: Int32Array;
  /** By node: the id of the literal that ends there, or -1. */
  terminal: Int32Array;
  /** Open addressing over (node, folded unit): the parent node (0: empty slot), the unit, the child. */
  edgeParent: Int32Array;
  edgeUnit: Uint16Array;
  edgeChild: Int32Array;
  mask: number;
  /** The longest literal, in code units. */
  longest: number;
}

/** Slot of the edge (node, unit) in a table of `mask + 1` slots. */
function slotOf(node: number, unit: number, mask: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;
}

/**
 * `literals[id]` are matched as they are (already folded); `fold` maps a unit as written to
 * the unit it is matched as; `stops`: units as written at which a scan may stop instead.
 * Empty literals are left out.
 */
export function buildLiteralTrie(literals: readonly string[], fold: Uint16Array, stops: readonly number[] = []): LiteralTrie {
  // Node 0 is "none"; nodes are numbered from 1. The root is implicit: its children are `firstStep`.
  const firstStep = new Int32Array(65536);
  const terminal: number[] = [-1];
  const edges: Array<[number, number, number]> = [];
  const children = new Map<number, Map<number, number>>();
  let longest = 0;
  literals.forEach((literal, id) => {
    if (literal.length === 0) return;
    longest = Math.max(longest, literal.length);
    let node = firstStep[literal.charCodeAt(0)];
    if (node === 0) {
      node = terminal.push(-1) - 1;
      firstStep[literal.charCodeAt(0)] = node;
    }
    for (let k = 1; k < literal.length; k++) {
      const unit = literal.charCodeAt(k);
      let next = children.get(node);
      if (!next) children.set(node, (next = new Map()));
      let child = next.get(unit);
      if (child === undefined) {
        child = terminal.push(-1) - 1;
        next.set(unit, child);
        edges.push([node, unit, child]);
      }
      node = child;
    }
    // The first id wins for a literal given twice (callers pass distinct literals).
    if (terminal[node] === -1) terminal[node] = id;
  });
  let size = 16;
  while (size < edges.length * 2) size *= 2;
  const mask = size - 1;
  const edgeParent = new Int32Array(size);
  const edgeUnit = new Uint16Array(size);
  const edgeChild = new Int32Array(size);
  for (const [parent, unit, child] of edges) {
    let slot = slotOf(parent, unit, mask);
    while (edgeParent[slot] !== 0) slot = (slot + 1) & mask;
    edgeParent[slot] = parent;
    edgeUnit[slot] = unit;
    edgeChild[slot] = child;
  }
  const start = new Int32Array(65536);
  for (let c = 0; c < 65536; c++) start[c] = firstStep[fold[c]];
  const startOrStop = start.slice();
  for (const c of stops) startOrStop[c] = -1;
  return { start, startOrStop, terminal: Int32Array.from(terminal), edgeParent, edgeUnit, edgeChild, mask, longest };
}

/** The child of `node` by folded `unit`, or 0. */
export function stepFrom(trie: LiteralTrie, node: number, unit: number): number {
  const { edgeParent, edgeUnit, mask } = trie;
  for (let slot = slotOf(node, unit, mask); ; slot = (slot + 1) & mask) {
    const parent = edgeParent[slot];
    if (parent === 0) return 0;
    if (parent === node && edgeUnit[slot] === unit) return trie.edgeChild[slot];
  }
}
