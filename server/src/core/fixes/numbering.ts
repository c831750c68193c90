import type { HeadingStyle } from '../parse/headings';
import { formatChineseNumber } from '../parse/numerals';

/** The heading style one level below a given style. */
export function childStyle(style: HeadingStyle): HeadingStyle {
  switch (style) {
    case 'chapter':
      return 'article';
    case 'article':
    case 'markdown':
      return 'cn-paren';
    case 'cn-dun':
      return 'cn-paren';
    case 'cn-paren':
      return 'arabic';
    case 'arabic':
    case 'arabic-paren':
      return 'arabic-paren';
  }
}

/**
 * The numbering marker for `value` in `style`, following the punctuation of a
 * sample marker from the same document when there is one (（一） vs (一), 1． vs 1.).
 */
export function formatMarker(style: HeadingStyle, value: number, sample?: string): string {
  switch (style) {
    case 'chapter':
      return `第${formatChineseNumber(value)}章`;
    case 'article':
      return `第${formatChineseNumber(value)}条`;
    case 'cn-dun':
      return `${formatChineseNumber(value)}、`;
    case 'cn-paren':
      return sample?.startsWith('(') ? `(${formatChineseNumber(value)})` : `（${formatChineseNumber(value)}）`;
    case 'arabic': {
      const punct = sample ? sample.replace(/^\d+/, '') : '．';
      return `${value}${punct || '．'}`;
    }
    case 'arabic-paren':
      return sample?.startsWith('(') ? `(${value})` : `（${value}）`;
    case 'markdown':
      return sample ?? '##';
  }
}
