/** Chinese and Arabic heading numbers: 一 … 九十九 … 一百, and 1 … 999. */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Value of a Chinese numeral such as 十二 or 二十一; null when it is not one. */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 0 || text.length > 6) return null;
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in DIGITS) {
      current = DIGITS[ch];
    } else if (ch === '十') {
      total += (current === 0 ? 1 : current) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current === 0 ? 1 : current) * 100;
      current = 0;
    } else {
      return null;
    }
  }
  return total + current;
}

const SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五. */
export function formatChineseNumber(value: number): string {
  if (!Number.isInteger(value) || value <= 0) return String(value);
  if (value >= 1000) return String(value);
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const ones = value % 10;
  let out = '';
  if (hundreds > 0) out += SMALL[hundreds] + '百';
  if (tens > 0) out += (tens === 1 && hundreds === 0 ? '' : SMALL[tens]) + '十';
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += SMALL[ones];
  return out;
}
