/**
 * The 履约台账 view in the Explorer: every commitment of the workspace's agreements, grouped
 * by agreement, by side or by status, with a 30 日内到期 group and the orphaned rows on top.
 */
import * as vscode from 'vscode';
import type { LedgerOrphan, LedgerResult, LedgerViewRow } from '../../../server/src/protocol';

export type Grouping = 'agreement' | 'side' | 'status';

export type LedgerNode =
  | { kind: 'group'; id: string; label: string; rows: LedgerViewRow[]; orphans?: LedgerOrphan[]; icon: string; expanded: boolean }
  | { kind: 'row'; row: LedgerViewRow; parent: string }
  | { kind: 'orphan'; orphan: LedgerOrphan }
  | { kind: 'message'; label: string };

const STATUS_ORDER = ['逾期', '未兑现', '部分兑现', '履行中', '未到期', '已兑现', '已销号'];
const COLOURS: Record<LedgerViewRow['warning'], string> = { 红: 'charts.red', 黄: 'charts.yellow', 绿: 'charts.green' };
export const DUE_SOON_DAYS = 30;

export class LedgerTreeProvider implements vscode.TreeDataProvider<LedgerNode> {
  private readonly changed = new vscode.EventEmitter<LedgerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  grouping: Grouping = 'agreement';
  result: LedgerResult | null = null;
  error: string | null = null;

  constructor(private readonly load: () => Promise<LedgerResult>) {}

  async refresh(): Promise<void> {
    try {
      this.result = await this.load();
      this.error = null;
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.changed.fire(undefined);
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    this.changed.fire(undefined);
  }

  getChildren(node?: LedgerNode): LedgerNode[] {
    if (!node) return this.roots();
    if (node.kind !== 'group') return [];
    return [...node.rows.map((row): LedgerNode => ({ kind: 'row', row, parent: node.id })), ...(node.orphans ?? []).map((orphan): LedgerNode => ({ kind: 'orphan', orphan }))];
  }

  private roots(): LedgerNode[] {
    if (this.error) return [{ kind: 'message', label: vscode.l10n.t('The ledger could not be loaded: {0}', this.error) }];
    const result = this.result;
    if (!result) return [];
    if (result.rows.length === 0 && result.orphans.length === 0) return [{ kind: 'message', label: vscode.l10n.t('No commitments found in the agreements of this workspace.') }];
    const groups: LedgerNode[] = [];
    const soon = result.rows.filter((r) => r.daysLeft !== null && r.daysLeft >= 0 && r.daysLeft <= DUE_SOON_DAYS && r.effectiveStatus !== '已兑现' && r.effectiveStatus !== '已销号');
    groups.push({ kind: 'group', id: 'due-soon', label: vscode.l10n.t('Due within {0} days', DUE_SOON_DAYS), rows: soon, icon: 'watch', expanded: soon.length > 0 });
    const overdue = result.rows.filter((r) => r.effectiveStatus === '逾期');
    if (overdue.length > 0) groups.push({ kind: 'group', id: 'overdue', label: vscode.l10n.t('Overdue'), rows: overdue, icon: 'warning', expanded: true });
    for (const [key, rows] of this.grouped(result.rows)) groups.push({ kind: 'group', id: `${this.grouping}:${key}`, label: key, rows, icon: this.grouping === 'agreement' ? 'file-text' : this.grouping === 'side' ? 'organization' : 'checklist', expanded: false });
    if (result.orphans.length > 0) groups.push({ kind: 'group', id: 'orphans', label: vscode.l10n.t('Orphaned rows'), rows: [], orphans: result.orphans, icon: 'debug-disconnect', expanded: true });
    return groups;
  }

  private grouped(rows: LedgerViewRow[]): Array<[string, LedgerViewRow[]]> {
    const map = new Map<string, LedgerViewRow[]>();
    const keyOf = (r: LedgerViewRow) =>
      this.grouping === 'agreement' ? r.title : this.grouping === 'side' ? (r.side === 'government' ? vscode.l10n.t('Government side') : vscode.l10n.t('Counterparty')) : r.effectiveStatus;
    for (const r of rows) map.set(keyOf(r), [...(map.get(keyOf(r)) ?? []), r]);
    const entries = [...map.entries()];
    if (this.grouping === 'status') entries.sort((a, b) => STATUS_ORDER.indexOf(a[0]) - STATUS_ORDER.indexOf(b[0]));
    return entries;
  }

  getTreeItem(node: LedgerNode): vscode.TreeItem {
    if (node.kind === 'message') return new vscode.TreeItem(node.label);
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = String(node.rows.length + (node.orphans?.length ?? 0));
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.contextValue = 'ledgerGroup';
      return item;
    }
    if (node.kind === 'orphan') {
      const item = new vscode.TreeItem(`${node.orphan.id} ${node.orphan.text || node.orphan.file}`);
      item.id = `orphan:${node.orphan.id}`;
      item.description = `${node.orphan.status} · ${node.orphan.reason}`;
      item.iconPath = new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('charts.orange'));
      item.contextValue = 'ledgerOrphan';
      item.tooltip = `${node.orphan.id}\n${node.orphan.file}\n${node.orphan.reason}`;
      return item;
    }
    const r = node.row;
    // 乙方：乙方应当… would say the party twice.
    const item = new vscode.TreeItem(r.text.startsWith(r.role) || r.text.startsWith(r.party) ? r.text : `${r.role}：${r.text}`);
    item.id = `${node.parent}/${r.id}`;
    item.description = [r.deadline || vscode.l10n.t('no deadline'), r.effectiveStatus, r.amounts.join('、')].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(r.warning === '红' ? 'error' : r.warning === '黄' ? 'warning' : 'pass', new vscode.ThemeColor(COLOURS[r.warning]));
    item.contextValue = 'ledgerRow';
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${r.id}** · ${r.side === 'government' ? vscode.l10n.t('Government side') : vscode.l10n.t('Counterparty')}\n\n`);
    tooltip.appendText(`${r.title} ${r.clause}\n${r.party}：${r.text}\n`);
    tooltip.appendText(`${vscode.l10n.t('Deadline')}：${r.deadline || '—'}${r.due ? `（${r.due}）` : ''}　${vscode.l10n.t('Status')}：${r.effectiveStatus}`);
    if (r.condition) tooltip.appendText(`\n${vscode.l10n.t('Condition')}：${r.condition}`);
    item.tooltip = tooltip;
    item.command = { command: 'agreement.ledger.openClause', title: vscode.l10n.t('Open clause'), arguments: [r] };
    return item;
  }
}
