/**
 * Writing the ledger file without losing what people wrote in it: the yaml package's
 * Document API changes one value or appends one item; comments, key order, quoting and
 * blank lines elsewhere stay as they were.
 */
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { LedgerEntry, LedgerStatus } from './types';

export const LEDGER_HEADER =
  '# yaml-language-server: $schema=./schemas/ledger.schema.json\n# 履约台账：每条承诺一行。状态：未到期、履行中、已兑现、部分兑现、未兑现、逾期、已销号。\n# 依据：河北政办〔2017〕47号 四(二)“对合作协议落实情况实行台账管理”。\n';

export type LedgerEditResult = { ok: true; text: string } | { ok: false; message: string };

/** Set fields of one entry (by id), appending the entry when the file does not have it yet. */
export function updateLedgerEntry(text: string, id: string, fields: Partial<LedgerEntry>, template: Partial<LedgerEntry> = {}): LedgerEditResult {
  const source = text.trim() === '' ? `${LEDGER_HEADER}承诺: []\n` : text;
  const doc = parseDocument(source, { keepSourceTokens: false });
  if (doc.errors.length > 0) return { ok: false, message: `履约台账有 YAML 语法错误，未写入：${doc.errors[0].message.split('\n')[0]}` };
  if (!isMap(doc.contents)) return { ok: false, message: '履约台账的顶层应为键值对（含“承诺”列表），未写入。' };
  let seq = doc.get('承诺', true);
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    doc.set('承诺', seq);
  }
  const list = seq as YAMLSeq;
  let item = list.items.find((n) => isMap(n) && n.get('id') === id) as YAMLMap | undefined;
  if (!item) {
    item = new YAMLMap();
    item.set('id', id);
    for (const [key, value] of Object.entries(template)) if (value !== undefined && key !== 'id') item.set(key, value);
    if (list.flow) list.flow = false;
    list.items.push(item);
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === '') item.delete(key);
    else item.set(key, value);
  }
  return { ok: true, text: doc.toString({ lineWidth: 0 }) };
}

export function setLedgerStatus(text: string, id: string, status: LedgerStatus, closedOn: string | null, template: Partial<LedgerEntry> = {}): LedgerEditResult {
  const fields: Partial<LedgerEntry> = { 状态: status };
  if (status === '已销号' && closedOn) fields.销号日期 = closedOn;
  return updateLedgerEntry(text, id, fields, template);
}

/** Append rows for commitments the file does not list yet; existing rows are left untouched. */
export function addLedgerEntries(text: string, rows: LedgerEntry[]): LedgerEditResult {
  let current = text;
  for (const row of rows) {
    const { id, ...rest } = row;
    const result = updateLedgerEntry(current, id, {}, rest);
    if (!result.ok) return result;
    current = result.text;
  }
  return { ok: true, text: current };
}
