/**
 * Editing one `w:p` of a package in place, at offsets of the text the reader gave the core:
 * cut runs where a comment or a tracked change starts and ends, put comment anchors around
 * the words, wrap words in w:del / w:ins. Only plain runs (properties, text, tabs, breaks) are
 * cut; a run holding a field or a drawing is taken whole.
 */
import type { Document, Element, Node } from '@xmldom/xmldom';
import type { WordParagraph } from '../model';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const PLAIN_CHILDREN = new Set(['w:rPr', 'w:t', 'w:tab', 'w:br', 'w:cr', 'w:noBreakHyphen']);

/** A piece of the paragraph's visible text and the run element that shows it. */
export interface Piece {
  start: number;
  end: number;
  run: Element;
}

const isElement = (n: Node | null): n is Element => n !== null && n.nodeType === 1;

function isPlain(run: Element): boolean {
  for (let n = run.firstChild; n; n = n.nextSibling) if (isElement(n) && !PLAIN_CHILDREN.has(n.nodeName)) return false;
  const rPr = childNamed(run, 'w:rPr');
  return !(rPr && childNamed(rPr, 'w:vanish'));
}

function childNamed(parent: Element, name: string): Element | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n) && n.nodeName === name) return n;
  return null;
}

/** Visible length of a plain run's child, as the reader counts it. */
function lengthOf(n: Element): number {
  if (n.nodeName === 'w:t') return (n.textContent ?? '').length;
  return n.nodeName === 'w:rPr' ? 0 : 1;
}

/** Split a plain run `at` characters into its text; returns the new right-hand run. */
function splitRun(doc: Document, run: Element, at: number): Element {
  const right = doc.createElementNS(W, 'w:r');
  const rPr = childNamed(run, 'w:rPr');
  if (rPr) right.appendChild(rPr.cloneNode(true));
  let seen = 0;
  const moving: Element[] = [];
  for (let n = run.firstChild; n; n = n.nextSibling) {
    if (!isElement(n) || n.nodeName === 'w:rPr') continue;
    const len = lengthOf(n);
    if (seen >= at) moving.push(n);
    else if (seen + len > at && n.nodeName === 'w:t') {
      const text = n.textContent ?? '';
      const tail = doc.createElementNS(W, 'w:t');
      tail.setAttribute('xml:space', 'preserve');
      tail.appendChild(doc.createTextNode(text.slice(at - seen)));
      n.textContent = text.slice(0, at - seen);
      n.setAttribute('xml:space', 'preserve');
      right.appendChild(tail);
    }
    seen += len;
  }
  for (const n of moving) right.appendChild(n);
  run.parentNode!.insertBefore(right, run.nextSibling);
  return right;
}

/**
 * The paragraph's pieces after cutting plain runs at every offset in `cuts` (offsets in
 * `paragraph.text`, numbering prefix included). Runs are found by the reader's ordinals.
 */
export function cutParagraph(doc: Document, p: Element, paragraph: WordParagraph, cuts: number[]): Piece[] {
  const all = p.getElementsByTagName('w:r');
  const elements: Element[] = [];
  for (let i = 0; i < all.length; i++) elements.push(all[i]);
  const pieces: Piece[] = [];
  for (const r of paragraph.runs) {
    const run = elements[r.ordinal];
    if (!run) continue;
    const inside = [...new Set(cuts)].filter((c) => c > r.start && c < r.end).sort((a, b) => a - b);
    if (inside.length === 0 || !isPlain(run) || !sameLength(run, r.end - r.start)) {
      pieces.push({ start: r.start, end: r.end, run });
      continue;
    }
    let current = run;
    let from = r.start;
    for (const c of inside) {
      const right = splitRun(doc, current, c - from);
      pieces.push({ start: from, end: c, run: current });
      current = right;
      from = c;
    }
    pieces.push({ start: from, end: r.end, run: current });
  }
  return pieces;
}

function sameLength(run: Element, expected: number): boolean {
  let len = 0;
  for (let n = run.firstChild; n; n = n.nextSibling) if (isElement(n)) len += lengthOf(n);
  return len === expected;
}

/** The pieces a range [start, end) covers, widened to whole pieces; all pieces when it covers none. */
export function covered(pieces: Piece[], start: number, end: number): Piece[] {
  const hit = pieces.filter((x) => x.end > start && x.start < end);
  if (hit.length > 0) return hit;
  const after = pieces.find((x) => x.start >= start);
  return after ? [after] : pieces.slice(-1);
}

/** Comment anchors around pieces: w:commentRangeStart before, w:commentRangeEnd and the reference run after. */
export function anchorComment(doc: Document, first: Element, last: Element, id: number): void {
  const start = doc.createElementNS(W, 'w:commentRangeStart');
  start.setAttribute('w:id', String(id));
  first.parentNode!.insertBefore(start, first);
  const end = doc.createElementNS(W, 'w:commentRangeEnd');
  end.setAttribute('w:id', String(id));
  const reference = doc.createElementNS(W, 'w:r');
  const mark = doc.createElementNS(W, 'w:commentReference');
  mark.setAttribute('w:id', String(id));
  reference.appendChild(mark);
  const parent = last.parentNode!;
  parent.insertBefore(end, last.nextSibling);
  parent.insertBefore(reference, end.nextSibling);
}

export interface Revision {
  id: number;
  author: string;
  date: string;
}

/**
 * A tracked change replacing the pieces' words by `newText`: the runs go into a w:del (their
 * w:t become w:delText), a w:ins with one run in the first run's formatting follows. Only when
 * the runs are plain and direct children of one paragraph; returns false otherwise.
 */
export function trackReplacement(doc: Document, p: Element, pieces: Piece[], newText: string, del: Revision, ins: Revision): boolean {
  if (pieces.length === 0 || pieces.some((x) => x.run.parentNode !== p || !isPlain(x.run))) return false;
  const deletion = doc.createElementNS(W, 'w:del');
  for (const [k, v] of Object.entries({ 'w:id': String(del.id), 'w:author': del.author, 'w:date': del.date })) deletion.setAttribute(k, v);
  p.insertBefore(deletion, pieces[0].run);
  for (const { run } of pieces) {
    for (const t of Array.from(run.getElementsByTagName('w:t'))) {
      const d = doc.createElementNS(W, 'w:delText');
      d.setAttribute('xml:space', 'preserve');
      d.appendChild(doc.createTextNode(t.textContent ?? ''));
      run.replaceChild(d, t);
    }
    deletion.appendChild(run);
  }
  if (newText) {
    const insertion = doc.createElementNS(W, 'w:ins');
    for (const [k, v] of Object.entries({ 'w:id': String(ins.id), 'w:author': ins.author, 'w:date': ins.date })) insertion.setAttribute(k, v);
    const run = doc.createElementNS(W, 'w:r');
    const rPr = childNamed(pieces[0].run, 'w:rPr');
    if (rPr) run.appendChild(rPr.cloneNode(true));
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(newText));
    run.appendChild(t);
    insertion.appendChild(run);
    p.insertBefore(insertion, deletion.nextSibling);
  }
  return true;
}
