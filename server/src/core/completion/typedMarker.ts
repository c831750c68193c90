import type { HeadingStyle } from '../parse/headings';

/** What the officer has typed at the start of a body line, before the cursor. */
export interface TypedMarker {
  /** The numbering style typed, or null for plain text (or nothing). */
  style: HeadingStyle | null;
  /** True when the number is finished (`三、`, `（三）`), false while typing it (`三`, `（`, `（三`). */
  complete: boolean;
  /** The number typed, when complete. */
  value: number | null;
  /** Length of the marker (and the blank after it) when complete. */
  length: number;
  /** For a partial `（`: the paren styles it may become. */
  paren: boolean;
}

const CN = '[一二三四五六七八九十百零〇两]';
const COMPLETE: Array<{ style: HeadingStyle; re: RegExp }> = [
  { style: 'markdown', re: /^(#{1,6})[ \t]+/ },
  { style: 'chapter', re: new RegExp(`^第(${CN}{1,4}|\\d{1,3})章[ \\t\\u3000]*`) },
  { style: 'article', re: new RegExp(`^第(${CN}{1,4}|\\d{1,3})条[ \\t\\u3000]*`) },
  { style: 'cn-dun', re: new RegExp(`^(${CN}{1,3})、[ \\t\\u3000]*`) },
  { style: 'cn-paren', re: new RegExp(`^[（(](${CN}{1,3})[）)][ \\t\\u3000]*`) },
  { style: 'arabic', re: /^(\d{1,3})(?:[．、]|\.(?!\d))[ \t\u3000]*/ },
  { style: 'arabic-paren', re: /^[（(](\d{1,3})[）)][ \t\u3000]*/ },
];

export function typedMarker(typed: string, parse: (n: string) => number | null): TypedMarker {
  for (const { style, re } of COMPLETE) {
    const m = re.exec(typed);
    if (m) return { style, complete: true, value: style === 'markdown' ? null : parse(m[1]), length: m[0].length, paren: false };
  }
  if (/^[（(](\d{0,3}|[一二三四五六七八九十百零〇两]{0,3})$/.test(typed)) return { style: /\d/.test(typed) ? 'arabic-paren' : 'cn-paren', complete: false, value: null, length: 0, paren: typed.length === 1 };
  if (new RegExp(`^${CN}{1,3}$`).test(typed)) return { style: 'cn-dun', complete: false, value: null, length: 0, paren: false };
  if (/^第[一二三四五六七八九十百零〇两\d]{0,4}$/.test(typed)) return { style: 'chapter', complete: false, value: null, length: 0, paren: false };
  return { style: null, complete: false, value: null, length: 0, paren: false };
}

/** Does a typed marker fit a wanted style? A lone `（` fits both paren styles; a partial 第… fits 章 and 条. */
export function fits(typed: TypedMarker, style: HeadingStyle): boolean {
  if (typed.style === null) return true;
  if (typed.style === style) return true;
  if (!typed.complete && typed.paren && (style === 'cn-paren' || style === 'arabic-paren')) return true;
  if (!typed.complete && typed.style === 'chapter' && style === 'article') return true;
  return false;
}
