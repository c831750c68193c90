import * as assert from 'node:assert/strict';
import { analyzeText, applyEdits, parseDocument } from '../../../../server/src/core';
import { frontMatterFromBody } from '../../../../server/src/core/authoring/frontMatterFromBody';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const { ruleSet } = loadPacks();

/** A plain draft typed from scratch: no front matter, the facts are in the body. */
const DRAFT = [
  '天津市河北区人民政府与华信智造科技有限公司战略合作协议',
  '',
  '甲方：天津市河北区人民政府',
  '乙方：华信智造科技有限公司',
  '',
  '一、合作原则',
  '双方坚持平等互利、优势互补。',
  '',
  '二、合作内容',
  '双方在智能制造领域开展合作。',
  '',
  '甲方（盖章）：天津市河北区人民政府',
  '乙方（盖章）：华信智造科技有限公司',
  '2026年1月10日',
  '',
].join('\n');

describe('front matter from the body: what the draft says, nothing guessed', () => {
  it('takes the title, the 文种, the parties, the signing date and the counterparty’s kind', () => {
    assert.deepEqual(frontMatterFromBody(parseDocument(DRAFT)), {
      标题: '天津市河北区人民政府与华信智造科技有限公司战略合作协议',
      文种: '协议书',
      甲方: '天津市河北区人民政府',
      乙方: '华信智造科技有限公司',
      签署日期: '2026年1月10日',
      乙方性质: '企业',
    });
  });

  it('says nothing it cannot read: no date, no party names from blanks', () => {
    const found = frontMatterFromBody(parseDocument('一、合作原则\n互利。\n\n甲方：________\n乙方：（乙方全称）\n'));
    assert.deepEqual(found, {});
  });

  it('the front-matter fix writes those values, placeholders for the rest, and no category or date of its own', () => {
    const finding = analyzeText(DRAFT, ruleSet).find((f) => f.rule === 'schema/front-matter');
    assert.ok(finding);
    const fix = fixesOf(finding)[0];
    assert.equal(fix.safe, false, 'an editor action the officer chooses, not --fix');
    const fixed = applyEdits(DRAFT, fix.edits);
    const head = fixed.slice(0, fixed.indexOf('---', 3));
    assert.match(head, /\n标题: 天津市河北区人民政府与华信智造科技有限公司战略合作协议\n/);
    assert.match(head, /\n甲方: 天津市河北区人民政府\n乙方: 华信智造科技有限公司\n乙方性质: 企业\n/);
    assert.match(head, /\n签署日期: 2026年1月10日\n/);
    assert.match(head, /\n类别: （选择类别）\n/);
    assert.match(head, /\n牵头单位: （牵头单位名称）\n/);
    assert.ok(!/20\d\d-\d\d-\d\d/.test(head), 'no date the draft does not give');
    const after = analyzeText(fixed, ruleSet);
    // The gaps left are findings: the category and the lead unit are placeholders.
    const gaps = after.filter((f) => f.rule === 'format/placeholder').map((f) => fixed.slice(f.span.start, f.span.end));
    assert.deepEqual(gaps, ['（选择类别）', '（牵头单位名称）']);
  });

  it('without a date in the body, 签署日期 is 待定 and the stage is 起草', () => {
    const draft = DRAFT.replace('2026年1月10日\n', '');
    const fixed = applyEdits(draft, fixesOf(analyzeText(draft, ruleSet).find((f) => f.rule === 'schema/front-matter')!)[0].edits);
    assert.match(fixed, /\n签署日期: 待定\n阶段: 起草\n---\n/);
  });
});
