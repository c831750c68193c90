import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ledger } from '../../../../server/src/core';
import { ledgerCompletion, ledgerDiagnostics, ledgerHover } from '../../../../server/src/features/ledger/ledgerFile';
import { loadPacks } from '../../../../server/src/packs/loadPacks';

const AGREEMENT = '---\n标题: 测试协议\n甲方: 天津市河北区人民政府\n乙方: 某某集团有限公司\n签署日期: 2026-01-01\n---\n# 测试协议\n\n一、合作内容\n甲方负责协调用地。\n乙方于2026年6月30日前竣工投产。\n';
const report = (entries: ledger.LedgerEntry[]) => ledger.buildLedgerReport([{ file: '测试.agreement.md', text: AGREEMENT }], entries, '2026-07-15', loadPacks().ruleSet);
const [land, build] = report([]).rows;

function at(text: string, marker: string): { doc: TextDocument; position: { line: number; character: number } } {
  const offset = text.indexOf(marker) + marker.length;
  const doc = TextDocument.create('file:///w/履约台账.yaml', 'yaml', 1, text);
  return { doc, position: doc.positionAt(offset) };
}

describe('ledger file in the editor', () => {
  it('completes the statuses after 状态:, with their meaning', () => {
    const text = `承诺:\n  - id: ${land.id}\n    状态: `;
    const { doc, position } = at(text, '状态: ');
    const items = ledgerCompletion(doc, position, report([]), ledger.readLedger(text));
    assert.deepEqual(items.map((i) => i.label), ['未到期', '履行中', '已兑现', '部分兑现', '未兑现', '逾期', '已销号']);
  });

  it('completes the ids not yet recorded, inserting the row’s agreement, party and words', () => {
    const text = `承诺:\n  - id: ${land.id}\n    状态: 已兑现\n  - id: `;
    const { doc, position } = at(text, '  - id: ');
    const r = report(ledger.readLedger(text).entries);
    const items = ledgerCompletion(doc, position, r, ledger.readLedger(text));
    assert.deepEqual(items.map((i) => i.label), [build.id]);
    assert.match(String(items[0].insertText), /协议: 测试\.agreement\.md\n {4}承诺方: 乙方（某某集团有限公司）/);
  });

  it('completes the keys of a row', () => {
    const text = `承诺:\n  - id: ${land.id}\n    `;
    const { doc, position } = at(text, `${land.id}\n    `);
    const labels = ledgerCompletion(doc, position, null, ledger.readLedger(text)).map((i) => i.label);
    assert.ok(['状态', '证据', '责任单位', '责任人', '销号日期'].every((k) => labels.includes(k)));
  });

  it('hovers an id with its commitment, and a key with its meaning', () => {
    const text = `承诺:\n  - id: ${build.id}\n    责任单位: 区工信局\n`;
    const hover = ledgerHover(at(text, 'id: CN').doc, at(text, 'id: CN').position, report([]), ledger.readLedger(text));
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /乙方于2026年6月30日前竣工投产/);
    assert.match(value, /逾期/);
    const key = ledgerHover(at(text, '    责任').doc, at(text, '    责任').position, null, ledger.readLedger(text));
    assert.match((key?.contents as { value: string }).value, /负责落实该承诺的单位/);
  });

  it('diagnoses schema problems on the key and orphaned rows', () => {
    const text = `承诺:\n  - id: ${land.id}\n    状态: 办完了\n  - id: CN-ZZZZZZZZZZ\n    协议: 测试.agreement.md\n    状态: 履行中\n`;
    const doc = TextDocument.create('file:///w/履约台账.yaml', 'yaml', 1, text);
    const parsed = ledger.readLedger(text);
    const diags = ledgerDiagnostics(doc, parsed, report(parsed.entries));
    const schema = diags.find((d) => d.code === 'ledger/schema')!;
    assert.equal(doc.getText(schema.range), '状态');
    const orphan = diags.find((d) => d.code === 'ledger/orphaned')!;
    assert.equal(orphan.range.start.line, 3);
    assert.match(String(orphan.message), /孤立记录/);
  });
});
