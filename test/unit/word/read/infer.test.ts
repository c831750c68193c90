import * as assert from 'node:assert/strict';
import { inferCategory, inferDocType, inferFrontMatter, inferParties, inferSigningDate, isoDate } from '../../../../server/src/word/read/infer';

describe('word/read infer', () => {
  it('party lines give 甲方, 乙方, 丙方; 以下简称, 盖章 and blank signature lines are not names', () => {
    assert.deepEqual(
      inferParties(['甲方：天津市河北区人民政府（以下简称“甲方”）', '乙方（受托方）：津港集团有限公司', '丙方: 某区商务局。', '甲方（盖章）：', '丁方：负责协调落实用地。', '戊方名称：某某']),
      { 甲方: '天津市河北区人民政府', 乙方: '津港集团有限公司', 丙方: '某区商务局' },
    );
    assert.deepEqual(inferParties(['甲方（盖章）：__________', '乙方：（写明全称）', '乙方：XX公司']), {});
    assert.deepEqual(inferParties(['甲方名称：某区人民政府', '乙 方（全称）：某集团有限公司']), { 甲方: '某区人民政府', 乙方: '某集团有限公司' });
  });

  it('文种 from the title words', () => {
    assert.equal(inferDocType('某某区人民政府与某某集团战略合作协议'), '协议书');
    assert.equal(inferDocType('工作会商制度议定书'), '议定书');
    assert.equal(inferDocType('合作备忘录（草案）'), '备忘录');
    assert.equal(inferDocType('对口合作实施方案'), '实施方案');
    assert.equal(inferDocType('招商引资合同书'), '合同');
    assert.equal(inferDocType('关于加强合作的通知'), null);
  });

  it('类别 only when the title or the counterparty says it; a company is never guessed', () => {
    assert.equal(inferCategory('某区与某县对口帮扶协议', '协议书', {}), '对口帮扶');
    assert.equal(inferCategory('某市与某省厅市会商议定书', '议定书', {}), '厅市会商');
    assert.equal(inferCategory('科技创新合作协议', '协议书', { 甲方: '天津市河北区人民政府', 乙方: '中华人民共和国商务部' }), '上级部委');
    assert.equal(inferCategory('合作协议', '协议书', { 甲方: '天津市河北区人民政府', 乙方: '国家某某部科技司' }), '上级部委');
    assert.equal(inferCategory('项目合同', '合同', { 甲方: '某区住房和建设委员会', 乙方: '某建设有限公司' }), '政府合同');
    assert.equal(inferCategory('战略合作协议', '协议书', { 甲方: '某区人民政府', 乙方: '中国某某集团有限公司' }), null);
    assert.equal(inferCategory('战略合作协议', '协议书', { 甲方: '某区人民政府', 乙方: '国家电网有限公司' }), null);
    assert.equal(inferCategory('合作协议', '协议书', { 甲方: '某区人民政府', 乙方: '某市人民政府' }), null);
  });

  it('dates: 2026年1月10日 and 二〇二六年一月十日 become 2026-01-10; impossible days do not', () => {
    assert.equal(isoDate('2026年1月10日'), '2026-01-10');
    assert.equal(isoDate('二〇二六年一月十日'), '2026-01-10');
    assert.equal(isoDate('２０２６年１２月３１日'), '2026-12-31');
    assert.equal(isoDate('2026年2月30日'), null);
    assert.equal(isoDate('2026年13月1日'), null);
  });

  it('签署日期 from a labelled line or a date standing alone at the end, never from a clause', () => {
    assert.equal(inferSigningDate(['开工时间：2025年10月1日。', '签订日期：2026年3月5日']), '2026-03-05');
    assert.equal(inferSigningDate(['一、总则', '项目于2025年10月1日开工。', '甲方（盖章）', '乙方（盖章）', '2026年1月10日']), '2026-01-10');
    assert.equal(inferSigningDate(['项目于2025年10月1日开工。', '甲方（盖章）', '乙方（盖章）', '年  月  日']), null);
  });

  it('inferFrontMatter lists only what the text states, in schema order', () => {
    assert.deepEqual(inferFrontMatter({ title: '某区人民政府与某集团有限公司合作备忘录', paragraphs: ['甲方：某区人民政府', '乙方：某集团有限公司', '正文。'] }), {
      文种: '备忘录',
      标题: '某区人民政府与某集团有限公司合作备忘录',
      甲方: '某区人民政府',
      乙方: '某集团有限公司',
    });
    assert.deepEqual(inferFrontMatter({ title: null, paragraphs: ['正文。'] }), {});
  });
});
