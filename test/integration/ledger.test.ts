/**
 * The 履约台账 view in the real VS Code: the tree groups (by agreement, by side, 逾期, 30 日内到期),
 * a row opens its clause, a status change writes 履约台账.yaml (its comments kept), and the
 * overdue warning in the Problems panel goes away once the commitment is recorded as kept.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LedgerResult, LedgerViewRow } from '../../server/src/protocol';
import { closeAllEditors, codeOf, openFixture, ours, waitForRule, workspaceRoot } from './helpers';

/** Polls `probe` until it gives a value (the view and the server have no event for "data ready"). */
async function waitUntil<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface ViewData {
  grouping: string;
  result: LedgerResult | null;
  roots: vscode.TreeItem[];
}

const ledgerFile = () => path.join(workspaceRoot(), '履约台账.yaml');
const HEADER = '# 区商务局履约台账（手工维护的注释应保留）\n说明: 测试台账\n承诺: []\n';
const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
/** The view's own words in either display language (zh-cn bundle, or the English defaults). */
const has = (labels: string[], zh: string, en: string) => labels.includes(zh) || labels.includes(en);

async function viewData(): Promise<ViewData> {
  await vscode.commands.executeCommand('agreement.ledger.refresh');
  return (await vscode.commands.executeCommand('agreement.ledger.data')) as ViewData;
}

describe('履约台账 view', function () {
  this.timeout(90_000);
  let uri: vscode.Uri;

  before(async () => {
    fs.writeFileSync(ledgerFile(), HEADER);
    ({ doc: { uri } } = await openFixture('ledger.agreement.md'));
  });
  after(async () => {
    await closeAllEditors();
    fs.rmSync(ledgerFile(), { force: true });
  });

  it('the overdue commitments of the agreement are warnings in the Problems panel', async () => {
    const diags = await waitForRule(uri, 'procedure/commitment-overdue');
    const overdue = diags.filter((d) => codeOf(d) === 'procedure/commitment-overdue');
    assert.equal(overdue.length, 2, overdue.map((d) => d.message).join('\n'));
    assert.ok(overdue.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    assert.ok(overdue.some((d) => d.message.includes('2020-06-30')));
  });

  it('lists every commitment with side, amounts and deadline, grouped by agreement with 逾期 and 30 日内到期 groups', async () => {
    const data = await waitUntil(async () => {
      const d = await viewData();
      return d.result && d.result.rows.some((r) => r.file === 'ledger.agreement.md') ? d : undefined;
    }, 'the ledger view to list ledger.agreement.md');
    const rows = data.result!.rows.filter((r) => r.file === 'ledger.agreement.md');
    assert.deepEqual(rows.map((r) => [r.role, r.side]), [['乙方', 'counterparty'], ['甲方', 'government'], ['乙方', 'counterparty'], ['乙方', 'counterparty']]);
    assert.deepEqual(rows[0].amounts, ['2亿元']);
    assert.equal(rows[2].deadline, '签约后30日内');
    assert.equal(rows[2].due, '2020-02-09');
    const labels = data.roots.map(labelOf);
    assert.ok(has(labels, '30 日内到期', 'Due within 30 days'), labels.join(' | '));
    assert.ok(has(labels, '已逾期', 'Overdue'), labels.join(' | '));
    assert.ok(labels.includes('河北区商务局与某某智能科技有限公司项目投资合同'), labels.join(' | '));
    await vscode.commands.executeCommand('agreement.ledger.groupBy', 'side');
    const bySide = ((await vscode.commands.executeCommand('agreement.ledger.data')) as ViewData).roots.map(labelOf);
    assert.ok(has(bySide, '政府方', 'Government side') && has(bySide, '相对方', 'Counterparty'), bySide.join(' | '));
    await vscode.commands.executeCommand('agreement.ledger.groupBy', 'status');
    const byStatus = ((await vscode.commands.executeCommand('agreement.ledger.data')) as ViewData).roots.map(labelOf);
    assert.ok(byStatus.includes('逾期') && byStatus.includes('履行中'), byStatus.join(' | '));
    await vscode.commands.executeCommand('agreement.ledger.groupBy', 'agreement');
  });

  it('clicking a row opens the agreement at the clause', async () => {
    const row = (await viewData()).result!.rows.find((r) => r.text.includes('协调办理项目用地手续'))!;
    await vscode.commands.executeCommand('agreement.ledger.openClause', row);
    const editor = await waitUntil(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === uri.toString() && e.selection.start.line === row.range.start.line ? e : undefined;
    }, 'the clause to be selected');
    assert.equal(editor.document.getText(editor.selection), '甲方负责协调办理项目用地手续，于2020年6月30日前完成。');
  });

  it('changing a status from the view writes 履约台账.yaml, keeps its comments, and clears the overdue warning', async () => {
    const row: LedgerViewRow = (await viewData()).result!.rows.find((r) => r.text.includes('协调办理项目用地手续'))!;
    const done = await vscode.commands.executeCommand('agreement.ledger.setStatus', row, '已兑现');
    assert.equal(done, true);
    const text = fs.readFileSync(ledgerFile(), 'utf8');
    assert.ok(text.startsWith('# 区商务局履约台账（手工维护的注释应保留）\n说明: 测试台账\n'), text);
    assert.ok(text.includes(`- id: ${row.id}\n`), text);
    assert.match(text, /状态: 已兑现/);
    assert.match(text, /协议: ledger\.agreement\.md/);
    await waitUntil(() => {
      const overdue = ours(vscode.languages.getDiagnostics(uri)).filter((d) => codeOf(d) === 'procedure/commitment-overdue');
      return overdue.length === 1 && !overdue[0].message.includes('2020-06-30') ? true : undefined;
    }, 'the kept commitment to leave the Problems panel');
    const after = (await viewData()).result!.rows.find((r) => r.id === row.id)!;
    assert.equal(after.status, '已兑现');
    assert.equal(after.warning, '绿');
  });
});
