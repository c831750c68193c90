import * as assert from 'node:assert/strict';
import { analyzeText, buildRuleSet } from '../../../../server/src/core';
import { bothLineBreaks, checkFix, FRONT, TEST_PACK } from './helpers';

const lines = (...l: string[]) => l.join('\n');
const HEAD = lines('一、合作原则', '互利共赢。', '二、合作内容', '智能制造。');
const PROJECTS = lines('三、重点项目', '（一）产业园项目', '实施主体：某某公司。', '资金来源：自有资金。');

describe('element/missing quick fix: insert the element in its section', () => {
  bothLineBreaks('adds a numbered item after the last item', (c) => {
    const text = c(FRONT + lines(HEAD, PROJECTS, '四、保障措施', '（一）政策保障。甲方落实政策。', '（二）人员保障。双方指定专人。', '五、法律责任', '依法承担责任。', ''));
    const fixed = checkFix(text, { rule: 'element/missing', message: '资金保障' });
    assert.equal(fixed, text.replace(c('双方指定专人。\n'), c('双方指定专人。\n（三）资金保障。……\n')));
  });

  bothLineBreaks('numbers the first item （一） in a section without items, then （二）', (c) => {
    const text = c(FRONT + lines(HEAD, PROJECTS, '四、保障措施', '双方加强协作。', '', '五、法律责任', '依法承担责任。', ''));
    const once = checkFix(text, { rule: 'element/missing', message: '政策保障' });
    assert.equal(once, text.replace(c('双方加强协作。\n'), c('双方加强协作。\n（一）政策保障。……\n')));
    const twice = checkFix(once, { rule: 'element/missing', message: '人员保障' });
    assert.ok(twice.includes(c('（一）政策保障。……\n（二）人员保障。……\n\n五、法律责任')), twice);
  });

  bothLineBreaks('adds a label line inside the project item that lacks it', (c) => {
    const text = c(FRONT + lines(HEAD, '三、重点项目', '（一）产业园项目', '实施主体：某某公司。', '（二）物流园项目', '实施主体：某某物流公司。', '资金来源：银行贷款。', '四、法律责任', '依法承担责任。', ''));
    const fixed = checkFix(text, { rule: 'element/missing', message: '产业园项目' });
    assert.equal(fixed, text.replace(c('实施主体：某某公司。\n'), c('实施主体：某某公司。\n资金来源：……\n')));
  });

  bothLineBreaks('inserts in the last section before the closing formalities', (c) => {
    const text = c(FRONT + lines(HEAD, PROJECTS, '四、法律责任', '依法承担责任。', '五、保障措施', '（一）政策保障。……', '（二）人员保障。……', '', '本协议一式四份，双方各执两份。', ''));
    const fixed = checkFix(text, { rule: 'element/missing', message: '资金保障' });
    assert.ok(fixed.endsWith(c('（二）人员保障。……\n（三）资金保障。……\n\n本协议一式四份，双方各执两份。\n')), fixed);
  });

  bothLineBreaks('inserts at the end of a file without a final line break', (c) => {
    const text = c(FRONT + lines(HEAD, PROJECTS, '四、保障措施', '（一）政策保障。甲方落实政策。', '（二）人员保障。双方指定专人。'));
    const fixed = checkFix(text, { rule: 'element/missing', message: '资金保障' });
    assert.equal(fixed, `${text}${c('\n（三）资金保障。……')}`);
  });

  it('a section with only placeholders is reported once as not yet written, not element by element', () => {
    const text = FRONT + lines(HEAD, PROJECTS, '四、保障措施', '（一）政策保障。……', '（二）人员保障。……', '五、法律责任', '依法承担责任。', '');
    const findings = analyzeText(text, buildRuleSet([TEST_PACK]));
    assert.deepEqual(findings.filter((f) => f.rule === 'element/missing'), []);
    assert.deepEqual(findings.filter((f) => f.rule === 'section/missing').map((f) => f.message), ['“保障措施”一节尚未填写，只有占位内容。请写明保障措施的实际内容。']);
    assert.equal(findings.filter((f) => f.rule === 'format/placeholder').length, 2);
  });

  it('an element named only as a label before a placeholder is not written yet', () => {
    const text = FRONT + lines(HEAD, '三、重点项目', '（一）产业园项目', '实施主体：某某公司。', '资金来源：……', '四、保障措施', '（一）政策保障。甲方落实政策。', '（二）人员保障。双方指定专人。', '（三）资金保障。区财政安排专项资金。', '五、法律责任', '依法承担责任。', '');
    const findings = analyzeText(text, buildRuleSet([TEST_PACK]));
    assert.deepEqual(findings.filter((f) => f.rule === 'element/missing').map((f) => f.message), ['“重点项目”中的“产业园项目”中的“资金来源”尚未填写，只有占位内容。请写明资金来源的具体内容。']);
    assert.ok(findings.some((f) => f.rule === 'format/placeholder' && f.message.startsWith('“……”')));
  });

  it('names the element when the pack skeleton does not, so the fix is never offered twice', () => {
    const pack = structuredClone(TEST_PACK);
    const guarantees = pack.categories![0].sections.find((s) => s.name === '保障措施')!;
    guarantees.elements = [{ name: '资金保障', skeleton: '经费：……', citation: guarantees.citation }];
    const rules = buildRuleSet([pack]);
    const text = FRONT + lines(HEAD, PROJECTS, '四、保障措施', '（一）政策保障。甲方落实政策。', '五、法律责任', '依法承担责任。', '');
    const fixed = checkFix(text, { rule: 'element/missing', message: '资金保障' }, rules);
    assert.ok(fixed.includes('（二）资金保障：经费：……') || fixed.includes('（二）资金保障。经费：……'), fixed);
    assert.equal(analyzeText(fixed, rules).filter((f) => f.rule === 'element/missing').length, 0);
  });
});
