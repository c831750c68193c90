import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../../server/src/core/parse';
import { extractCommitments } from '../../../../server/src/core/ledger/extract';
import { commitmentId, commitmentIds } from '../../../../server/src/core/ledger/id';

const DOC = '---\n标题: 测试协议\n甲方: 天津市河北区人民政府\n乙方: 某某集团有限公司\n签署日期: 2026-01-01\n---\n# 测试协议\n\n一、合作内容\n甲方负责协调用地。\n乙方于2026年12月31日前竣工投产。\n\n二、保障措施\n甲方提供政务服务保障。\n';

describe('ledger: stable commitment ids', () => {
  it('survive an edit elsewhere: a new clause, renumbering, blank lines, another clause reworded', () => {
    const before = extractCommitments(parseDocument(DOC));
    const edited = DOC.replace('一、合作内容\n', '一、合作原则\n坚持互利共赢。\n\n二、合作内容\n\n')
      .replace('二、保障措施', '三、保障措施')
      .replace('甲方负责协调用地。', '甲方负责协调办理用地手续。');
    const after = extractCommitments(parseDocument(edited));
    const id = (rows: typeof before, words: string) => rows.find((r) => r.text.includes(words))?.id;
    assert.equal(id(after, '竣工投产'), id(before, '竣工投产'));
    assert.equal(id(after, '政务服务保障'), id(before, '政务服务保障'));
    assert.notEqual(id(after, '协调办理用地手续'), id(before, '协调用地'));
  });

  it('depend on the agreement, the party and the words, not on punctuation or full-width digits', () => {
    assert.equal(commitmentId('甲协议', '乙方', '乙方于2026年完成。'), commitmentId('甲协议', '乙方', '乙方于２０２６年完成'));
    assert.notEqual(commitmentId('甲协议', '乙方', '完成'), commitmentId('乙协议', '乙方', '完成'));
    assert.notEqual(commitmentId('甲协议', '甲方', '完成'), commitmentId('甲协议', '乙方', '完成'));
    assert.match(commitmentId('x', 'y', 'z'), /^CN-[0-9A-Z]{10}$/);
  });

  it('number identical promises of one party in document order', () => {
    const ids = commitmentIds('协议', [{ role: '乙方', text: '按月报送' }, { role: '乙方', text: '按月报送' }, { role: '甲方', text: '按月报送' }]);
    assert.equal(ids[1], `${ids[0]}-2`);
    assert.equal(new Set(ids).size, 3);
  });
});
