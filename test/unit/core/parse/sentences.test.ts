import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../../server/src/core';

const texts = (text: string) => parseDocument(text).sentences.map((s) => s.text);

describe('sentences across hard line breaks', () => {
  it('continues a sentence broken where a PDF page line ended', () => {
    const text = '一、优惠政策\n甲方承诺对乙方缴纳的增值税地方留成部分按照百分之五十的比例\n给予返还，返还期限为五年。\n乙方负责建设。\n';
    assert.deepEqual(texts(text), [
      '一、优惠政策',
      '甲方承诺对乙方缴纳的增值税地方留成部分按照百分之五十的比例\n给予返还，返还期限为五年。',
      '乙方负责建设。',
    ]);
  });

  it('does the same with CRLF and keeps the span on the original text', () => {
    const text = '甲方应当在本协议签订后三十个工作日内协助乙方\r\n办妥项目用地的各项审批手续。\r\n下一句。';
    const doc = parseDocument(text);
    assert.equal(doc.sentences.length, 2);
    const first = doc.sentences[0];
    assert.equal(text.slice(first.span.start, first.span.end), '甲方应当在本协议签订后三十个工作日内协助乙方\r\n办妥项目用地的各项审批手续。');
  });

  it('does not run on into a heading, a list item, a blank line, a label line or past a short line', () => {
    assert.deepEqual(texts('一、合作原则\n坚持互利共赢\n二、合作内容\n'), ['一、合作原则', '坚持互利共赢', '二、合作内容']);
    assert.deepEqual(texts('双方在以下方面开展深入合作\n（一）产业合作\n'), ['双方在以下方面开展深入合作', '（一）产业合作']);
    assert.deepEqual(texts('本协议自双方签字盖章之日起生效\n\n附件清单'), ['本协议自双方签字盖章之日起生效', '附件清单']);
    assert.deepEqual(texts('甲方：某某市人民政府\n乙方：某某集团有限公司\n'), ['甲方：某某市人民政府', '乙方：某某集团有限公司']);
    assert.deepEqual(texts('甲方（盖章）\n乙方（盖章）\n'), ['甲方（盖章）', '乙方（盖章）']);
    assert.deepEqual(texts('甲方：天津市和平区人民政府（盖章）   乙方：某某有限公司（盖章）\n2025年7月11日\n').length, 2);
    assert.deepEqual(texts('| 项目 | 金额 |\n| 甲 | 1 |\n'), ['| 项目 | 金额 |', '| 甲 | 1 |']);
  });

  it('keeps a short line of a narrow column inside the sentence it began in', () => {
    assert.deepEqual(texts('甲方应承担的基础设施建设资金，\n不得要求乙方\n以任何形式先行垫付。\n乙方负责建设。\n'), [
      '甲方应承担的基础设施建设资金，\n不得要求乙方\n以任何形式先行垫付。',
      '乙方负责建设。',
    ]);
    // A short line after a finished sentence is still a title of its own.
    assert.deepEqual(texts('乙方负责建设。\n坚持互利共赢\n双方依法开展合作。\n'), ['乙方负责建设。', '坚持互利共赢', '双方依法开展合作。']);
  });

  it('does not join the line after one that ends in punctuation and a closing quote', () => {
    assert.ok(texts('双方同意“依法纳税。”\n乙方依法经营。\n').includes('乙方依法经营。'));
    assert.ok(texts('双方约定（详见附件。）\n乙方依法经营。\n').includes('乙方依法经营。'));
  });
});

describe('list items and their lead-in', () => {
  it('gives every sentence of every item the lead-in that ends in ：', () => {
    const text = '三、支持政策\n乙方年纳税额达到一千万元的，甲方给予以下支持：\n（一）按地方留成部分的50%给予奖励；\n（二）优先安排项目用地。\n\n（三）协调办理相关手续。\n四、其他\n本协议一式两份。\n';
    const doc = parseDocument(text);
    const lead = doc.sentences.find((s) => s.text.endsWith('以下支持：'))!;
    const items = doc.sentences.filter((s) => s.text.startsWith('（'));
    assert.equal(items.length, 3);
    for (const item of items) assert.equal(item.leadIn, lead, item.text);
    assert.equal(doc.sentences.find((s) => s.text === '本协议一式两份。')!.leadIn, undefined);
    assert.equal(doc.sentences.find((s) => s.text === '四、其他')!.leadIn, undefined);
    assert.equal(lead.leadIn, undefined);
  });

  it('links nested lists to their own lead-in, which carries the outer one', () => {
    const text = '符合下列条件的，给予奖励：\n1. 投资条件：\n（1）固定资产投资不低于一亿元；\n（2）三年内建成投产。\n2. 纳税条件。\n';
    const doc = parseDocument(text);
    const outer = doc.sentences[0];
    const inner = doc.sentences.find((s) => s.text === '1. 投资条件：')!;
    assert.equal(inner.leadIn, outer);
    assert.equal(doc.sentences.find((s) => s.text.startsWith('（1）'))!.leadIn, inner);
    assert.equal(doc.sentences.find((s) => s.text.startsWith('（2）'))!.leadIn, inner);
    assert.equal(doc.sentences.find((s) => s.text.startsWith('2.'))!.leadIn, outer);
  });

  it('does not take an ordinary sentence, or a colon before prose, for a lead-in', () => {
    const doc = parseDocument('双方约定如下：\n本协议自签字之日起生效。\n（一）产业合作\n');
    assert.ok(doc.sentences.every((s) => s.leadIn === undefined));
  });

  it('links items that follow the lead-in on its own line, up to the end of the list sentence', () => {
    const doc = parseDocument('乙方达到下列条件的，甲方给予奖励：（一）年纳税额超过一千万元；（二）三年内建成投产。本协议另有约定的除外。\n');
    const [lead, first, second, after] = doc.sentences;
    assert.equal(lead.text, '乙方达到下列条件的，甲方给予奖励：');
    assert.equal(first.leadIn, lead);
    assert.equal(second.leadIn, lead);
    assert.equal(after.text, '本协议另有约定的除外。');
    assert.equal(after.leadIn, undefined);
  });
});
