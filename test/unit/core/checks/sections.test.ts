import * as assert from 'node:assert/strict';
import { applyEdits, analyzeText } from '../../../../server/src/core';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { check, FRONT, rulesOf, TEST_RULES } from '../../helpers';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const COMPLETE = '# 测试协议\n一、合作原则（宗旨）\n互利共赢。\n二、重点项目\n（一）产业园项目\n实施主体：某公司。资金来源：自有资金。\n三、法律责任\n明确双方权利义务。\n';

describe('section checks', () => {
  it('finds nothing in a complete document', () => {
    assert.deepEqual(rulesOf(check(COMPLETE)), []);
  });

  it('reports a missing section on the title, naming it and citing the provision', () => {
    const findings = check('# 测试协议\n一、合作原则\n互利共赢。\n二、法律责任\n明确双方权利义务。\n');
    const missing = findings.filter((f) => f.rule === 'section/missing');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /缺少“重点项目”/);
    assert.equal(missing[0].range.start.line, 9);
    assert.equal(missing[0].citation?.docNumber, '测政〔2025〕1号');
    assert.equal(missing[0].citation?.article, '二(四)');
  });

  it('accepts an alias in parentheses: 合作宗旨 satisfies 合作原则', () => {
    const findings = check(COMPLETE.replace('合作原则（宗旨）', '合作宗旨'));
    assert.deepEqual(rulesOf(findings), []);
  });

  it('inserts a missing section at its canonical place and renumbers later headings', () => {
    const text = `${FRONT}\n# 测试协议\n一、合作原则\n互利共赢。\n二、法律责任\n明确双方权利义务。\n`;
    const finding = analyzeText(text, TEST_RULES).find((f) => f.rule === 'section/missing')!;
    const fixed = applyEdits(text, fixesOf(finding)[0].edits);
    // The pack's skeleton, then the elements it must name that the skeleton does not (see sectionBody).
    assert.match(fixed, /一、合作原则\n互利共赢。\n二、重点项目\n写明重点项目。\n实施主体：……\n资金来源：……\n三、法律责任\n/);
    assert.deepEqual(rulesOf(analyzeText(fixed, TEST_RULES).filter((f) => f.rule.startsWith('section/'))), []);
  });

  it('reports sections out of the canonical order and moves them back', () => {
    const text = `${FRONT}\n# 测试协议\n一、法律责任\n明确。\n二、合作原则\n互利。\n三、重点项目\n（一）甲项目\n实施主体：甲。资金来源：乙。\n`;
    const order = analyzeText(text, TEST_RULES).filter((f) => f.rule === 'section/order');
    assert.equal(order.length, 1);
    assert.match(order[0].message, /“法律责任”应位于“重点项目”之后/);
    const fixed = applyEdits(text, fixesOf(order[0])[0].edits);
    assert.match(fixed, /一、合作原则\n互利。\n二、重点项目\n（一）甲项目\n实施主体：甲。资金来源：乙。\n三、法律责任\n明确。\n$/);
  });

  it('reports gaps and repeats in numbering and renumbers', () => {
    const text = `${FRONT}\n${COMPLETE.replace('三、法律责任', '四、法律责任')}`;
    const numbering = analyzeText(text, TEST_RULES).filter((f) => f.rule === 'section/numbering');
    assert.equal(numbering.length, 1);
    assert.match(numbering[0].message, /应为第3项，实为“四、”/);
    const fixed = applyEdits(text, fixesOf(numbering[0])[0].edits);
    assert.ok(fixed.includes('三、法律责任'));
  });

  it('reports each project item that does not name its elements, and the element insert fixes it', () => {
    const text = `${FRONT}\n${COMPLETE.replace('实施主体：某公司。资金来源：自有资金。', '实施主体：某公司。')}`;
    const elements = analyzeText(text, TEST_RULES).filter((f) => f.rule === 'element/missing');
    assert.equal(elements.length, 1);
    assert.match(elements[0].message, /“重点项目”中的“产业园项目”未写明“资金来源”/);
    const fixed = applyEdits(text, fixesOf(elements[0])[0].edits);
    assert.ok(fixed.includes('实施主体：某公司。\n资金来源：……\n三、法律责任'), fixed);
    // The label is in; its value is the officer's to write, and flagged until then.
    assert.deepEqual(rulesOf(analyzeText(fixed, TEST_RULES)), ['element/missing', 'format/placeholder']);
    assert.match(analyzeText(fixed, TEST_RULES)[0].message, /“资金来源”尚未填写/);
  });

  it('keeps CRLF line endings in inserted text', () => {
    const text = `${FRONT}\n# 测试协议\n一、合作原则\n互利共赢。\n二、法律责任\n明确。\n`.replace(/\n/g, '\r\n');
    const finding = analyzeText(text, TEST_RULES).find((f) => f.rule === 'section/missing')!;
    const fixed = applyEdits(text, fixesOf(finding)[0].edits);
    assert.equal(/(^|[^\r])\n/.test(fixed), false);
  });
});

describe('article numbering across chapters', () => {
  it('accepts 第X条 numbered on across 第X章, and still reports a gap', () => {
    const rules = loadPacks().ruleSet;
    const head = '---\n文种: 协议书\n类别: 其他\n---\n# 某某协议\n';
    const continuous = `${head}第一章 总则\n第一条 目的\n第二条 原则\n第二章 合作\n第三条 内容\n第四条 机制\n`;
    assert.deepEqual(analyzeText(continuous, rules).filter((f) => f.rule === 'section/numbering'), []);
    const restarting = `${head}第一章 总则\n第一条 目的\n第二章 合作\n第一条 内容\n`;
    assert.deepEqual(analyzeText(restarting, rules).filter((f) => f.rule === 'section/numbering'), []);
    const gap = `${head}第一章 总则\n第一条 目的\n第二条 原则\n第二章 合作\n第三条 内容\n第五条 机制\n`;
    const found = analyzeText(gap, rules).filter((f) => f.rule === 'section/numbering');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /应为第4项，实为“第五条”/);
    assert.deepEqual(fixesOf(found[0]), []);
  });
});
