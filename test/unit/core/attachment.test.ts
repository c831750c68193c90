import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../server/src/core';
import { TEST_RULES } from '../helpers';

const FRONT = ['---', '文种: 协议书', '类别: 企业集团', '标题: 某区人民政府与某集团有限公司合作协议', '甲方: 某区人民政府', '乙方: 某集团有限公司', '牵头单位: 区商务局', '签署日期: 2026年1月10日', '---'].join('\n');
const NOTICE = [
  '关于印发《某区人民政府与某集团有限公司合作协议》的通知',
  '',
  '各有关单位：',
  '现将《某区人民政府与某集团有限公司合作协议》印发给你们，请……认真贯彻落实。该集团是本区唯一合作的独家企业。',
  '',
  '附件：某区人民政府与某集团有限公司合作协议',
  '',
  '某区人民政府办公室',
  '2026年1月12日',
  '',
  '附件',
  '',
  '某区人民政府与某集团有限公司合作协议',
  '',
  '一、合作原则',
  '互利共赢。',
  '二、法律责任',
  '乙方享有独家合作权。',
  '',
].join('\n');

describe('a notice carrying the agreement as 附件', () => {
  const text = `${FRONT}\n${NOTICE}`;
  const findings = analyzeText(text, TEST_RULES);
  const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

  it('is recognised, and says so on the notice’s title', () => {
    const note = findings.find((f) => f.rule === 'format/attachment');
    assert.ok(note);
    assert.equal(note.range.start.line, lineOf('关于印发'));
  });

  it('checks the agreement in the attachment, at its own lines', () => {
    const exclusive = findings.filter((f) => f.rule === 'clause/exclusive');
    assert.deepEqual(exclusive.map((f) => f.range.start.line), [lineOf('乙方享有独家合作权')]);
    assert.ok(findings.some((f) => f.rule === 'section/missing' && f.message.includes('“重点项目”')));
  });

  it('does not check the notice: its words and blanks raise nothing', () => {
    const noticeEnd = lineOf('某区人民政府办公室');
    assert.deepEqual(findings.filter((f) => f.rule !== 'format/attachment' && f.range.start.line <= noticeEnd).map((f) => `${f.rule} ${f.message}`), []);
  });

  it('a plain agreement is not taken for a notice', () => {
    const plain = `${FRONT}\n某区人民政府与某集团有限公司合作协议\n一、合作原则\n互利共赢。\n附件：项目清单\n`;
    assert.ok(!analyzeText(plain, TEST_RULES).some((f) => f.rule === 'format/attachment'));
  });
});
