import * as assert from 'node:assert/strict';
import { analyzeText, applyEdits } from '../../../../server/src/core';
import { bothLineBreaks, checkFix, FRONT, RULES } from './helpers';

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
    assert.ok(finding.fixes!.length >= 7);
    const fixed = checkFix(text, { rule: 'schema/enum', title: '改为“议定书”' });
    assert.equal(fixed, text.replace('文种: 协议', '文种: 议定书'));
  });

  bothLineBreaks('replaces an empty enum value without touching the key', (c) => {
    const text = c(FRONT.replace('类别: 企业集团', '类别:') + BODY);
    const finding = analyzeText(text, RULES).find((f) => f.rule === 'schema/empty');
    assert.ok(finding, 'an empty 类别 is reported');
    // Says it is empty, not “应为文字”; offers the rule set's categories.
    assert.match(finding.message, /^类别 未填写/);
    assert.ok(finding.fixes?.some((f) => f.title === '填写“企业集团”'));
    for (const fix of finding.fixes ?? []) {
      const fixed = applyEdits(text, fix.edits);
      assert.ok(fixed.includes(c('\n类别: ')), `fix “${fix.title}” broke the key:\n${fixed}`);
    }
  });

  bothLineBreaks('inserts a front matter template into a document without one', (c) => {
    const text = c(BODY);
    const fixed = checkFix(text, { rule: 'schema/front-matter' });
    assert.ok(fixed.endsWith(c(`---\n${BODY}`)), fixed);
  });
});
