import * as assert from 'node:assert/strict';
import { evaluateSentence } from '../../../../server/src/core/checks/clauses';
import { buildRuleSet } from '../../../../server/src/core/pack/ruleSet';
import type { RulePack } from '../../../../server/src/core/pack/types';
import { identifyParties } from '../../../../server/src/core/parties';

/** A pack of its own, so these tests pin the model's semantics and not the built-in word lists. */
const PACK: RulePack = {
  id: 'test/clause-model',
  title: '条款模型测试',
  regulations: [{ id: 'r', docNumber: '', title: '测试规定', issuer: '测试', date: '2025', provisions: { 一: '不得返还税收。' } }],
  concepts: [
    { name: '利益', terms: ['返还', '奖励', '补贴'] },
    { name: '税基', terms: ['纳税…额', '地方留成'] },
  ],
  clauses: [
    {
      id: 'clause/test-rebate',
      severity: 'error',
      title: '返还',
      message: '返还。',
      advice: '删除。',
      pattern: { slots: [{ role: 'basis', concept: '税基' }, { role: 'benefit', concept: '利益' }], head: 'benefit', unless: ['依法享受', '国家有关规定', '依法缴纳', '依照…规定', '以地方留成为限'] },
      citation: { regulation: 'r', article: '一' },
      examples: { bad: ['x'], good: ['y'] },
    },
    {
      id: 'clause/test-build',
      severity: 'error',
      title: '承建',
      message: '承建。',
      advice: '招标。',
      pattern: { slots: [{ role: 'award', terms: ['由{对方}承建'] }] },
      citation: { regulation: 'r', article: '一' },
      examples: { bad: ['x'], good: ['y'] },
    },
    {
      id: 'clause/test-guarantee',
      severity: 'error',
      title: '担保',
      message: '担保。',
      advice: '删除。',
      pattern: { slots: [{ role: 'guarantee', terms: ['担保'] }], actor: 'government' },
      citation: { regulation: 'r', article: '一' },
      examples: { bad: ['x'], good: ['y'] },
    },
    {
      id: 'clause/test-share',
      severity: 'error',
      title: '持股',
      message: '持股。',
      advice: '删除。',
      pattern: { slots: [{ role: 'share', terms: ['占……股份'] }] },
      citation: { regulation: 'r', article: '一' },
      examples: { bad: ['x'], good: ['y'] },
    },
    {
      id: 'clause/test-sole',
      severity: 'error',
      title: '独家',
      message: '独家。',
      advice: '删除。',
      pattern: { slots: [{ role: 'sole', terms: ['仅由{对方}', '不足部分由{政府方}'] }], actor: 'government' },
      citation: { regulation: 'r', article: '一' },
      examples: { bad: ['x'], good: ['y'] },
    },
    {
      id: 'clause/test-condition',
      severity: 'error',
      title: '条件',
      message: '条件。',
      advice: '删除。',
      pattern: { slots: [{ role: 'tie', terms: ['迁入'] }, { role: 'condition', terms: ['方可'] }], within: 'sentence' },
      citation: { regulation: 'r', article: '一' },
      examples: { bad: ['x'], good: ['y'] },
    },
    {
      id: 'clause/test-advance',
      severity: 'error',
      title: '垫付',
      message: '垫付。',
      advice: '删除。',
      pattern: { slots: [{ role: 'advance', terms: ['{对方}…垫付'] }] },
      citation: { regulation: 'r', article: '一' },
      examples: { bad: ['x'], good: ['y'] },
    },
    {
      id: 'clause/test-objection',
      severity: 'error',
      title: '异议',
      message: '异议。',
      advice: '删除。',
      pattern: { slots: [{ role: 'power', terms: ['{对方}…不得…异议'] }] },
      citation: { regulation: 'r', article: '一' },
      examples: { bad: ['x'], good: ['y'] },
    },
  ],
};
const rules = buildRuleSet([PACK]);
const parties = identifyParties({ 甲方: '某某区人民政府', 乙方: '某某科技有限公司', 丙方: '某某建设集团有限公司' });
const context = { rules, parties };
const hits = (text: string, leadIn?: string) => evaluateSentence(context, text, undefined, leadIn);
const ids = (text: string, leadIn?: string) => hits(text, leadIn).map((h) => h.clause.rule.id);
const covered = (text: string, leadIn?: string) => hits(text, leadIn).map((h) => text.slice(h.start, h.end));

describe('clause model: matching', () => {
  it('finds a term with a gap (纳税…额 finds 纳税金额) and two slots across the clauses of a sentence', () => {
    assert.deepEqual(ids('乙方年度纳税金额的百分之十，由甲方予以返还。'), ['clause/test-rebate']);
  });

  it('a gap … spans at most ten characters, a long gap …… the rest of the comma-clause', () => {
    assert.deepEqual(ids('乙方年度纳税达到一千万元以上部分的金额，甲方予以返还。'), []);
    assert.deepEqual(ids('甲方占合资公司百分之三十一的股份。'), ['clause/test-share']);
    assert.deepEqual(ids('甲方占合资公司注册资本，股份由乙方持有。'), []);
  });

  it('a negation governs the slot it precedes: 不以…纳税额 cancels the basis; 不返还 cancels the benefit', () => {
    assert.deepEqual(ids('甲方不以乙方纳税额为依据给予奖励。'), []);
    assert.deepEqual(ids('乙方的地方留成，甲方不返还。'), []);
    assert.deepEqual(ids('乙方的地方留成，甲方按比例返还。'), ['clause/test-rebate']);
  });

  it('a 否则 clause states a consequence: its negation does not cancel the rule', () => {
    assert.deepEqual(ids('乙方纳税额达到一千万元，否则不予奖励。'), ['clause/test-rebate']);
    assert.deepEqual(ids('乙方纳税额达到一千万元的，甲方不予奖励。'), []);
  });

  it('quotation marks for emphasis count; a cited rule does not', () => {
    assert.deepEqual(ids('甲方对乙方地方留成实行“返还”。'), ['clause/test-rebate']);
    assert.deepEqual(ids('文件规定“不得以纳税额为依据给予返还”。'), []);
  });

  it('unless words make the sentence compliant', () => {
    assert.deepEqual(ids('乙方依法享受国家规定的纳税额返还政策。'), []);
  });

  it('a negation inside a modifier ends with it: 不能兑付的部分由甲方… is the government acting', () => {
    assert.deepEqual(ids('乙方不能偿还的部分由甲方提供担保。'), ['clause/test-guarantee']);
    assert.deepEqual(ids('乙方不能按期还款时由甲方提供担保。'), ['clause/test-guarantee']);
    // The negation governs the act itself: 不为乙方的融资, 不对乙方的债务.
    assert.deepEqual(ids('甲方不为乙方的融资提供担保。'), []);
    assert.deepEqual(ids('甲方不对乙方的债务提供担保。'), []);
    assert.deepEqual(ids('甲方不得为乙方的贷款提供担保。'), []);
    assert.deepEqual(ids('甲方不得在乙方违约时由甲方提供担保。'), []);
  });

  it('lawful wording clears the clause it stands in, not another clause with its own subject', () => {
    assert.deepEqual(ids('乙方依法缴纳税款，甲方按其纳税额的一半给予奖励。'), ['clause/test-rebate']);
    // The company's lawful benefit before the promise does not make the government's further reward lawful.
    assert.deepEqual(ids('乙方依法享受税收返还，甲方另按其纳税额的一半给予奖励。'), ['clause/test-rebate']);
    assert.deepEqual(ids('乙方纳税额达到一千万元的，由甲方依照国家有关规定给予奖励。'), []);
  });

  it('lawful wording governs the sentence from a lead-in frame, a trailer, a proviso and the main clause after a condition', () => {
    assert.deepEqual(ids('按照国家有关规定，甲方按乙方纳税额给予奖励。'), []);
    assert.deepEqual(ids('甲方按乙方纳税额给予奖励，具体按国家有关规定执行。'), []);
    assert.deepEqual(ids('甲方按乙方纳税额给予奖励，但乙方依法享受的除外。'), []);
    assert.deepEqual(ids('乙方多缴纳税额申请返还的，由税务机关依照税收征收管理法的规定办理。'), []);
  });

  it('a denied limit does not exempt: 不以……为限 is no limit', () => {
    assert.deepEqual(ids('甲方按乙方纳税额给予奖励，奖励以地方留成为限。'), []);
    assert.deepEqual(ids('甲方按乙方纳税额给予奖励，奖励不以地方留成为限。'), ['clause/test-rebate']);
  });

  it('a limit by the state’s rules after the promise clears it, whatever the rule’s own exemptions', () => {
    assert.deepEqual(ids('甲方按乙方纳税额给予奖励，上述奖励以国家和省统一政策为限。'), []);
    assert.deepEqual(ids('甲方按乙方纳税额给予奖励，奖励资金按季度拨付。'), ['clause/test-rebate']);
  });

  it('除依法……外 sets the lawful part aside: the rest of the sentence is read', () => {
    assert.deepEqual(ids('甲方除依法缴纳外，另按乙方纳税额给予奖励。'), ['clause/test-rebate']);
  });

  it('reads text in traditional characters and maps the finding back to the original', () => {
    const text = '乙方納稅額的百分之十，由甲方予以返還。';
    assert.deepEqual(ids(text), ['clause/test-rebate']);
    assert.equal(covered(text)[0], '納稅額的百分之十，由甲方予以返還');
  });

  it('reads a list item with its lead-in: the basis in the lead-in, the benefit in the item', () => {
    const leadIn = '乙方缴纳的地方留成按以下方式处理：';
    assert.deepEqual(ids('（一）由甲方全额返还；', leadIn), ['clause/test-rebate']);
    assert.deepEqual(covered('（一）由甲方全额返还；', leadIn), ['返还']);
    // The lead-in alone is not an item: a rule whose head is in the lead-in is not reported again on every item.
    assert.deepEqual(ids('（二）报送统计报表；', '乙方的地方留成由甲方返还，具体如下：'), []);
  });

  it('a term may name a party concept: {对方} is any counterparty of the document, by letter or name', () => {
    assert.deepEqual(ids('道路工程由丙方承建。'), ['clause/test-build']);
    assert.deepEqual(ids('道路工程由某某建设集团有限公司承建。'), ['clause/test-build']);
    assert.deepEqual(ids('道路工程由甲方承建。'), []);
  });

  it('the acting party is read for the head slot', () => {
    assert.deepEqual(ids('甲方为乙方的贷款提供担保。'), ['clause/test-guarantee']);
    assert.deepEqual(ids('乙方向甲方提供履约担保。'), []);
  });

  it('仅由乙方 inside the head names the one chosen, not the actor; 由甲方 inside it still names the actor', () => {
    assert.deepEqual(ids('甲方同意本县矿泉水资源仅由乙方一家开发。'), ['clause/test-sole']);
    assert.deepEqual(ids('乙方同意原料仅由丙方供应。'), []);
    assert.deepEqual(ids('乙方保证年利润一千万元，不足部分由甲方补贴。'), ['clause/test-sole']);
  });

  it('a word does not start inside a party’s label and run past it: 乙方可 holds no 方可', () => {
    assert.deepEqual(ids('乙方可自主决定是否迁入本区。'), []);
    assert.deepEqual(ids('乙方迁入本区后方可享受奖励。'), ['clause/test-condition']);
  });

  it('a negation in a term’s gap denies it (乙方不承担任何垫付); a term that spells its negation keeps it', () => {
    assert.deepEqual(ids('工程款由甲方支付，乙方不承担任何垫付义务。'), []);
    assert.deepEqual(ids('工程款由乙方先行垫付。'), ['clause/test-advance']);
    assert.deepEqual(ids('乙方对认定结果不得提出异议。'), ['clause/test-objection']);
  });

  it('one finding per rule and sentence, however often the words repeat', () => {
    assert.equal(hits('甲方为乙方提供担保，并为丙方提供担保，再为丁方提供担保。').length, 1);
  });

  it('a pathological sentence stays linear (one million units, the head word everywhere)', function () {
    this.timeout(60_000);
    // Compared with a tenth of the same text, so that a loaded machine does not fail it:
    // linear work gives a ratio near 10, quadratic work near 100.
    const time = (repeats: number) => {
      const started = process.hrtime.bigint();
      hits('甲方提供担保'.repeat(repeats));
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    time(17_000);
    const small = Math.max(time(17_000), 1);
    const large = time(170_000);
    assert.ok(large / small < 35, `a tenth took ${small.toFixed(0)} ms, the whole ${large.toFixed(0)} ms`);
    assert.ok(large < 30_000, `took ${large.toFixed(0)} ms`);
  });
});
