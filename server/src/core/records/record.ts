/**
 * A step of the procedure as the front matter records it: 法律顾问意见, 合法性审查, 风险评估 …
 * A record is a sentence (区司法局2026-01-05出具意见：无法律风险), `true`, or a small map
 * (日期, 单位, 结论, 文号). “无”, “未开展”, `false` say the step was not taken, and a plan (拟于…、
 * 计划…、待…) says it is not taken yet: they are not a record.
 * 不适用 with a reason is a record (the officer says why the step does not apply).
 */
import { isoOf } from './dates';

export type RecordState =
  | { kind: 'given'; text: string; date?: string }
  | { kind: 'negative'; text: string }
  | { kind: 'missing' };

const PLACEHOLDER = /^[（(【\[]?(待填写|待补充|待定|待补|写明[^）)】\]]*)[）)】\]]?$|^[（(【][^）)】]*[）)】]$|^[_＿…·.]+$/;
const NEGATIVE_WORD = /^(无|没有|暂无|否|未|尚未|暂未|不详|略|—+|-+|\/|N\/?A)$/i;
const NOT_DONE = /^(未|尚未|暂未|没有|暂无|无需?)(开展|进行|组织|征求|评估|论证|审查|出具|履行|召开|讨论|咨询|办理|移交|参与)/;
/** A plan is not a record: 拟于2026年2月开展, 计划召开论证会, 待区司法局审查. */
const NOT_YET = /^(拟|将于|将在|计划|准备|待(?!定)|正在|近期)/;
const DATE_IN_TEXT = /\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日/;

export function readRecord(value: unknown): RecordState {
  if (value === undefined || value === null) return { kind: 'missing' };
  if (value === true) return { kind: 'given', text: '是' };
  if (value === false) return { kind: 'negative', text: 'false' };
  if (typeof value === 'number') return { kind: 'given', text: String(value) };
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.length === 0 || PLACEHOLDER.test(text)) return { kind: 'missing' };
    if (NEGATIVE_WORD.test(text) || NOT_DONE.test(text) || NOT_YET.test(text)) return { kind: 'negative', text };
    const date = DATE_IN_TEXT.exec(text);
    return { kind: 'given', text, date: date ? (isoOf(date[0]) ?? undefined) : undefined };
  }
  if (Array.isArray(value)) {
    const parts = value.map(readRecord).filter((r) => r.kind === 'given');
    return parts.length > 0 ? parts[0] : { kind: 'missing' };
  }
  if (typeof value === 'object') {
    const map = value as Record<string, unknown>;
    const texts = Object.values(map).filter((v) => typeof v === 'string' || typeof v === 'number').map((v) => String(v).trim());
    const said = texts.filter((t) => t.length > 0 && !PLACEHOLDER.test(t));
    if (said.length === 0) return { kind: 'missing' };
    const conclusion = typeof map['结论'] === 'string' ? map['结论'].trim() : '';
    if (conclusion && (NEGATIVE_WORD.test(conclusion) || NOT_DONE.test(conclusion))) return { kind: 'negative', text: conclusion };
    const date = isoOf(map['日期']) ?? undefined;
    return { kind: 'given', text: said.join('，'), date };
  }
  return { kind: 'missing' };
}
