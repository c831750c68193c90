/**
 * An agreement document written as a Word file in 党政机关公文格式 (GB/T 9704-2012), with the
 * `docx` library: A4, the 版心 and document grid of the layout (22 lines × 28 characters by
 * default), fonts by role, page numbers — 1 — outside (odd right, even left), the parties'
 * signature block and attachment pages. Optionally the findings as comments on their words.
 */
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { parseDocument } from '../../core/parse';
import { agreementBlocks, type Block, type Role, type Segment } from './blocks';
import { commentParagraphs, type WrittenFinding } from './findingText';
import { DEFAULT_LAYOUT, pageGeometry, type GongwenLayout, type PageGeometry } from './layout';
import { titleBreaks } from './titleBreak';

export interface AnchoredFinding extends WrittenFinding {
  span: { start: number; end: number };
}

export interface ExportOptions {
  layout?: GongwenLayout;
  /** Findings to add as comments (批注) on the words they flag (`--with-findings`). */
  findings?: AnchoredFinding[];
  author?: string;
  initials?: string;
  /** Comment date; fixed in tests so output is reproducible. */
  date?: Date;
}

export const DEFAULT_AUTHOR = '协议文书检查';

/** The exported file's bytes. */
export async function exportAgreementDocx(text: string, options: ExportOptions = {}): Promise<Buffer> {
  const layout = options.layout ?? DEFAULT_LAYOUT;
  const geometry = pageGeometry(layout);
  const doc = parseDocument(text);
  const blocks = agreementBlocks(doc);
  const anchors = anchorFindings(blocks, options.findings ?? []);
  const typeset = new Typesetter(layout, geometry, anchors);
  const children = blocks.flatMap((b, i) => typeset.block(b, i, blocks[i + 1]?.kind === 'signature'));
  return Packer.toBuffer(gongwenDocument(layout, geometry, children, commentsOf(anchors, options)));
}

/** The Document of a 公文 page: styles, the grid, footers. Shared by the export and the report. */
export function gongwenDocument(layout: GongwenLayout, g: PageGeometry, children: Array<Paragraph | Table>, comments?: ConstructorParameters<typeof Document>[0]['comments']): Document {
  const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
  const pageNumber = (alignment: 'left' | 'right') =>
    new Footer({
      children: [
        new Paragraph({
          alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          // 单页码居右空一字，双页码居左空一字.
          indent: alignment === 'right' ? { right: layout.pageNumberSize * 20 } : { left: layout.pageNumberSize * 20 },
          spacing: { line: Math.round(layout.pageNumberSize * 24), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(layout.fonts.pageNumber), size: g.pageNumberHalfPoints })],
        }),
      ],
    });
  return new Document({
    creator: DEFAULT_AUTHOR,
    evenAndOddHeaderAndFooters: true,
    ...(comments ? { comments } : {}),
    styles: {
      default: { document: { run: { font: font(layout.fonts.body), size: g.bodyHalfPoints, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing: { line: g.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } } } },
      // The grid's character pitch is measured against Normal's size: Word and LibreOffice both read it there.
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: font(layout.fonts.body), size: g.bodyHalfPoints }, paragraph: { spacing: { line: g.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: g.pageWidth, height: g.pageHeight },
            margin: { top: g.top, bottom: g.bottom, left: g.left, right: g.right, header: g.header, footer: g.footer, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: g.linePitch, charSpace: g.charSpace },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
}

interface Anchor {
  id: number;
  finding: AnchoredFinding;
  /** Block index and the span of document offsets it covers inside that block. */
  block: number;
  start: number;
  end: number;
}

/** Each finding on the printed words it flags; findings on front matter or hidden text go on the title. */
function anchorFindings(blocks: Block[], findings: AnchoredFinding[]): Anchor[] {
  const anchors: Anchor[] = [];
  const printed = blocks.map((b) => segmentsOf(b));
  const fallback = Math.max(0, blocks.findIndex((b) => b.kind === 'title' || b.kind === 'paragraph'));
  findings.forEach((finding, id) => {
    if (printed.every((s) => s.length === 0)) return;
    let at = printed.findIndex((segs) => segs.some((s) => finding.span.start >= s.source && finding.span.start < s.source + s.text.length));
    let { start, end } = finding.span;
    if (at < 0 || end <= start) {
      if (at < 0) at = fallback;
      const segs = printed[at];
      if (segs.length === 0) return;
      if (end <= start || at === fallback) [start, end] = [segs[0].source, segs[segs.length - 1].source + segs[segs.length - 1].text.length];
    }
    const segs = printed[at];
    const first = segs[0].source;
    const last = segs[segs.length - 1].source + segs[segs.length - 1].text.length;
    start = Math.max(start, first);
    end = Math.min(Math.max(end, start + 1), last);
    anchors.push({ id, finding, block: at, start, end });
  });
  return anchors;
}

function segmentsOf(b: Block): Segment[] {
  if (b.kind === 'title' || b.kind === 'paragraph') return b.segments;
  if (b.kind === 'table') return b.rows.flat(2);
  return [];
}

function commentsOf(anchors: Anchor[], options: ExportOptions): ConstructorParameters<typeof Document>[0]['comments'] {
  if (anchors.length === 0) return undefined;
  const author = options.author ?? DEFAULT_AUTHOR;
  const initials = options.initials ?? initialsOf(author);
  const date = options.date ?? new Date();
  return { children: anchors.map((a) => ({ id: a.id, author, initials, date, children: commentParagraphs(a.finding).map((line) => new Paragraph({ children: [new TextRun(line)] })) })) };
}

/** A run's fonts by role: every script named (East Asian above all), body sizes on the character pitch. */
export function runFont(layout: GongwenLayout, g: PageGeometry, role: Role): { font: { ascii: string; eastAsia: string; hAnsi: string; cs: string }; size: number; characterSpacing?: number } {
  const f = layout.fonts;
  const name = role === 'title' ? f.title : role === 'heading1' ? f.heading1 : role === 'heading2' ? f.heading2 : f.body;
  const font = { ascii: name, eastAsia: name, hAnsi: name, cs: name };
  return role === 'title' ? { font, size: g.titleHalfPoints } : { font, size: g.bodyHalfPoints, characterSpacing: g.charSpacing };
}

/** 协议文书检查 → 协检: the first character and the one after it that names what is done. */
export function initialsOf(author: string): string {
  const chars = [...author.trim()];
  return chars.length <= 2 ? chars.join('') : chars[0] + chars[chars.length - 2];
}

class Typesetter {
  private readonly byBlock = new Map<number, Anchor[]>();

  constructor(
    private readonly layout: GongwenLayout,
    private readonly g: PageGeometry,
    anchors: Anchor[],
  ) {
    for (const a of anchors) this.byBlock.set(a.block, [...(this.byBlock.get(a.block) ?? []), a]);
  }

  /** `beforeSignature`: the last words stay on the page of the signatures (no page holds signatures alone). */
  block(b: Block, index: number, beforeSignature = false): Array<Paragraph | Table> {
    const anchors = this.byBlock.get(index) ?? [];
    if (b.kind === 'title')
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, children: this.runs(b.segments, anchors, this.titleBreaks(b.segments)) }),
        // 标题下空一行.
        new Paragraph({ children: [] }),
      ];
    if (b.kind === 'paragraph') return [new Paragraph({ ...this.paragraphOptions(b, anchors), ...(beforeSignature ? { keepNext: true, keepLines: true } : {}) })];
    if (b.kind === 'table') return [this.table(b.rows, anchors)];
    return this.signature(b.parties, b.date);
  }

  private paragraphOptions(b: Extract<Block, { kind: 'paragraph' }>, anchors: Anchor[]): IParagraphOptions {
    const runs = this.runs(b.segments, anchors);
    const char = Math.round(this.g.charPitchPt * 20);
    switch (b.style) {
      case 'attachment-label':
        return { pageBreakBefore: true, children: runs };
      case 'attachment-title':
        // 附件标题居中编排在版心第三行: one blank grid line above and below.
        return { alignment: AlignmentType.CENTER, spacing: { before: this.g.linePitch, after: this.g.linePitch, line: this.g.linePitch, lineRule: LineRuleType.EXACT }, children: runs };
      case 'attachment-note':
        // 正文下空一行左空二字编排“附件”二字，回行与附件名称对齐.
        return { widowControl: false, spacing: { before: this.g.linePitch, line: this.g.linePitch, lineRule: LineRuleType.EXACT }, indent: { left: 5 * char, hanging: 3 * char }, children: runs };
      case 'attachment-note-item':
        return { indent: { left: 5 * char }, children: runs };
      default:
        // 公文 pages hold their full 22 lines: no widow and orphan control pushing lines over.
        return { alignment: AlignmentType.JUSTIFIED, widowControl: false, indent: { firstLineChars: 200, firstLine: 2 * char }, children: runs };
    }
  }

  private font(role: Role): { font: { ascii: string; eastAsia: string; hAnsi: string; cs: string }; size: number; characterSpacing?: number } {
    return runFont(this.layout, this.g, role);
  }

  /** Document offsets where a long title turns to its next line. */
  private titleBreaks(segments: Segment[]): number[] {
    if (segments.length !== 1) return [];
    const capacity = Math.floor(this.g.pageWidth - this.g.left - this.g.right) / 20 / this.layout.titleSize;
    return titleBreaks(segments[0].text, Math.floor(capacity)).map((at) => segments[0].source + at);
  }

  /** Runs for segments, cut where comments start and end (and at line breaks), with the comment marks in place. */
  private runs(segments: Segment[], anchors: Anchor[], breaks: number[] = []): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    const cuts = new Set<number>(breaks);
    for (const a of anchors) cuts.add(a.start).add(a.end);
    const opened = new Set<number>();
    const closeAt = (offset: number) => {
      for (const a of anchors) if (opened.has(a.id) && a.end <= offset) {
        out.push(new CommentRangeEnd(a.id), new TextRun({ children: [new CommentReference(a.id)] }));
        opened.delete(a.id);
        closed.add(a.id);
      }
    };
    const closed = new Set<number>();
    const openAt = (offset: number) => {
      for (const a of anchors) if (!opened.has(a.id) && !closed.has(a.id) && a.start <= offset && a.end > offset) {
        out.push(new CommentRangeStart(a.id));
        opened.add(a.id);
      }
    };
    for (const s of segments) {
      const end = s.source + s.text.length;
      const points = [s.source, ...[...cuts].filter((c) => c > s.source && c < end).sort((a, b) => a - b), end];
      for (let i = 0; i + 1 < points.length; i++) {
        closeAt(points[i]);
        openAt(points[i]);
        out.push(new TextRun({ text: s.text.slice(points[i] - s.source, points[i + 1] - s.source), ...this.font(s.role), ...(breaks.includes(points[i]) ? { break: 1 } : {}) }));
      }
    }
    closeAt(Infinity);
    return out;
  }

  private table(rows: Segment[][][], anchors: Anchor[]): Table {
    const columns = rows.reduce((n, r) => Math.max(n, r.length), 1);
    const width = this.g.pageWidth - this.g.left - this.g.right;
    return new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: Array.from({ length: columns }, () => Math.floor(width / columns)),
      rows: rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: Array.from({ length: columns }, (_, i) => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: this.runs(row[i] ?? [], anchors) })] })),
          }),
      ),
    });
  }

  /** 甲方（盖章）/ 乙方（盖章）side by side, each with its name, 代表签字 and 日期; one blank line above. */
  private signature(parties: Array<{ role: string; name: string }>, date: string): Array<Paragraph | Table> {
    const width = this.g.pageWidth - this.g.left - this.g.right;
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
    const body = (text: string) => new Paragraph({ keepNext: true, keepLines: true, children: text ? [new TextRun({ text, ...this.font('body') })] : [] });
    const cell = (p: { role: string; name: string } | undefined) =>
      new TableCell({
        borders: { top: none, bottom: none, left: none, right: none },
        width: { size: Math.floor(width / 2), type: WidthType.DXA },
        children: p ? [body(`${p.role}（盖章）：`), body(p.name), body(''), body('代表签字：'), body(''), body(`日期：${date || '　　　年　　月　　日'}`)] : [body('')],
      });
    const rows: TableRow[] = [];
    for (let i = 0; i < parties.length; i += 2) rows.push(new TableRow({ cantSplit: true, children: [cell(parties[i]), cell(parties[i + 1])] }));
    return [new Paragraph({ keepNext: true, children: [] }), new Paragraph({ keepNext: true, children: [] }), new Table({ borders, width: { size: width, type: WidthType.DXA }, columnWidths: [Math.floor(width / 2), Math.floor(width / 2)], rows })];
  }
}
