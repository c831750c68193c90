import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../../server/src/core';
import { bothLineBreaks, checkFix, FRONT, RULES } from './helpers';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const BODY = ['一、合作原则', '互利共赢。', '二、合作内容', '智能制造。', '三、法律责任', '依法承担责任。', ''].join('\n');
const REST = ['（一）政策保障。……', '（二）人员保障。……', '（三）资金保障。……'].join('\n');

describe('section/missing quick fix: insert the section', () => {
  bothLineBreaks('inserts at the canonical position, numbered, and renumbers later headings', (c) => {
    const text = c(FRONT + BODY.replace('三、法律责任', `三、保障措施\n${REST}\n四、法律责任`));
    const fixed = checkFix(text, { rule: 'section/missing', message: '“重点项目”', title: '插入“重点项目”' });
    const expected = c(
      FRONT +
        ['一、合作原则', '互利共赢。', '二、合作内容', '智能制造。', '三、重点项目', '（一）（项目名称）', '实施主体：……', '资金来源：……', '四、保障措施', REST, '五、法律责任', '依法承担责任。', ''].join('\n'),
    );
    assert.equal(fixed, expected);
  });

  bothLineBreaks('inserts before the first present section when the missing one comes first', (c) => {
    const text = c(FRONT + BODY.replace('一、合作原则\n互利共赢。\n', '').replace('二、合作内容', '一、合作内容').replace('三、法律责任', '二、法律责任'));
    const fixed = checkFix(text, { rule: 'section/missing', message: '“合作原则”', title: '插入“合作原则”' });
    assert.ok(fixed.startsWith(c(`${FRONT}一、合作原则\n（写明双方合作遵循的原则。）\n二、合作内容\n`)), fixed);
    assert.ok(fixed.includes(c('三、法律责任')));
  });

  bothLineBreaks('keeps a blank line between sections when the document uses one', (c) => {
    const text = c(FRONT + ['一、合作原则', '互利共赢。', '', '二、法律责任', '依法承担责任。', ''].join('\n'));
    const fixed = checkFix(text, { rule: 'section/missing', message: '“合作内容”', title: '插入“合作内容”' });
    assert.equal(fixed, c(FRONT + ['一、合作原则', '互利共赢。', '', '二、合作内容', '（写明合作的领域和范围。）', '', '三、法律责任', '依法承担责任。', ''].join('\n')));
  });

  bothLineBreaks('appends at the end of a document without a final line break', (c) => {
    const text = c(FRONT + '一、合作原则\n互利共赢。');
    const fixed = checkFix(text, { rule: 'section/missing', message: '“合作内容”', title: '插入“合作内容”' });
    assert.equal(fixed, c(`${FRONT}一、合作原则\n互利共赢。\n二、合作内容\n（写明合作的领域和范围。）`));
  });

  bothLineBreaks('inserts before the closing formalities (一式几份, signatures), not after them', (c) => {
    const text = c(FRONT + ['一、合作原则', '互利共赢。', '', '本协议一式四份，双方各执两份。', '', '甲方（盖章）：        乙方（盖章）：', ''].join('\n'));
    const fixed = checkFix(text, { rule: 'section/missing', message: '“合作内容”', title: '插入“合作内容”' });
    assert.equal(
      fixed,
      c(FRONT + ['一、合作原则', '互利共赢。', '', '二、合作内容', '（写明合作的领域和范围。）', '', '本协议一式四份，双方各执两份。', '', '甲方（盖章）：        乙方（盖章）：', ''].join('\n')),
    );
  });

  bothLineBreaks('follows the document’s own numbering style (第一条, Markdown)', (c) => {
    const articles = c(FRONT + ['第一条 合作原则', '互利共赢。', '第二条 法律责任', '依法承担责任。', ''].join('\n'));
    const fixed = checkFix(articles, { rule: 'section/missing', message: '“合作内容”', title: '插入“合作内容”' });
    assert.ok(fixed.includes(c('第二条 合作内容\n')) || fixed.includes(c('第二条合作内容\n')), fixed);
    assert.ok(fixed.includes(c('第三条 法律责任')), fixed);
    const markdown = c(FRONT + ['## 合作原则', '互利共赢。', '## 法律责任', '依法承担责任。', ''].join('\n'));
    const fixedMd = checkFix(markdown, { rule: 'section/missing', message: '“合作内容”', title: '插入“合作内容”' });
    assert.ok(fixedMd.includes(c('## 合作原则\n互利共赢。\n## 合作内容\n（写明合作的领域和范围。）\n## 法律责任')), fixedMd);
  });

  it('into an empty body, after the title', () => {
    const fixed = checkFix(FRONT, { rule: 'section/missing', message: '“合作原则”', title: '插入“合作原则”' });
    assert.equal(fixed, `${FRONT}一、合作原则\n（写明双方合作遵循的原则。）\n`);
  });

  it('lists every missing section in one finding, with one insert each and one for all that numbers them all', () => {
    const findings = analyzeText(FRONT + '一、法律责任\n依法承担责任。\n', RULES).filter((f) => f.rule === 'section/missing');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^缺少“合作原则”（或“合作宗旨”）、“合作内容”、“重点项目”、“保障措施”共 4 节。/);
    assert.deepEqual(fixesOf(findings[0]).map((f) => f.title), ['插入“合作原则”一节', '插入“合作内容”一节', '插入“重点项目”一节', '插入“保障措施”一节', '插入全部缺少的 4 节']);
    // Skeleton text is the officer's to write: never applied without review (--fix, on save).
    assert.ok(fixesOf(findings[0]).every((f) => !f.safe));
    const fixed = checkFix(FRONT + '一、法律责任\n依法承担责任。\n', { rule: 'section/missing', title: '插入全部' });
    const headings = fixed.split('\n').filter((l) => /^[一二三四五六七八九十]+、/.test(l));
    assert.deepEqual(headings, ['一、合作原则', '二、合作内容', '三、重点项目', '四、保障措施', '五、法律责任']);
  });

  it('never reports an optional section missing', () => {
    const findings = analyzeText(FRONT, RULES);
    assert.ok(!findings.some((f) => f.message.includes('其他事项')));
  });
});

describe('section inserts as LSP edits', () => {
  it('list an insert before the heading marker it precedes, so clients never see overlapping edits', () => {
    const text = FRONT + ['一、合作原则', '互利共赢。', '二、法律责任', '依法承担责任。', ''].join('\n');
    const finding = analyzeText(text, RULES).find((f) => f.rule === 'section/missing')!;
    for (const fix of fixesOf(finding)) {
      fix.edits.forEach((edit, i) => {
        const next = fix.edits[i + 1];
        if (next) assert.ok(edit.end <= next.start, `${fix.title}: ${JSON.stringify(edit)} then ${JSON.stringify(next)}`);
      });
    }
  });
});
