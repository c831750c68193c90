import * as assert from 'node:assert/strict';
import { readLedger } from '../../../../server/src/core/ledger/ledgerFile';
import { addLedgerEntries, setLedgerStatus } from '../../../../server/src/core/ledger/ledgerEdit';

const LEDGER = `# 区商务局履约台账（手工维护，请勿删除注释）
说明: 2026年度
承诺:
  # 用地
  - id: CN-AAAAAAAAAA
    协议: 招商/甲.agreement.md
    状态: 履行中   # 等待规划许可
    责任单位: 区规划局

  - id: CN-BBBBBBBBBB
    状态: 已兑现
    证据: "付款凭证 2026-03-02"
`;

describe('ledger: the 履约台账.yaml file', () => {
  it('reads rows, each with the span of its item', () => {
    const file = readLedger(LEDGER);
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.entries.map((e) => [e.id, e.状态]), [['CN-AAAAAAAAAA', '履行中'], ['CN-BBBBBBBBBB', '已兑现']]);
    assert.ok(LEDGER.slice(file.spans[0].start).startsWith('id: CN-AAAAAAAAAA'));
  });

  it('reports schema problems in Chinese on the offending key', () => {
    const text = '承诺:\n  - id: CN-AAAAAAAAAA\n    状态: 完成了\n    到期日期: 2026/06/30\n    负责人: 张三\n  - 状态: 履行中\n';
    const { problems } = readLedger(text);
    const messages = problems.map((p) => p.message);
    assert.ok(messages.some((m) => m.includes('第 1 条承诺的“状态”') && m.includes('未到期、履行中、已兑现')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('“到期日期”') && m.includes('YYYY-MM-DD')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('不认识的键“负责人”')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('第 2 条承诺') && m.includes('缺少“id”')), messages.join('\n'));
    const status = problems.find((p) => p.message.includes('“状态”'))!;
    assert.equal(text.slice(status.span.start, status.span.end), '状态');
  });

  it('reports a duplicate id and keeps the first row', () => {
    const file = readLedger('承诺:\n  - id: CN-AAAAAAAAAA\n    状态: 已兑现\n  - id: CN-AAAAAAAAAA\n    状态: 逾期\n');
    assert.equal(file.entries.length, 1);
    assert.equal(file.entries[0].状态, '已兑现');
    assert.ok(file.problems.some((p) => p.message.includes('重复')));
  });

  it('refuses broken YAML, bombs and binary junk with a message, never throws', () => {
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    for (const text of ['承诺: [\n', '['.repeat(5000), bomb, '\u0000\u0001\uFFFD'.repeat(1000), '? [a]\n: b\n', '- 1\n- 2\n']) {
      const file = readLedger(text);
      assert.ok(file.problems.length > 0, `no problem for ${JSON.stringify(text.slice(0, 20))}`);
      assert.ok(file.problems.every((p) => /[\u4e00-\u9fff]/.test(p.message)));
    }
    assert.ok(readLedger('x'.repeat(5 * 1024 * 1024)).problems[0].message.includes('过大'));
  });

  it('sets a status without touching comments, blank lines or other rows', () => {
    const result = setLedgerStatus(LEDGER, 'CN-BBBBBBBBBB', '已销号', '2026-04-01');
    assert.ok(result.ok);
    const text = result.ok ? result.text : '';
    assert.ok(text.startsWith('# 区商务局履约台账（手工维护，请勿删除注释）\n'));
    assert.ok(text.includes('  # 用地\n'));
    assert.ok(text.includes('状态: 履行中 # 等待规划许可') || text.includes('状态: 履行中   # 等待规划许可'), text);
    assert.ok(text.includes('证据: "付款凭证 2026-03-02"'), text);
    const file = readLedger(text);
    assert.deepEqual(file.problems, []);
    assert.equal(file.entries[1].状态, '已销号');
    assert.equal(file.entries[1].销号日期, '2026-04-01');
  });

  it('appends a row for a commitment the file does not list, and creates the file when empty', () => {
    const added = setLedgerStatus(LEDGER, 'CN-CCCCCCCCCC', '已兑现', null, { 协议: '乙.agreement.md', 承诺方: '甲方' });
    assert.ok(added.ok);
    const file = readLedger(added.ok ? added.text : '');
    assert.deepEqual(file.entries.map((e) => e.id), ['CN-AAAAAAAAAA', 'CN-BBBBBBBBBB', 'CN-CCCCCCCCCC']);
    assert.equal(file.entries[2].协议, '乙.agreement.md');
    const fresh = addLedgerEntries('', [{ id: 'CN-DDDDDDDDDD', 状态: '未到期', 到期日期: '2027-01-01' }]);
    assert.ok(fresh.ok);
    assert.ok(fresh.ok && fresh.text.startsWith('# yaml-language-server'));
    assert.deepEqual(readLedger(fresh.ok ? fresh.text : '').problems, []);
  });

  it('refuses to write into a file that does not parse (no text lost)', () => {
    const result = setLedgerStatus('承诺: [\n', 'CN-AAAAAAAAAA', '已兑现', null);
    assert.equal(result.ok, false);
  });
});
