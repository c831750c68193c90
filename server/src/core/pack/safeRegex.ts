import { RE2JS } from 're2js';
import { spendPatternBudget } from './patternBudget';

/**
 * Regular expressions from packs are untrusted data (a workspace may carry its
 * own packs). Two guards:
 *  1. `unsafeRegexReason` refuses, with a message, patterns that would backtrack
 *     catastrophically in a backtracking engine: a repeated group containing a
 *     quantifier or an alternation (`(a+)+`, `(a|aa)*`, `(a*)*`, `(?:a+){2,}`,
 *     `(a?){20}`), backreferences and lookarounds; and patterns that are too long
 *     or do not compile.
 *  2. `compileLinear` runs every accepted pattern on RE2 (re2js, pure JS), whose
 *     matching time is linear in the text. Even a pattern the check lets through,
 *     such as `年.*月` on a 1 MB line, cannot hang the server.
 */
export const MAX_PATTERN_LENGTH = 200;
/**
 * Counted repetition unrolls: `.{1000}` compiles to a thousand states, and matching it over a
 * long text costs its size at every position (a 3 MB document took minutes). The pattern's size
 * once every count is unrolled may not exceed this.
 */
export const MAX_EXPANDED_SIZE = 300;

/** A compiled pack pattern. Only `test` is offered, and it runs in time linear in the text. */
export interface LinearPattern {
  readonly source: string;
  test(text: string): boolean;
}

/** Compile an ECMAScript-syntax pattern on the linear-time engine. Throws on syntax RE2 does not support. */
export function compileLinear(source: string): LinearPattern {
  const re = RE2JS.compile(RE2JS.translateRegExp(source));
  return {
    source,
    test: (text: string) => {
      spendPatternBudget();
      return re.test(text);
    },
  };
}

/**
 * The same, compiled on its first use: a rule set names many patterns and an analysis tries
 * few of them, and compiling them all delayed the first diagnostics. A pattern that does not
 * compile never matches (the pack loader has already reported it).
 */
export function compileLinearLazily(source: string): LinearPattern {
  let compiled: LinearPattern | null | undefined;
  return {
    source,
    test: (text: string) => {
      if (compiled === undefined) {
        try {
          compiled = compileLinear(source);
        } catch {
          compiled = null;
        }
      }
      return compiled !== null && compiled.test(text);
    },
  };
}

interface Quantifier {
  /** Characters the quantifier takes, including a trailing lazy `?`. */
  length: number;
  /** True when it may repeat its atom more than once (`*`, `+`, `{2}`, `{1,}` …; not `?` or `{0,1}`). */
  repeats: boolean;
}

const BRACES = /^\{(\d+)(?:(,)(\d*))?\}/;

function quantifierAt(source: string, i: number): Quantifier | null {
  const ch = source[i];
  let length = 0;
  let repeats = false;
  if (ch === '*' || ch === '+') {
    length = 1;
    repeats = true;
  } else if (ch === '?') {
    length = 1;
  } else if (ch === '{') {
    const m = BRACES.exec(source.slice(i, i + 24));
    if (!m) return null; // a literal brace
    length = m[0].length;
    const min = Number(m[1]);
    const max = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : min;
    repeats = max > 1;
  } else {
    return null;
  }
  if (source[i + length] === '?') length++;
  return { length, repeats };
}

/**
 * The pattern's size with counted repetitions unrolled (`a{3}` → 3, `(ab){2,4}` → 8); an open
 * count `{n,}` counts n. Character classes and escapes are one atom each.
 */
export function expandedSize(source: string): number {
  const stack: number[] = [0];
  let last = 0; // size of the atom or group just read, which a quantifier applies to
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '(') {
      stack.push(0);
      if (source[i + 1] === '?') {
        const named = /^\(\?<[A-Za-z_$][\w$]*>/.exec(source.slice(i, i + 40));
        i += named ? named[0].length - 1 : 2;
      }
      last = 0;
      continue;
    }
    if (ch === ')') {
      last = stack.length > 1 ? stack.pop()! : 0;
      stack[stack.length - 1] += last;
      continue;
    }
    if (ch === '{') {
      const m = BRACES.exec(source.slice(i, i + 24));
      if (m) {
        const count = m[2] ? (m[3] === '' ? Number(m[1]) : Number(m[3])) : Number(m[1]);
        stack[stack.length - 1] += last * Math.max(count - 1, 0);
        i += m[0].length - 1;
        continue;
      }
    }
    if (ch === '*' || ch === '+' || ch === '?' || ch === '|') continue;
    if (ch === '\\') i++;
    else if (ch === '[') {
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      for (; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    }
    last = 1;
    stack[stack.length - 1] += 1;
  }
  return stack.reduce((a, b) => a + b, 0);
}

/** Why a pattern is refused, in Chinese; null when it may be used. */
export function unsafeRegexReason(source: string): string | null {
  if (source.length > MAX_PATTERN_LENGTH) return `正则表达式过长（超过 ${MAX_PATTERN_LENGTH} 个字符）`;
  if (expandedSize(source) > MAX_EXPANDED_SIZE) return `正则表达式的计数重复过大（如 .{1000}，展开后超过 ${MAX_EXPANDED_SIZE} 个单元），会使长文档的检查极慢`;
  if (/\\[1-9]|\\k</.test(source)) return '正则表达式不得使用反向引用';
  if (/\(\?<?[=!]/.test(source)) return '正则表达式不得使用前瞻或后顾断言';
  // Each open group remembers whether it holds a quantifier or an alternation.
  const stack: Array<{ risky: boolean }> = [];
  const markRisky = () => {
    if (stack.length > 0) stack[stack.length - 1].risky = true;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      // Skip a character class (a `]` right after `[` or `[^` is literal).
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      for (; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (ch === '(') {
      stack.push({ risky: false });
      // Skip the group's prefix so its `?` is not read as a quantifier: (?: (?<name>
      if (source[i + 1] === '?') {
        const named = /^\(\?<[A-Za-z_$][\w$]*>/.exec(source.slice(i, i + 40));
        i += named ? named[0].length - 1 : 2;
      }
      continue;
    }
    if (ch === ')') {
      const group = stack.pop();
      const quantifier = quantifierAt(source, i + 1);
      if (group?.risky && quantifier?.repeats) return '正则表达式含有嵌套的重复（如 (a+)+、(a|aa)*），可能导致检查卡死';
      if (group?.risky || quantifier) markRisky();
      if (quantifier) i += quantifier.length;
      continue;
    }
    if (ch === '|') {
      markRisky();
      continue;
    }
    const quantifier = quantifierAt(source, i);
    if (quantifier) {
      markRisky();
      i += quantifier.length - 1;
    }
  }
  try {
    new RegExp(source);
  } catch (error) {
    return `正则表达式无效：${(error as Error).message}`;
  }
  try {
    compileLinear(source);
  } catch (error) {
    return `正则表达式使用了不支持的写法（${(error as Error).message.split('\n')[0]}）`;
  }
  return null;
}
