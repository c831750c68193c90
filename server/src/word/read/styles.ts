/**
 * Paragraph styles from word/styles.xml, with `w:basedOn` inheritance resolved: which
 * styles are headings (Heading 1…, 标题 1…, or an outline level) or the title, and the
 * numbering a style carries (`w:numPr` in the style).
 */
import type { Document, Element } from '@xmldom/xmldom';
import { child, childVal, children, intVal } from './xml';

export interface NumberingRef {
  numId: number;
  /** null: the style gives no level (level 0, or the level whose w:pStyle names the style). */
  ilvl: number | null;
}

export interface ParagraphStyle {
  id: string;
  name: string;
  /** 1-based heading level, or null. */
  headingLevel: number | null;
  isTitle: boolean;
  numbering: NumberingRef | null;
}

export interface Styles {
  get(styleId: string | null): ParagraphStyle | null;
  /** The style Word uses for paragraphs without w:pStyle. */
  defaultStyle: ParagraphStyle | null;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|标题)$/i;

interface RawStyle {
  id: string;
  name: string;
  basedOn: string | null;
  outlineLvl: number | null;
  numbering: NumberingRef | null;
  isDefault: boolean;
}

/** `w:numPr` of a `w:pPr`: numId (0 = numbering switched off) and ilvl. */
export function readNumPr(pPr: Element | null): { numId: number | null; ilvl: number | null } | null {
  const numPr = child(pPr, 'w:numPr');
  if (!numPr) return null;
  return { numId: intVal(childVal(numPr, 'w:numId')), ilvl: intVal(childVal(numPr, 'w:ilvl')) };
}

export function readStyles(doc: Document | null): Styles {
  const raw = new Map<string, RawStyle>();
  const root = doc?.documentElement;
  if (root) {
    for (const style of children(root, 'w:style')) {
      if ((style.getAttribute('w:type') || 'paragraph') !== 'paragraph') continue;
      const id = style.getAttribute('w:styleId') ?? '';
      const pPr = child(style, 'w:pPr');
      const numPr = readNumPr(pPr);
      raw.set(id, {
        id,
        name: (childVal(style, 'w:name') ?? id).trim(),
        basedOn: childVal(style, 'w:basedOn'),
        outlineLvl: intVal(childVal(pPr, 'w:outlineLvl')),
        numbering: numPr && numPr.numId !== null ? { numId: numPr.numId, ilvl: numPr.ilvl } : null,
        isDefault: style.getAttribute('w:default') === '1' || style.getAttribute('w:default') === 'true',
      });
    }
  }
  const resolved = new Map<string, ParagraphStyle>();
  const resolve = (id: string, depth = 0): ParagraphStyle | null => {
    const done = resolved.get(id);
    if (done) return done;
    const style = raw.get(id);
    if (!style) return null;
    // A basedOn cycle or a silly chain stops inheriting after 16 steps.
    const parent = style.basedOn && depth < 16 ? resolve(style.basedOn, depth + 1) : null;
    const named = HEADING_NAME.exec(style.name) ?? HEADING_NAME.exec(style.id.replace(/^heading/i, 'heading '));
    let headingLevel: number | null = named ? Number(named[1]) : null;
    if (headingLevel === null && style.outlineLvl !== null) headingLevel = style.outlineLvl >= 0 && style.outlineLvl <= 8 ? style.outlineLvl + 1 : null;
    if (headingLevel === null && style.outlineLvl === null) headingLevel = parent?.headingLevel ?? null;
    const isTitle = TITLE_NAME.test(style.name) || /^title$/i.test(style.id);
    const result: ParagraphStyle = {
      id,
      name: style.name,
      headingLevel: isTitle ? null : headingLevel,
      isTitle: isTitle || (parent?.isTitle ?? false),
      numbering: style.numbering ?? parent?.numbering ?? null,
    };
    resolved.set(id, result);
    return result;
  };
  const defaultId = [...raw.values()].find((s) => s.isDefault)?.id ?? null;
  return {
    get: (styleId) => (styleId === null ? null : resolve(styleId)),
    defaultStyle: defaultId === null ? null : resolve(defaultId),
  };
}
