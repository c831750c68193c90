/**
 * An agreement document as the blocks of a printed 公文 page: the title, paragraphs whose
 * words carry a typographic role (一、 in 黑体, （一） in 楷体, the rest in 仿宋), the
 * 附件 note, tables, the parties' signature block and attachment pages. Front matter and
 * HTML comments are not printed. Pure: text in, blocks out; every piece of printed text
 * keeps the offset it came from, so findings can be anchored on it.
 */
import { identifyParties } from '../../core/parties';
import type { AgreementDocument } from '../../core/parse';
import type { Span } from '../../core/types';

export type Role = 'title' | 'heading1' | 'heading2' | 'body';

export interface Segment {
  text: string;
  role: Role;
  /** Offset in the document text of the segment's first character. */
  source: number;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** 'attachment-note' lines are laid out as 附件说明; 'attachment-label' is 附件1 on its own page. */
  style: 'body' | 'attachment-note' | 'attachment-note-item' | 'attachment-label' | 'attachment-title';
  segments: Segment[];
  /** The source line it prints. */
  span: Span;
  /** Starts a new page (the first line of an attachment). */
  pageBreakBefore?: boolean;
}

export interface TitleBlock {
  kind: 'title';
  segments: Segment[];
  span: Span | null;
}

export interface TableBlock {
  kind: 'table';
  rows: Segment[][][];
  span: Span;
}

export interface SignatureBlock {
  kind: 'signature';
  parties: Array<{ role: string; name: string }>;
  /** The 签署日期 the officer gave, written 2026年1月10日; '' leaves the blanks to be filled by hand. */
  date: string;
}

export type Block = TitleBlock | ParagraphBlock | TableBlock | SignatureBlock;

const SIGNATURE_LINE = /^(?:[甲乙丙丁戊]方(?:（[^）]*）)?\s*[：:]|(?:授权|法定)?代表(?:人)?(?:签字|签章|签名)|(?:签订|签署|签约)?(?:日期|时间)\s*[：:]|(?:\d{4}|\s*)年\s*\d*\s*月\s*\d*\s*日$)/;
const PARTY_LINE = /^([甲乙丙丁戊]方)(?:（[^）]*）)?\s*[：:]\s*(.*)$/;
const ATTACHMENT_NOTE = /^附\s*件\s*[：:]/;
const ATTACHMENT_ITEM = /^\d{1,2}\s*[．.、]/;
const ATTACHMENT_START = /^(?:#{1,6}\s*)?(附\s*件\s*\d{0,2})(?:\s*[：:]?\s*(.*))?$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The printable blocks of a parsed agreement document. Never throws. */
export function agreementBlocks(doc: AgreementDocument): Block[] {
  const { text, lines } = doc;
  const data = doc.frontMatter.data;
  const headingByLine = new Map(doc.headings.map((h) => [h.line, h]));
  const hidden = doc.comments.map((c) => c.span);
  const titleFromFront = typeof data['标题'] === 'string' ? data['标题'].trim() : '';
  const blocks: Block[] = [];
  if (doc.title) blocks.push({ kind: 'title', segments: [{ text: doc.title.text, role: 'title', source: doc.title.span.start }], span: doc.title.span });
  else if (titleFromFront) {
    const entry = doc.frontMatter.entries.get('标题');
    blocks.push({ kind: 'title', segments: [{ text: titleFromFront, role: 'title', source: entry ? entry.valueSpan.start : 0 }], span: entry ? entry.valueSpan : null });
  }

  const body: Array<{ line: number; start: number; end: number; content: string }> = [];
  const first = lines.positionAt(doc.frontMatter.bodyStart).line;
  let fenced = false;
  for (let line = first; line < lines.lineCount; line++) {
    let start = Math.max(lines.lineStarts[line], doc.frontMatter.bodyStart);
    const end = lines.lineContentEnd(line);
    if (doc.title && doc.title.span.start >= start && doc.title.span.start <= end) continue;
    if (hidden.some((s) => s.start < end && s.end > start)) continue;
    const raw = text.slice(start, end);
    if (/^[ \t]{0,3}(```|~~~)/.test(raw)) {
      fenced = !fenced;
      continue;
    }
    const lead = /^[\s\u3000\ufeff]*(?:>\s*)?/.exec(raw)![0].length;
    start += lead;
    const content = text.slice(start, end).replace(/[\s\u3000]+$/, '');
    if (content === '') continue;
    body.push({ line, start, end: start + content.length, content });
  }

  // The signature block the text already holds (its last lines), or none.
  let signatureFrom = body.length;
  const attachmentAt = body.findIndex((b) => isAttachmentStart(b.content, headingByLine.has(b.line) || /^#/.test(b.content)));
  const signatureEnd = attachmentAt >= 0 ? attachmentAt : body.length;
  for (let i = signatureEnd - 1; i >= 0 && SIGNATURE_LINE.test(body[i].content); i--) signatureFrom = i;
  const written = body.slice(signatureFrom, signatureEnd);

  let attachmentPage = false;
  for (let i = 0; i < body.length; i++) {
    if (i === signatureFrom) i = signatureEnd;
    if (i === signatureEnd) blocks.push(signatureBlock(written.map((b) => b.content), data));
    if (i >= body.length) break;
    const { line, start, end, content } = body[i];
    const span = { start, end };
    if (TABLE_ROW.test(content)) {
      const rows: Segment[][][] = [];
      let j = i;
      for (; j < body.length && TABLE_ROW.test(body[j].content) && body[j].line - body[i].line === j - i; j++) {
        if (TABLE_RULE.test(body[j].content)) continue;
        rows.push(tableCells(text, body[j].start, body[j].end));
      }
      blocks.push({ kind: 'table', rows, span: { start, end: body[j - 1].end } });
      i = j - 1;
      continue;
    }
    if (i >= signatureEnd && isAttachmentStart(content, true)) {
      const match = ATTACHMENT_START.exec(content.replace(/^#{1,6}\s*/, ''))!;
      const offset = start + (content.length - content.replace(/^#{1,6}\s*/, '').length);
      const label = match[1].replace(/\s+/g, '');
      blocks.push({ kind: 'paragraph', style: 'attachment-label', segments: [{ text: label, role: 'heading1', source: offset }], span, pageBreakBefore: true });
      const title = (match[2] ?? '').trim();
      if (title) blocks.push({ kind: 'paragraph', style: 'attachment-title', segments: [{ text: title, role: 'title', source: end - title.length }], span });
      attachmentPage = true;
      continue;
    }
    if (!attachmentPage && ATTACHMENT_NOTE.test(content)) {
      blocks.push({ kind: 'paragraph', style: 'attachment-note', segments: [{ text: content, role: 'body', source: start }], span });
      for (; i + 1 < signatureEnd && ATTACHMENT_ITEM.test(body[i + 1].content); i++) {
        const item = body[i + 1];
        blocks.push({ kind: 'paragraph', style: 'attachment-note-item', segments: [{ text: item.content, role: 'body', source: item.start }], span: { start: item.start, end: item.end } });
      }
      continue;
    }
    blocks.push({ kind: 'paragraph', style: 'body', segments: lineSegments(text, span, headingByLine.get(line)), span });
  }
  if (signatureEnd >= body.length && !blocks.some((b) => b.kind === 'signature')) blocks.push(signatureBlock(written.map((b) => b.content), data));
  return blocks;
}

function isAttachmentStart(content: string, asHeading: boolean): boolean {
  const bare = content.replace(/^#{1,6}\s*/, '');
  if (!ATTACHMENT_START.test(bare) || ATTACHMENT_NOTE.test(bare) && !/^#/.test(content)) return false;
  return asHeading || /^附\s*件\s*\d{0,2}$/.test(bare);
}

/** A line's words with the role each prints in: the heading's marker and name in its font, the rest in 仿宋. */
function lineSegments(text: string, span: Span, heading: AgreementDocument['headings'][number] | undefined): Segment[] {
  let start = span.start;
  let content = text.slice(start, span.end);
  const markdown = /^#{1,6}\s+/.exec(content);
  if (markdown) {
    start += markdown[0].length;
    content = content.slice(markdown[0].length);
  }
  const role: Role | null = !heading ? null : heading.style === 'markdown' || heading.style === 'chapter' || heading.style === 'cn-dun' || heading.style === 'article' ? 'heading1' : heading.style === 'cn-paren' ? 'heading2' : null;
  if (!heading || !role) return plainSegments(text, start, span.end);
  let cut = heading.style === 'article' ? heading.markerSpan.end : heading.style === 'markdown' ? span.end : Math.max(heading.nameSpan.end, heading.markerSpan.end);
  if (/[。：:]/.test(text.charAt(cut)) && cut < span.end) cut++;
  cut = Math.min(Math.max(cut, start), span.end);
  return [...plainSegments(text, start, cut, role), ...plainSegments(text, cut, span.end)];
}

/** Text between offsets with Markdown's ** and __ emphasis markers dropped. */
function plainSegments(text: string, from: number, to: number, role: Role = 'body'): Segment[] {
  const segments: Segment[] = [];
  const marker = /\*\*|__/g;
  marker.lastIndex = from;
  let cursor = from;
  const slice = text.slice(0, to);
  for (let m = marker.exec(slice); m; m = marker.exec(slice)) {
    if (m.index > cursor) segments.push({ text: text.slice(cursor, m.index), role, source: cursor });
    cursor = m.index + m[0].length;
  }
  if (to > cursor) segments.push({ text: text.slice(cursor, to), role, source: cursor });
  return segments;
}

function tableCells(text: string, start: number, end: number): Segment[][] {
  const cells: Segment[][] = [];
  let cellStart = text.indexOf('|', start) + 1;
  for (let i = cellStart; i <= end; i++) {
    if (i === end || text.charAt(i) === '|') {
      if (i === end && cellStart >= end) break;
      const raw = text.slice(cellStart, i);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      cells.push(trimmed ? plainSegments(text, cellStart + lead, cellStart + lead + trimmed.length) : []);
      cellStart = i + 1;
    }
  }
  return cells;
}

function signatureBlock(written: string[], data: Record<string, unknown>): SignatureBlock {
  const fromText: Array<{ role: string; name: string }> = [];
  for (const line of written) {
    const m = PARTY_LINE.exec(line);
    if (m) fromText.push({ role: m[1], name: m[2].replace(/[（(]?(?:盖章|公章|签章)[）)]?/g, '').trim() });
  }
  const fromFront = identifyParties(data).list.map((p) => ({ role: p.role, name: p.name }));
  const parties = fromFront.length > 0 ? fromFront.map((p) => ({ ...p, name: p.name || fromText.find((t) => t.role === p.role)?.name || '' })) : fromText;
  const listed = parties.length > 0 ? parties : [{ role: '甲方', name: '' }, { role: '乙方', name: '' }];
  return { kind: 'signature', parties: listed, date: chineseDate(data['签署日期']) };
}

/** 2026-01-10 (a YAML date or a string) as 2026年1月10日; '' for anything else. */
export function chineseDate(value: unknown): string {
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim() : '';
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}
