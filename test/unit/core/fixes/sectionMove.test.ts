import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../../server/src/core';
import { bothLineBreaks, checkFix, FRONT, RULES } from './helpers';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const lines = (...l: string[]) => l.join('\n');
const GUARANTEES = lines('四、保障措施', '（一）政策保障。……', '（二）人员保障。……', '（三）资金保障。……');

describe('section/order quick fix: move the section', () => {
  bothLineBreaks('moves a section with its body and sub-items to its place and renumbers', (c) => {
    const text = c(FRONT + lines('一、合作原则', '互利共赢。', GUARANTEES.replace('四、', '二、'), '三、合作内容', '智能制造。', '四、法律责任', '依法承担责任。', ''));
    const finding = analyzeText(text, RULES).find((f) => f.rule === 'section/order');
    assert.ok(finding);
    const fixed = checkFix(text, { rule: 'section/order' });
    assert.equal(fixed, c(FRONT + lines('一、合作原则', '互利共赢。', '二、合作内容', '智能制造。', '三、保障措施', '（一）政策保障。……', '（二）人员保障。……', '（三）资金保障。……', '四、法律责任', '依法承担责任。', '')));
  });

  bothLineBreaks('moves the last section, which has no final line break, and keeps the file without one', (c) => {
    const text = c(FRONT + lines('一、合作内容', '智能制造。', '二、法律责任', '依法承担责任。', '三、合作原则', '互利共赢。'));
    const fixed = checkFix(text, { rule: 'section/order' });
    assert.equal(fixed, c(FRONT + lines('一、合作原则', '互利共赢。', '二、合作内容', '智能制造。', '三、法律责任', '依法承担责任。')));
  });

  bothLineBreaks('moves a section to the end of a file without a final line break', (c) => {
    const text = c(FRONT + lines('一、法律责任', '依法承担责任。', '二、合作原则', '互利共赢。', '三、合作内容', '智能制造。'));
    const fixed = checkFix(text, { rule: 'section/order' });
    assert.equal(fixed, c(FRONT + lines('一、合作原则', '互利共赢。', '二、合作内容', '智能制造。', '三、法律责任', '依法承担责任。')));
  });

  bothLineBreaks('keeps the closing formalities last', (c) => {
    const text = c(FRONT + lines('一、法律责任', '依法承担责任。', '二、合作原则', '互利共赢。', '三、合作内容', '智能制造。', '本协议一式四份，双方各执两份。', ''));
    const fixed = checkFix(text, { rule: 'section/order' });
    assert.equal(fixed, c(FRONT + lines('一、合作原则', '互利共赢。', '二、合作内容', '智能制造。', '三、法律责任', '依法承担责任。', '本协议一式四份，双方各执两份。', '')));
  });

  bothLineBreaks('keeps blank lines between sections', (c) => {
    const text = c(FRONT + lines('一、合作内容', '智能制造。', '', '二、合作原则', '互利共赢。', '', '三、法律责任', '依法承担责任。', ''));
    const fixed = checkFix(text, { rule: 'section/order' });
    assert.equal(fixed, c(FRONT + lines('一、合作原则', '互利共赢。', '', '二、合作内容', '智能制造。', '', '三、法律责任', '依法承担责任。', '')));
  });

  bothLineBreaks('moves the last of blank-separated sections to the front, blank lines and all', (c) => {
    const text = c(FRONT + lines('一、合作内容', '智能制造。', '', '二、法律责任', '依法承担责任。', '', '三、合作原则', '互利共赢。', ''));
    const fixed = checkFix(text, { rule: 'section/order' });
    assert.equal(fixed, c(FRONT + lines('一、合作原则', '互利共赢。', '', '二、合作内容', '智能制造。', '', '三、法律责任', '依法承担责任。', '')));
  });

  it('offers no move for a nested section', () => {
    const text = FRONT + lines('一、总则', '（一）合作内容', '智能制造。', '（二）合作原则', '互利共赢。', '');
    for (const f of analyzeText(text, RULES).filter((x) => x.rule === 'section/order')) assert.equal(fixesOf(f).length, 0);
  });
});
