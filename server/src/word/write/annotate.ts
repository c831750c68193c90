/**
 * A copy of an officer's .docx with the findings as Word comments (批注) anchored on the words
 * they flag, and optionally tracked changes proposing a finding's compliant rewording. Only
 * word/document.xml (the anchors), the comments part, the document's relationships and
 * [Content_Types].xml change; every other part is copied as it was, byte for byte. Existing
 * comments and revisions stay.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import type { Finding } from '../../core/types';
import type { ExtractedWord, WordParagraph } from '../model';
import { commentParagraphs } from './findingText';
import { DEFAULT_AUTHOR, initialsOf } from './exportDocx';
import { anchorComment, covered, cutParagraph, trackReplacement } from './paragraphRuns';
import { fixesOf } from '../../core/fixes/onDemand';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const DOCUMENT = 'word/document.xml';
const RELS = 'word/_rels/document.xml.rels';

export interface AnnotateOptions {
  author?: string;
  initials?: string;
  date?: Date;
  trackChanges?: boolean;
}

export interface AnnotateResult {
  bytes: Buffer;
  comments: number;
  revisions: number;
  /** Comment id → the words it is anchored on, as the officer sees them. */
  anchored: Array<{ id: number; text: string; rule: string }>;
}

interface Placement {
  finding: Finding;
  paragraph: WordParagraph;
  start: number;
  end: number;
  /** In-paragraph replacement for --track-changes. */
  edit?: { start: number; end: number; newText: string };
}

export async function annotateDocx(original: Uint8Array, extracted: ExtractedWord, findings: Finding[], options: AnnotateOptions = {}): Promise<AnnotateResult> {
  const zip = await JSZip.loadAsync(original);
  const documentText = await zip.file(DOCUMENT)?.async('string');
  if (documentText === undefined) throw new Error('Word 文件缺少 word/document.xml，无法加批注。');
  const doc = parse(documentText, DOCUMENT);
  const author = options.author?.trim() || DEFAULT_AUTHOR;
  const initials = options.initials?.trim() || initialsOf(author);
  const date = (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');

  const rels = (await zip.file(RELS)?.async('string')) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const existingTarget = /<Relationship\b[^>]*Type="[^"]*\/comments"[^>]*>/.exec(rels);
  const commentsPart = existingTarget ? partOf(/Target="([^"]+)"/.exec(existingTarget[0])?.[1] ?? 'comments.xml') : 'word/comments.xml';
  const commentsText = await zip.file(commentsPart)?.async('string');
  const commentsDoc = commentsText ? parse(commentsText, commentsPart) : parse(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"></w:comments>`, commentsPart);

  let nextId = 1 + maxOf(-1, [...idsIn(commentsDoc, 'w:comment'), ...idsIn(doc, 'w:commentRangeStart'), ...idsIn(doc, 'w:commentReference')]);
  // Revision ids after every annotation id in use and the comments about to be added (Word wants them distinct).
  const annotationIds = ['w:ins', 'w:del', 'w:bookmarkStart', 'w:moveFrom', 'w:moveTo', 'w:rPrChange', 'w:pPrChange'].flatMap((tag) => idsIn(doc, tag));
  let nextRevision = 1 + maxOf(nextId + findings.length, annotationIds);
  const placements = findings.map((f) => place(f, extracted, options.trackChanges === true)).filter((p): p is Placement => p !== null);
  const byParagraph = new Map<WordParagraph, Placement[]>();
  for (const p of placements) byParagraph.set(p.paragraph, [...(byParagraph.get(p.paragraph) ?? []), p]);

  const paragraphs = doc.getElementsByTagName('w:p');
  const pElements = Array.from({ length: paragraphs.length }, (_, i) => paragraphs[i]);
  const anchored: AnnotateResult['anchored'] = [];
  let revisions = 0;
  for (const [paragraph, list] of byParagraph) {
    const p = pElements[paragraph.ordinal];
    if (!p) continue;
    const cuts = list.flatMap((x) => [x.start, x.end, ...(x.edit ? [x.edit.start, x.edit.end] : [])]);
    const pieces = cutParagraph(doc, p, paragraph, cuts);
    if (pieces.length === 0) continue;
    const edits: Array<{ pieces: typeof pieces; newText: string }> = [];
    for (const x of list) {
      const hit = covered(pieces, x.start, x.end);
      const id = nextId++;
      anchorComment(doc, hit[0].run, hit[hit.length - 1].run, id);
      commentsDoc.documentElement!.appendChild(commentElement(commentsDoc, id, author, initials, date, commentParagraphs(x.finding)));
      anchored.push({ id, text: paragraph.text.slice(hit[0].start, hit[hit.length - 1].end), rule: x.finding.rule });
      if (x.edit) {
        const target = pieces.filter((y) => y.start >= x.edit!.start && y.end <= x.edit!.end);
        const exact = target.length > 0 && target[0].start === x.edit.start && target[target.length - 1].end === x.edit.end;
        if (exact && !edits.some((e) => e.pieces.some((y) => target.includes(y)))) edits.push({ pieces: target, newText: x.edit.newText });
      }
    }
    for (const e of edits) {
      if (trackReplacement(doc, p, e.pieces, e.newText, { id: nextRevision++, author, date }, { id: nextRevision++, author, date })) revisions++;
    }
  }

  const serializer = new XMLSerializer();
  zip.file(DOCUMENT, withDeclaration(documentText, serializer.serializeToString(doc)));
  zip.file(commentsPart, withDeclaration(commentsText ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', serializer.serializeToString(commentsDoc)));
  if (!existingTarget) zip.file(RELS, addRelationship(rels, partTarget(commentsPart)));
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  if (!new RegExp(`PartName="/${commentsPart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(types)) {
    zip.file('[Content_Types].xml', types.replace(/<\/Types>\s*$/, `<Override PartName="/${commentsPart}" ContentType="${COMMENTS_CONTENT_TYPE}"/></Types>`));
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, comments: anchored.length, revisions, anchored };
}

/** Where a finding goes: its words in their paragraph; findings on the inferred front matter or between paragraphs, on the title. */
function place(finding: Finding, extracted: ExtractedWord, track: boolean): Placement | null {
  const paragraphs = extracted.paragraphs;
  if (paragraphs.length === 0) return null;
  const { start, end } = finding.span;
  const at = paragraphs.find((p) => start >= p.textStart && start < p.textStart + p.text.length);
  if (!at) {
    const title = paragraphs.find((p) => p.kind === 'title') ?? paragraphs[0];
    return { finding, paragraph: title, start: title.numberingPrefix.length, end: title.text.length };
  }
  const local = (offset: number) => Math.min(Math.max(offset - at.textStart, 0), at.text.length);
  let s = local(start);
  let e = Math.max(local(end), s + 1);
  // The automatic number is not text of any run: a finding on it goes on the words after it.
  if (s < at.numberingPrefix.length) s = at.numberingPrefix.length;
  if (e <= s) e = Math.min(at.text.length, s + 1);
  const placement: Placement = { finding, paragraph: at, start: s, end: e };
  if (track) {
    const fixes = fixesOf(finding);
    const fix = fixes.find((x) => x.preferred) ?? fixes[0];
    const edit = fix && fix.edits.length === 1 ? fix.edits[0] : undefined;
    if (edit && !/[\r\n]/.test(edit.newText) && edit.start >= at.textStart + at.numberingPrefix.length && edit.end <= at.textStart + at.text.length && edit.end > edit.start) {
      placement.edit = { start: edit.start - at.textStart, end: edit.end - at.textStart, newText: edit.newText };
    }
  }
  return placement;
}

function parse(text: string, part: string): Document {
  let fatal: string | null = null;
  const doc = new DOMParser({ onError: (level, message) => void (level === 'fatalError' && (fatal ??= message)) }).parseFromString(text, 'application/xml');
  if (fatal !== null || !doc.documentElement) throw new Error(`Word 文件的 ${part} 不是有效的 XML，无法加批注。`);
  return doc;
}

/** The largest of `floor` and `values` (no spread: a long document has more ids than a call takes arguments). */
function maxOf(floor: number, values: number[]): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

function idsIn(doc: Document, tag: string): number[] {
  const list = doc.getElementsByTagName(tag);
  const ids: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const n = Number(list[i].getAttribute('w:id'));
    if (Number.isSafeInteger(n)) ids.push(n);
  }
  return ids;
}

function commentElement(doc: Document, id: number, author: string, initials: string, date: string, lines: string[]): Element {
  const comment = doc.createElementNS(W, 'w:comment');
  comment.setAttribute('w:id', String(id));
  comment.setAttribute('w:author', author);
  comment.setAttribute('w:date', date);
  comment.setAttribute('w:initials', initials);
  lines.forEach((line, i) => {
    const p = doc.createElementNS(W, 'w:p');
    if (i === 0) {
      const ref = doc.createElementNS(W, 'w:r');
      ref.appendChild(doc.createElementNS(W, 'w:annotationRef'));
      p.appendChild(ref);
    }
    const r = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(line));
    r.appendChild(t);
    p.appendChild(r);
    comment.appendChild(p);
  });
  return comment;
}

/** The original's XML declaration, kept (xmldom drops it when serializing). */
function withDeclaration(original: string, serialized: string): string {
  const declaration = /^\uFEFF?<\?xml[^>]*\?>\s*/.exec(original)?.[0] ?? '';
  return serialized.startsWith('<?xml') ? serialized : declaration + serialized;
}

/** A relationship target (relative to word/) as a package part name. */
function partOf(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['word'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function partTarget(part: string): string {
  return part.startsWith('word/') ? part.slice('word/'.length) : `/${part}`;
}

function addRelationship(rels: string, target: string): string {
  const ids = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  return rels.replace(/<\/Relationships>\s*$/, `<Relationship Id="rId${n}" Type="${COMMENTS_TYPE}" Target="${target}"/></Relationships>`);
}
