import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../../server/src/core/parse';
import { extractCommitments } from '../../../../server/src/core/ledger/extract';

const FRONT = '---\n文种: 合同\n类别: 政府合同\n标题: 测试招商合同\n甲方: 天津市河北区商务局\n乙方: 某某科技有限公司\n牵头单位: 区商务局\n签署日期: 2026-03-01\n有效期: 5年\n---\n# 测试招商合同\n\n';
const extract = (body: string, front = FRONT) => extractCommitments(parseDocument(`${front}${body}`));

describe('ledger: commitment extraction', () => {
  it('finds one row per party and side, with amounts, a deadline resolved against 签署日期 and the clause number', () => {
    const rows = extract('二、权利义务\n甲方负责协调办理项目用地手续，乙方应当于签约后30日内完成公司注册，注册资本不低于5000万元。\n');
    assert.equal(rows.length, 2);
    const [gov, company] = rows;
    assert.equal(gov.role, '甲方');
    assert.equal(gov.side, 'government');
    assert.equal(gov.party, '天津市河北区商务局');
    assert.equal(gov.clause, '二');
    assert.equal(company.side, 'counterparty');
    assert.deepEqual(company.amounts, ['5000万元']);
    assert.deepEqual(company.deadline, { relative: '签约后30日内' });
    assert.equal(company.due, '2026-03-31');
    assert.equal(company.text, '乙方应当于签约后30日内完成公司注册，注册资本不低于5000万元');
  });

  it('reads absolute dates (2026年6月30日, 2026-06-30, 2026年底) as dates', () => {
    const rows = extract('一、合作内容\n甲方于2026年6月30日前完成土地挂牌出让。\n乙方于2027-01-15前开工建设。\n乙方力争2027年底前竣工投产。\n');
    assert.deepEqual(rows.map((r) => r.deadline), [{ date: '2026-06-30' }, { date: '2027-01-15' }, { date: '2027-12-31' }]);
  });

  it('keeps a deadline counted from another event relative, without inventing a date', () => {
    const [row] = extract('一、建设进度\n乙方在取得不动产权证书后六个月内开工建设。\n');
    assert.deepEqual(row.deadline, { relative: '取得不动产权证书后六个月内' });
    assert.equal(row.due, null);
  });

  it('attaches a leading condition to the commitment it governs', () => {
    const [row] = extract('一、扶持政策\n乙方年纳税额超过五千万元的，甲方给予一次性奖励一千万元。\n');
    assert.equal(row.role, '甲方');
    assert.equal(row.condition, '乙方年纳税额超过五千万元的');
    assert.deepEqual(row.amounts, ['一千万元']);
  });

  it('leaves out rights, descriptions, joint statements and disclaimers', () => {
    const rows = extract('一、合作内容\n甲方有权对乙方服务质量进行抽查。\n双方建立定期会商机制。\n乙方享有优先承租权。\n甲方不对乙方的融资承担担保责任。\n乙方是一家高新技术企业。\n');
    assert.deepEqual(rows.map((r) => r.text), []);
  });

  it('keeps negative promises that are undertakings (不以政府换届为由违约)', () => {
    const rows = extract('三、违约责任\n甲方不以政府换届、领导人员更替等理由不履行本合同。\n');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].side, 'government');
  });

  it('takes parties from the body when the front matter lacks them, and their 以下简称', () => {
    const front = '---\n文种: 实施方案\n类别: 对口合作\n甲方: 天津市河北区人民政府\n乙方: 吉林省长春市二道区人民政府\n牵头单位: 区合作交流办\n---\n# 计划\n\n';
    const body = '丙方：某某镇人民政府\n\n为推动天津市河北区（以下简称“河北区”）与吉林省长春市二道区（以下简称“二道区”）合作，制定本计划。\n\n一、重点任务\n河北区选派业务骨干2名赴二道区开展指导交流。\n二道区规划预留不少于100亩工业用地。\n丙方负责完成地上附着物清理。\n';
    const rows = extract(body, front);
    assert.deepEqual(rows.map((r) => [r.role, r.side]), [['甲方', 'government'], ['乙方', 'counterparty'], ['丙方', 'counterparty']]);
    assert.deepEqual(rows[1].amounts, ['100亩']);
  });

  it('splits two dated promises of one party in one sentence', () => {
    const rows = extract('一、建设进度\n乙方在取得土地后六个月内开工建设，开工后18个月内竣工投产。\n');
    assert.deepEqual(rows.map((r) => r.deadline), [{ relative: '取得土地后六个月内' }, { relative: '开工后18个月内' }]);
  });

  it('gives a commitment the range of its words, inside the document', () => {
    const text = `${FRONT}一、合作内容\n甲方负责协调用地。\n`;
    const doc = parseDocument(text);
    const [row] = extractCommitments(doc);
    assert.equal(text.slice(row.span.start, row.span.end), '甲方负责协调用地。');
    assert.equal(row.range.start.line, doc.lines.positionAt(row.span.start).line);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '---\n---\n', '一、\n，，，；；；', '甲方'.repeat(10000), '一、内容\n甲方负责（（（（““”，乙方；']) assert.ok(Array.isArray(extractCommitments(parseDocument(text))));
  });

  it('a long document re-read after an edit gives the commitments a first reading gives (sentences are remembered across readings)', () => {
    const clauses = ['甲方负责协调办理项目用地手续。', '乙方应当于签约后30日内完成公司注册，注册资本不低于5000万元。', '乙方承诺', '在2027年底前竣工投产。', '双方共同推进项目建设。'];
    const body = (n: number) => Array.from({ length: n }, (_, i) => `（${i + 1}）${clauses[i % clauses.length]}`).join('\n');
    const long = `一、权利义务\n${body(600)}\n二、乙方的义务\n${body(200)}\n`;
    const edited = `一、权利义务\n甲方负责组织验收。\n${long.slice('一、权利义务\n'.length)}`;
    const other = FRONT.replace('某某科技有限公司', '某某实业有限公司');
    // Reading a document with other parties starts the memory afresh: this reading of `edited` is a first one.
    extract(long, other);
    const first = extract(edited);
    assert.ok(first.length > 200, `${first.length} commitments`);
    extract(long, other);
    extract(long);
    // Now every sentence of `edited` but one is remembered, at other offsets.
    assert.deepEqual(extract(edited), first);
    assert.deepEqual(extract(edited), first);
  });

  it('datedOnly gives exactly the dated commitments, in order, without ids (what the overdue check reads)', () => {
    const text = `${FRONT}二、权利义务\n甲方负责协调办理项目用地手续，乙方应当于签约后30日内完成公司注册。\n乙方于2027-01-15前开工建设。\n乙方在取得不动产权证书后六个月内开工建设。\n甲方于2026年6月30日前完成土地挂牌出让。\n`;
    const all = extractCommitments(parseDocument(text));
    const dated = extractCommitments(parseDocument(text), { datedOnly: true });
    assert.deepEqual(dated.map((c) => c.due), ['2026-03-31', '2027-01-15', '2026-06-30']);
    assert.deepEqual(dated, all.filter((c) => c.due).map((c) => ({ ...c, id: '' })));
  });
});

