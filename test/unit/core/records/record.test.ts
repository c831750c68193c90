import * as assert from 'node:assert/strict';
import { readRecord } from '../../../../server/src/core/records/record';

describe('procedure records in the front matter', () => {
  it('a sentence, true or a map is a record; its date is read', () => {
    assert.deepEqual(readRecord('区司法局2026-01-05出具意见：未发现法律风险'), { kind: 'given', text: '区司法局2026-01-05出具意见：未发现法律风险', date: '2026-01-05' });
    assert.equal(readRecord(true).kind, 'given');
    assert.deepEqual(readRecord({ 日期: '2026年1月5日', 单位: '区司法局', 结论: '同意' }), { kind: 'given', text: '2026年1月5日，区司法局，同意', date: '2026-01-05' });
  });

  it('“无”, “未开展…”, false or a negative conclusion says the step was not taken', () => {
    for (const value of ['无', '暂无', '未开展风险评估', '尚未征求意见', '—', false]) assert.equal(readRecord(value).kind, 'negative', String(value));
    assert.equal(readRecord({ 结论: '未开展' }).kind, 'negative');
    for (const plan of ['拟于2026年2月开展风险评估', '计划召开专家论证会', '待区司法局审查']) assert.equal(readRecord(plan).kind, 'negative', plan);
  });

  it('a finding of no risk and 不适用 with a reason are records, not negatives', () => {
    assert.equal(readRecord('无法律风险').kind, 'given');
    assert.equal(readRecord('不适用：合同不涉及公众切身利益').kind, 'given');
  });

  it('absent, empty and 待填写 are missing', () => {
    for (const value of [undefined, null, '', '  ', '（待填写）', '待定', {}]) assert.equal(readRecord(value).kind, 'missing', JSON.stringify(value));
  });
});
