/**
 * Editor features for 履约台账.yaml: diagnostics (schema problems in Chinese on the key,
 * orphaned rows), completion (keys, statuses, commitment ids not yet recorded, agreement
 * files) and hovers (a row's commitment; a key's meaning).
 */
import { CompletionItemKind, DiagnosticSeverity, MarkupKind, type CompletionItem, type Diagnostic, type Hover, type Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ledger } from '../../core';

type Report = ledger.LedgerReport;

const KEY_ORDER = ['id', '协议', '承诺方', '承诺内容', '状态', '证据', '责任单位', '责任人', '到期日期', '销号日期', '备注'];
const STATUS_HELP: Record<ledger.LedgerStatus, string> = {
  未到期: '尚未到履行期限。',
  履行中: '正在履行（无明确期限或期限未到）。',
  已兑现: '已全部履行，请在“证据”中写明依据。',
  部分兑现: '部分履行，请在“备注”中写明未履行部分和原因。',
  未兑现: '未履行，请在“备注”中写明原因和跟进措施。',
  逾期: '已过期限仍未履行完毕。',
  已销号: '履约完毕并完成销号，请填写“销号日期”。',
};

function entrySchema(): Record<string, { description?: string }> {
  return (ledger.ledgerSchema().definitions.entry.properties ?? {}) as Record<string, { description?: string }>;
}

export function ledgerDiagnostics(doc: TextDocument, parsed: ledger.LedgerFile, report: Report | null): Diagnostic[] {
  const out: Diagnostic[] = parsed.problems.map((p) => ({
    range: { start: doc.positionAt(p.span.start), end: doc.positionAt(Math.max(p.span.end, p.span.start)) },
    severity: DiagnosticSeverity.Error,
    source: '履约台账',
    code: 'ledger/schema',
    message: p.message,
  }));
  if (report) {
    for (const orphan of report.orphans) {
      const i = parsed.entries.indexOf(orphan.entry);
      const span = parsed.spans[i];
      if (!span) continue;
      const lineEnd = doc.getText().indexOf('\n', span.start);
      out.push({
        range: { start: doc.positionAt(span.start), end: doc.positionAt(lineEnd < 0 ? span.end : lineEnd) },
        severity: DiagnosticSeverity.Warning,
        source: '履约台账',
        code: 'ledger/orphaned',
        message: `孤立记录：${orphan.reason}。记录已保留；核实后可改为“已销号”并在“备注”中说明，或删除该条。`,
      });
    }
  }
  return out;
}

interface LineContext {
  key: string | null;
  /** The cursor is after `key:`. */
  inValue: boolean;
  indent: number;
}

function lineContext(doc: TextDocument, position: Position): LineContext {
  const line = doc.getText({ start: { line: position.line, character: 0 }, end: position });
  const m = /^(\s*)(?:-\s+)?([^:#\s]+)\s*:\s*(.*)$/.exec(line);
  if (m) return { key: m[2], inValue: true, indent: m[1].length };
  return { key: null, inValue: false, indent: /^\s*/.exec(line)![0].length };
}

export function ledgerCompletion(doc: TextDocument, position: Position, report: Report | null, parsed: ledger.LedgerFile): CompletionItem[] {
  const context = lineContext(doc, position);
  const schema = entrySchema();
  if (!context.inValue) {
    if (context.indent === 0) return [{ label: '承诺', kind: CompletionItemKind.Property, insertText: '承诺:\n  - id: ', detail: '台账条目列表' }];
    return KEY_ORDER.map((key, i) => ({ label: key, kind: CompletionItemKind.Property, insertText: `${key}: `, sortText: String(i).padStart(2, '0'), documentation: schema[key]?.description }));
  }
  if (context.key === '状态') {
    return ledger.LEDGER_STATUSES.map((status, i) => ({ label: status, kind: CompletionItemKind.EnumMember, sortText: String(i), documentation: STATUS_HELP[status] }));
  }
  if (context.key === 'id' && report) {
    const recorded = new Set(parsed.entries.map((e) => e.id));
    return report.rows
      .filter((r) => !recorded.has(r.id))
      .map((r) => ({
        label: r.id,
        kind: CompletionItemKind.Value,
        detail: `${r.role} · ${r.agreement.title} ${r.clause}`,
        documentation: { kind: MarkupKind.Markdown, value: rowMarkdown(r) },
        filterText: `${r.id} ${r.text}`,
        insertText: `${r.id}\n${' '.repeat(context.indent + 2)}协议: ${r.file}\n${' '.repeat(context.indent + 2)}承诺方: ${r.party === r.role ? r.role : `${r.role}（${r.party}）`}\n${' '.repeat(context.indent + 2)}承诺内容: ${yamlScalar(r.text)}\n${' '.repeat(context.indent + 2)}状态: ${r.status}`,
      }));
  }
  if (context.key === '协议' && report) {
    return report.agreements.map((a) => ({ label: a.file, kind: CompletionItemKind.File, detail: a.title }));
  }
  return [];
}

function yamlScalar(text: string): string {
  return /^[\w\u4e00-\u9fff（）、，“”：；。％%.-]+$/.test(text) && !/[:#]/.test(text) ? text : JSON.stringify(text);
}

export function rowMarkdown(r: ledger.ReportRow): string {
  const deadline = r.deadline ? ('date' in r.deadline ? r.deadline.date : r.deadline.relative) : '未写明';
  const lines = [
    `**${r.id}** · ${r.side === 'government' ? '政府方承诺' : '相对方承诺'}`,
    '',
    `> ${r.text}`,
    '',
    `- 协议：${r.agreement.title}（${r.file}）`,
    `- 条款：${r.clause}${r.clauseTitle ? ` ${r.clauseTitle}` : ''}`,
    `- 承诺方：${r.role}${r.party !== r.role ? `（${r.party}）` : ''}`,
    `- 时限：${deadline}${r.due && !(r.deadline && 'date' in r.deadline) ? `（到期日期 ${r.due}）` : ''}`,
  ];
  if (r.amounts.length > 0) lines.push(`- 金额：${r.amounts.join('、')}`);
  if (r.condition) lines.push(`- 条件：${r.condition}`);
  lines.push(`- 状态：${r.effectiveStatus}（预警：${r.warning}）`);
  return lines.join('\n');
}

export function ledgerHover(doc: TextDocument, position: Position, report: Report | null, parsed: ledger.LedgerFile): Hover | null {
  const line = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const m = /^(\s*)(?:-\s+)?([^:#\s]+)\s*:\s*(.*)$/.exec(line);
  if (!m) return null;
  const key = m[2];
  const keyStart = line.indexOf(key);
  const onKey = position.character >= keyStart && position.character <= keyStart + key.length;
  if (key === 'id' && !onKey && report) {
    const id = m[3].trim().replace(/^["']|["']$/g, '');
    const row = report.rows.find((r) => r.id === id);
    if (row) return { contents: { kind: MarkupKind.Markdown, value: rowMarkdown(row) } };
    const orphan = report.orphans.find((o) => o.entry.id === id);
    if (orphan) return { contents: { kind: MarkupKind.Markdown, value: `**${id}** · 孤立记录\n\n${orphan.reason}。` } };
    return null;
  }
  if (key === '状态' && !onKey) {
    const status = m[3].trim() as ledger.LedgerStatus;
    if (STATUS_HELP[status]) return { contents: { kind: MarkupKind.Markdown, value: `**${status}**：${STATUS_HELP[status]}` } };
  }
  const description = entrySchema()[key]?.description ?? (key === '承诺' ? ledger.ledgerSchema().properties.承诺.description : undefined);
  if (onKey && description) return { contents: { kind: MarkupKind.Markdown, value: `**${key}**：${description}` } };
  void parsed;
  return null;
}
