import * as assert from 'node:assert/strict';
import { analyzeText, applyEdits } from '../../../../server/src/core';
import { bothLineBreaks, checkFix, FRONT, RULES } from './helpers';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const BODY = '一、合作原则\n互利共赢。\n';

describe('schema/* quick fixes', () => {
  bothLineBreaks('adds a missing required key with a placeholder that passes the schema', (c) => {
    const text = c(FRONT.replace('牵头单位: 区商务局\n', '') + BODY);
    const fixed = checkFix(text, { rule: 'schema/required', message: '牵头单位' });
    assert.equal(fixed, c(FRONT.replace('牵头单位: 区商务局\n', '').replace('签署日期: 2025-06-30\n', '签署日期: 2025-06-30\n牵头单位: （牵头单位名称）\n') + BODY));
  });

  bothLineBreaks('replaces an invalid enum value, one action per allowed value', (c) => {
    const text = c(FRONT.replace('文种: 协议书', '文种: 协议') + BODY);
    const finding = analyzeText(text, RULES).find((f) => f.rule === 'schema/enum')!;
    assert.ok(fixesOf(finding).length >= 7);
    const fixed = checkFix(text, { rule: 'schema/enum', title: '改为“议定书”' });
    assert.equal(fixed, text.replace('文种: 协议', '文种: 议定书'));
  });

  bothLineBreaks('replaces an empty enum value without touching the key', (c) => {
    const text = c(FRONT.replace('类别: 企业集团', '类别:') + BODY);
    const finding = analyzeText(text, RULES).find((f) => f.rule === 'schema/empty');
    assert.ok(finding, 'an empty 类别 is reported');
    // Says it is empty, not “应为文字”; offers the rule set's categories.
    assert.match(finding.message, /^类别 未填写/);
    assert.ok(fixesOf(finding).some((f) => f.title === '填写“企业集团”'));
    for (const fix of fixesOf(finding)) {
      const fixed = applyEdits(text, fix.edits);
      assert.ok(fixed.includes(c('\n类别: ')), `fix “${fix.title}” broke the key:\n${fixed}`);
    }
  });

  bothLineBreaks('inserts a front matter template into a document without one', (c) => {
    const text = c(BODY);
    const fixed = checkFix(text, { rule: 'schema/front-matter' });
    assert.ok(fixed.endsWith(c(`---\n${BODY}`)), fixed);
  });

  bothLineBreaks('offers first, and prefers, the allowed value nearest to what was written (阶段: 签署 → 已签署)', (c) => {
    const text = c(FRONT.replace('签署日期: 2025-06-30', '签署日期: 2025-06-30\n阶段: 签署') + BODY);
    const finding = analyzeText(text, RULES).find((f) => f.rule === 'schema/enum');
    assert.ok(finding);
    assert.equal(fixesOf(finding)[0].title, '改为“已签署”');
    assert.equal(fixesOf(finding).filter((f) => f.preferred).map((f) => f.title).join(), '改为“已签署”');
    assert.equal(checkFix(text, { rule: 'schema/enum' }), text.replace('阶段: 签署', '阶段: 已签署'));
  });

  bothLineBreaks('rewrites the officer’s own date written as 2026/1/10 in an accepted shape, never another day', (c) => {
    const text = c(FRONT.replace('签署日期: 2025-06-30', '签署日期: 2026/1/10') + BODY);
    const finding = analyzeText(text, RULES).find((f) => f.rule === 'schema/format');
    assert.ok(finding);
    assert.deepEqual(fixesOf(finding).map((f) => f.title), ['改为“2026年1月10日”', '改为“2026-01-10”']);
    assert.equal(checkFix(text, { rule: 'schema/format' }), text.replace('2026/1/10', '2026年1月10日'));
    assert.equal(checkFix(text, { rule: 'schema/format', title: '2026-01-10' }), text.replace('2026/1/10', '2026-01-10'));
    // Not a day of the calendar: no rewrite is offered.
    const bad = c(FRONT.replace('签署日期: 2025-06-30', '签署日期: 2026/2/30') + BODY);
    assert.deepEqual(fixesOf(analyzeText(bad, RULES).find((f) => f.rule === 'schema/format')!), []);
  });
});
