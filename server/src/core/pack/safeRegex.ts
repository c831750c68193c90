/**
 * A conservative check that a pack's regular expression cannot backtrack
 * catastrophically. Packs from a workspace are untrusted data: a pattern with a
 * quantified group that itself contains a quantifier or an alternation, a
 * backreference, or a lookaround is refused rather than run.
 */
export const MAX_PATTERN_LENGTH = 200;

export function unsafeRegexReason(source: string): string | null {
  if (source.length > MAX_PATTERN_LENGTH) return `正则表达式过长（超过 ${MAX_PATTERN_LENGTH} 个字符）`;
  if (/\\[1-9]|\\k</.test(source)) return '正则表达式不得使用反向引用';
  if (/\(\?<?[=!]/.test(source)) return '正则表达式不得使用前瞻或后顾断言';
  // A group containing a quantifier or `|`, followed by a quantifier: (a+)+ (a|ab)* (x{1,3}){2,}
  const stack: Array<{ risky: boolean }> = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      // Skip a character class.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (ch === '(') stack.push({ risky: false });
    else if (ch === ')') {
      const group = stack.pop();
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || next === '{' || (next === '?' && false);
      if (group?.risky && quantified) return '正则表达式含有嵌套的重复（如 (a+)+），可能导致检查卡死';
      if (group?.risky && stack.length > 0) stack[stack.length - 1].risky = true;
    } else if ((ch === '*' || ch === '+' || ch === '{' || ch === '|') && stack.length > 0) {
      stack[stack.length - 1].risky = true;
    }
  }
  try {
    new RegExp(source);
  } catch (error) {
    return `正则表达式无效：${(error as Error).message}`;
  }
  return null;
}
