/**
 * fast-check arbitraries that mutate valid agreements the way pasted and
 * half-edited text does: lines inserted, deleted, duplicated; characters swapped;
 * random Unicode (lone surrogates, CR, BOM, NUL, astral characters) spliced in;
 * line endings changed. Shared by the short fuzz in the unit suite and the long
 * run (`node out/test/fuzz/long.js`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CLEAN, MESSY } from '../unit/robustness/testPack';

/** Lines that mean something to the parser or the rules. */
const INTERESTING_LINES = [
  '---', '...', '```', '~~~', '', ' ', '\u3000', '#', '# 标题', '## 三、保障措施', '###### ', '# # # #',
  '一、合作原则', '二、合作内容', '三、重点项目', '四、保障措施', '五、法律责任', '九十九、其他', '第一章 总则', '第一条 合作目标',
  '（一）产业园项目', '(二)物流项目', '（三）', '1．实施主体', '2.资金来源', '3、', '（1）开工时间', '(2)',
  '实施主体：某某公司。资金来源：自筹。开工时间：2025年10月开工。', '（一）政策保障。', '（二）资金保障。',
  '甲方同意乙方为唯一合作伙伴，享有独家合作权。', '甲方为乙方融资提供担保。', '本协议不设排他性条款。', '乙方向甲方提供履约担保。',
  '“独家”一词不在此列。', '甲方不提供任何形式的担保。',
  '<!-- agreement-disable clause/exclusive -- 理由 -->', '<!-- agreement-enable -->', '<!-- agreement-disable-next-line -->',
  '<!-- agreement-disable-line section/numbering -->', '<!--', '-->', '<!-- 注释 -->',
  '文种: 协议书', '类别: 企业集团', '类别: 上级部委', '类别: [企业集团]', '甲方: 天津市河北区人民政府', '签署日期: 2025-13-45',
  '法律顾问意见: 已出具', 'a: &x [1, 2]', 'b: *x', '? [a]', '- 列表项', '  缩进: 值', '\t制表符: 值', 'key: "未闭合',
  '涉外: true', '适用法律: 某国法律', '审批方式: 审签', '涉及事项: [财务资金]',
];

/** Strings worth splicing anywhere. */
const SPLICES = [
  '\r', '\n', '\r\n', '\uFEFF', '\u0000', '\uD800', '\uDC00', '\uD83D', '😀', '𠀀', '\u3000', '\t', '\u2028', '\u00A0',
  '<!--', '-->', '---', '（', '）', '、', '。', '；', '：', ':', '#', '[', ']', '{', '}', '&a', '*a', '? ', '- ', '"', "'",
  '一、', '（一）', '1．', '第一条', '独家', '担保', '排他', '甲方', '乙方', '人民政府', '不得',
];

const lineArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INTERESTING_LINES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** Any UTF-16 string, lone surrogates included. */
const unitsArb = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((codes) => String.fromCharCode(...codes));

const spliceArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPLICES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: unitsArb },
);

export type Mutation =
  | { kind: 'insert-line'; at: number; line: string }
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-chars'; a: number; b: number }
  | { kind: 'splice'; at: number; remove: number; text: string }
  | { kind: 'line-endings'; eol: '\n' | '\r\n' | '\r' };

const position = fc.nat({ max: 1_000_000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert-line' as const), at: position, line: lineArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete-line' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-chars' as const), a: position, b: position }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('splice' as const), at: position, remove: fc.nat({ max: 6 }), text: spliceArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('line-endings' as const), eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const) }) },
);

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'insert-line':
      lines.splice(m.at % (lines.length + 1), 0, m.line);
      return lines.join('\n');
    case 'delete-line':
      lines.splice(m.at % lines.length, 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const at = m.at % lines.length;
      lines.splice(at, 0, lines[at]);
      return lines.join('\n');
    }
    case 'swap-chars': {
      if (text.length < 2) return text;
      const chars = text.split('');
      const a = m.a % chars.length;
      const b = m.b % chars.length;
      [chars[a], chars[b]] = [chars[b], chars[a]];
      return chars.join('');
    }
    case 'splice': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(Math.min(text.length, at + m.remove));
    }
    case 'line-endings':
      return text.replace(/\r\n|\r|\n/g, m.eol);
  }
}

/** The valid agreements mutations start from: the test pack's documents and the shipped examples. */
export function baseDocuments(root = path.resolve(__dirname, '../../..')): string[] {
  const docs = [CLEAN, MESSY];
  const examples = path.join(root, 'examples');
  if (fs.existsSync(examples)) {
    for (const file of fs.readdirSync(examples).sort()) {
      if (file.endsWith('.agreement.md')) docs.push(fs.readFileSync(path.join(examples, file), 'utf8'));
    }
  }
  return docs;
}

/** A base document with 0–`max` mutations applied. */
export function mutatedDocumentArb(bases: string[], max = 8): fc.Arbitrary<{ base: number; mutations: Mutation[]; text: string }> {
  return fc
    .record({ base: fc.nat({ max: bases.length - 1 }), mutations: fc.array(mutationArb, { maxLength: max }) })
    .map(({ base, mutations }) => ({ base, mutations, text: mutations.reduce(applyMutation, bases[base]) }));
}
