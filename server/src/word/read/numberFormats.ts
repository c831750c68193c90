/**
 * Word's number formats (`w:numFmt`), rendered as Word renders them in a Chinese document:
 * chineseCounting 一 … 十一 … 二十, ideographTraditional 甲乙丙丁, decimal, letters, roman,
 * enclosed numbers. An unknown format falls back to decimal, as Word does.
 */
const DIGITS = '〇一二三四五六七八九';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (numbers Word lists reach). */
export function chineseCounting(n: number, digits = DIGITS, units = ['', '十', '百', '千'], zero = '零'): string {
  if (n <= 0) return digits[0];
  if (n >= 10000) return String(n);
  const parts = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i];
    if (d === 0) {
      pendingZero = out.length > 0;
      return;
    }
    if (pendingZero) out += zero;
    pendingZero = false;
    // 十一, not 一十一, when the number starts with its tens.
    out += (d === 1 && unit === units[1] && i === 0 && digits === DIGITS ? '' : digits[d]) + unit;
  });
  return out;
}

const ROMAN: Array<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [value, glyph] of ROMAN) while (n >= value) {
    out += glyph;
    n -= value;
  }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: a … z, aa … zz.
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function cycle(list: string, n: number): string {
  const chars = [...list];
  return chars[(n - 1) % chars.length];
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).split('').map((d) => DIGITS[Number(d)]).join('');
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseCounting(n, LEGAL, ['', '拾', '佰', '仟'], '零');
    case 'ideographTraditional':
      return cycle('甲乙丙丁戊己庚辛壬癸', n);
    case 'ideographZodiac':
      return cycle('子丑寅卯辰巳午未申酉戌亥', n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}
