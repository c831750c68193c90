import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../../server/src/core/parse';
import { extractCommitments } from '../../../../server/src/core/ledger/extract';
import { mergeLedger } from '../../../../server/src/core/ledger/merge';
import type { LedgerEntry } from '../../../../server/src/core/ledger/types';

const DOC = '---\n标题: 测试协议\n甲方: 天津市河北区人民政府\n乙方: 某某集团有限公司\n签署日期: 2026-01-01\n---\n# 测试协议\n\n一、合作内容\n甲方负责协调用地。\n乙方于2026年6月30日前竣工投产。\n乙方于2027年6月30日前完成上市辅导备案。\n';
const rows = (text: string) => extractCommitments(parseDocument(text)).map((c) => ({ ...c, file: '测试.agreement.md' }));

describe('ledger: merging extracted commitments with the ledger file', () => {
  const first = rows(DOC);
  const [land, build, listing] = first;

  it('new commitments appear as 未到期 (a future deadline) or 履行中 (none), past deadlines as 逾期 in red', () => {
    const { rows: merged } = mergeLedger(first, [], '2026-07-15');
    assert.deepEqual(merged.map((r) => [r.status, r.effectiveStatus, r.warning]), [
      ['履行中', '履行中', '绿'],
      ['履行中', '逾期', '红'],
      ['未到期', '未到期', '绿'],
    ]);
    assert.equal(merged[1].daysLeft, -15);
  });

  it('keeps the recorded statuses across a re-extraction after an edit, and a kept commitment is never overdue', () => {
    const entries: LedgerEntry[] = [
      { id: build.id, 状态: '已兑现', 证据: '竣工验收备案' },
      { id: land.id, 状态: '部分兑现' },
    ];
    const edited = DOC.replace('一、合作内容\n', '一、合作原则\n坚持互利。\n\n二、合作内容\n');
    const { rows: merged, orphans } = mergeLedger(rows(edited), entries, '2026-07-15');
    assert.deepEqual(orphans, []);
    const byText = (w: string) => merged.find((r) => r.text.includes(w))!;
    assert.equal(byText('竣工投产').status, '已兑现');
    assert.equal(byText('竣工投产').overdue, false);
    assert.equal(byText('竣工投产').warning, '绿');
    assert.equal(byText('协调用地').status, '部分兑现');
    assert.equal(byText('协调用地').warning, '黄');
  });

  it('reports a row whose commitment disappeared as orphaned, never drops it', () => {
    const entries: LedgerEntry[] = [{ id: listing.id, 状态: '履行中', 协议: '测试.agreement.md', 承诺方: '乙方', 承诺内容: '' }];
    const { rows: merged, orphans } = mergeLedger(rows(DOC.replace('乙方于2027年6月30日前完成上市辅导备案。\n', '')), entries, '2026-07-15');
    assert.equal(merged.length, 2);
    assert.equal(orphans.length, 1);
    assert.equal(orphans[0].entry.id, listing.id);
    assert.match(orphans[0].reason, /找不到/);
  });

  it('finds the row of a reworded promise by its recorded words (same file, same party)', () => {
    const entries: LedgerEntry[] = [{ id: listing.id, 状态: '履行中', 协议: '测试.agreement.md', 承诺方: '乙方（某某集团有限公司）', 承诺内容: listing.text, 责任人: '王某' }];
    const { rows: merged, orphans } = mergeLedger(rows(DOC.replace('完成上市辅导备案', '完成上市辅导备案工作')), entries, '2026-07-15');
    assert.deepEqual(orphans, []);
    const row = merged.find((r) => r.text.includes('上市辅导'))!;
    assert.equal(row.previousId, listing.id);
    assert.equal(row.entry?.责任人, '王某');
  });

  it('a row of an agreement outside the checked files is orphaned with that reason', () => {
    const { orphans } = mergeLedger(first, [{ id: 'CN-ZZZZZZZZZZ', 状态: '履行中', 协议: '别的.agreement.md' }], '2026-07-15', new Set(['测试.agreement.md']));
    assert.match(orphans[0].reason, /不在本次检查范围内/);
  });

  it('yellow when due within 30 days', () => {
    const { rows: merged } = mergeLedger(first, [], '2026-06-10');
    assert.equal(merged[1].warning, '黄');
  });
});
