/**
 * Amounts as written: money (5000万元, 5亿元, 一千万元人民币), areas (200亩, 3万平方米),
 * shares (40%, 百分之六十, 三成) and head counts (就业800人).
 */
const NUMBER = '(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二三四五六七八九十两〇零][一二三四五六七八九十百千万亿两〇零]*(?:点[一二三四五六七八九〇零]+)?)';
const UNIT =
  '(?:万亿元|亿元|万元|千元|元|人次|批次|个岗位|个(?![月工])|套|期|场|间|万美元|亿美元|美元|万欧元|欧元|亩|万平方米|平方米|平方公里|公顷|㎡|%|％|‰|个百分点|成|万人|人|名|人次|个岗位|家|个项目|项|台|套|吨|万吨|兆瓦|MW|千瓦)';
const DURATION = '(?:个工作日|个月|小时|分钟)';
const AMOUNT = new RegExp(`(?:约|人民币|每(?:亩|吨|平方米|人|年|月|户|家)?)?(?:百分之[一二三四五六七八九十百〇零点]+|${NUMBER}\\s*(?:${DURATION}(?![内以前起后])|${UNIT}))(?:人民币)?`, 'g');

/** Words before a number that mean it is not an amount (条款号, 年份, 期限). */
const NOT_AN_AMOUNT = /(第|后|起|期满前|连续)$/;

export function findAmounts(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 1), m.index);
    if (NOT_AN_AMOUNT.test(before)) continue;
    const value = m[0].replace(/\s+/g, '');
    // “一成” inside 一成不变, “三成” … only with a digit-like start; “成” after 完 (完成) is a verb.
    if (/^[一二三四五六七八九十]+成$/.test(value) && /[完达形组构促]$/.test(text.slice(0, m.index))) continue;
    if (/^[一二三四五六七八九十两]名$|^[一两]家$|^一项$/.test(value)) continue;
    found.push(value);
  }
  return found;
}
