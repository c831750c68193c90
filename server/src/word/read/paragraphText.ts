/**
 * The visible text of one `w:p`, run by run, as Word shows it: inserted revisions (w:ins,
 * w:moveTo) are text, deleted ones (w:del, w:delText, w:moveFrom) are not; field codes are
 * skipped and field results kept; hidden runs (w:vanish) are skipped; tabs are kept, line
 * breaks become a space (one line per paragraph); footnote and comment marks add nothing.
 */
import type { Element, Node } from '@xmldom/xmldom';
import type { WordRun } from '../model';
import { child, isElement, toggle } from './xml';

export interface RunText {
  text: string;
  runs: WordRun[];
}

/** Containers whose content is not part of the paragraph's own text. */
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:pPr', 'w:rPr', 'w:txbxContent', 'mc:Fallback', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference', 'w:instrText', 'w:delInstrText', 'w:delText']);

export function paragraphText(p: Element): RunText {
  const runs: WordRun[] = [];
  let text = '';
  let ordinal = 0;
  /** Nested fields: for each open field, whether its result part has begun. */
  const fields: boolean[] = [];
  const inCode = () => fields.length > 0 && !fields[fields.length - 1];

  const visitRun = (r: Element) => {
    const index = ordinal++;
    const hidden = toggle(child(r, 'w:rPr'), 'w:vanish') === true;
    const start = text.length;
    for (let node: Node | null = r.firstChild; node; node = node.nextSibling) {
      if (!isElement(node)) continue;
      switch (node.nodeName) {
        case 'w:fldChar': {
          const type = node.getAttribute('w:fldCharType');
          if (type === 'begin') fields.push(false);
          else if (type === 'separate' && fields.length > 0) fields[fields.length - 1] = true;
          else if (type === 'end') fields.pop();
          break;
        }
        case 'w:t':
          if (!hidden && !inCode()) text += node.textContent ?? '';
          break;
        case 'w:tab':
        case 'w:ptab':
          if (!hidden && !inCode()) text += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          if (!hidden && !inCode()) text += ' ';
          break;
        case 'w:noBreakHyphen':
          if (!hidden && !inCode()) text += '-';
          break;
        case 'w:sym': {
          const code = parseInt(node.getAttribute('w:char') ?? '', 16);
          // Symbol-font glyphs live in the private use area (F000–F0FF): they name no character.
          if (!hidden && !inCode() && Number.isFinite(code) && (code < 0xe000 || code > 0xf8ff)) text += String.fromCodePoint(code);
          break;
        }
        default:
          break;
      }
    }
    if (text.length > start) runs.push({ start, end: text.length, ordinal: index });
    // Runs of a text box anchored in this run come next in w:r order.
    ordinal += r.getElementsByTagName('w:r').length;
  };

  const walk = (parent: Element) => {
    for (let node: Node | null = parent.firstChild; node; node = node.nextSibling) {
      if (!isElement(node)) continue;
      const name = node.nodeName;
      if (name === 'w:r') visitRun(node);
      else if (name === 'w:p') continue; // a paragraph nested in a text box of this one: read on its own
      else if (SKIPPED.has(name)) countRuns(node);
      else walk(node);
    }
  };
  /** Runs that show nothing still take their ordinal, so ordinals match the package's w:r order. */
  const countRuns = (parent: Element) => {
    ordinal += parent.getElementsByTagName('w:r').length;
  };
  walk(p);
  return { text, runs };
}
