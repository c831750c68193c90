import * as assert from 'node:assert/strict';
import { compileClauseModel, featureRows, judge, judgeBeside, probabilitiesOf, riskOf, type ClauseModel, type ClauseModelData } from '../../../../../server/src/core/clause/model/classifier';
import { gramKeys, modelSymbols, modelText } from '../../../../../server/src/core/clause/model/features';
import { TOY_MENTIONS, toyModelData } from './toyModel';

const compiled = (data: ClauseModelData): ClauseModel => {
  const { model, problems } = compileClauseModel(data);
  assert.deepEqual(problems, []);
  return model!;
};

const probabilities = (model: ClauseModel, sentence: string) => {
  const { units, length } = modelSymbols(sentence, TOY_MENTIONS);
  return probabilitiesOf(model, featureRows(model, units, length));
};

/** The same probabilities computed the slow, obvious way from the file's content. */
function reference(data: ClauseModelData, sentence: string): number[] {
  const K = data.classes.length;
  const bytes = Buffer.from(data.weights, 'base64');
  const row = new Map<string, number[]>();
  const at = (r: number) => Array.from({ length: K }, (_, k) => (bytes.readInt8(r * K + k)) * data.scale);
  [...data.unigrams].forEach((u, i) => row.set(u, at(i)));
  for (let i = 0; i < data.bigrams.length; i += 2) row.set(data.bigrams.slice(i, i + 2), at(data.unigrams.length + i / 2));
  [...data.negated].forEach((u, i) => row.set(`¬${u}`, at(data.unigrams.length + data.bigrams.length / 2 + i)));
  const text = modelText(sentence, TOY_MENTIONS);
  // Under 不得, to the end of the comma-clause, a character is a feature of its own instead of its unigram.
  const scope = /不得([^,;:!?。；：！？，]*)/.exec(text);
  const from = scope ? scope.index + 2 : Infinity;
  const to = scope ? from + scope[1].length : -1;
  const unigram = (c: string, i: number) => (i >= from && i < to ? `¬${c}` : c);
  const grams = ['\u0002' + (text[0] ?? ''), ...[...text].map((c, i) => [unigram(c, i), text.slice(i, i + 2).length === 2 ? text.slice(i, i + 2) : c + '\u0003']).flat()];
  assert.equal(grams.length, gramKeys(text).length);
  const z = data.bias.map((b, k) => b + grams.reduce((sum, g) => sum + (row.get(g)?.[k] ?? 0), 0) / Math.sqrt(grams.length));
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

describe('the clause model', () => {
  const data = toyModelData();
  const model = compiled(data);
  const allowAll = () => true;
  const verdict = (sentence: string, allowed: (f: string) => boolean = allowAll) => judge(model, probabilities(model, sentence), allowed);

  it('names the family of a risky sentence it was not trained on', () => {
    assert.equal(verdict('甲方将乙方所缴税收的六成返还乙方')?.family, 'clause/tax-rebate');
    assert.equal(verdict('甲方保证不再引进同类企业')?.family, 'clause/exclusive');
  });

  it('says nothing on an ordinary clause', () => {
    assert.equal(verdict('双方加强沟通，按期完成项目建设'), undefined);
  });

  it('says nothing when the family is not allowed (its rule is off or does not apply)', () => {
    assert.equal(verdict('甲方将乙方所缴税收的六成返还乙方', (f) => f !== 'clause/tax-rebate'), undefined);
  });

  it('beside the rules: names the family they did not name by its share of the risk, when it is sure there is one', () => {
    const classes = ['none', 'clause/open-ended-reward', 'clause/case-by-case-policy', 'clause/tax-rebate'];
    const three = { ...model, classes, threshold: 0.75 };
    const notReward = (f: string) => f !== 'clause/open-ended-reward';
    const beside = (p: number[]) => judgeBeside(three, Float64Array.from(p), notReward, 0.4);
    // The rules named open-ended reward; the model splits the risk between it and case-by-case policy.
    assert.deepEqual(beside([0.02, 0.55, 0.42, 0.01]), { family: 'clause/case-by-case-policy', probability: 0.42 });
    assert.equal(beside([0.02, 0.8, 0.15, 0.03]), undefined, 'a small share is not a second risk');
    assert.equal(beside([0.4, 0.05, 0.5, 0.05]), undefined, 'not sure enough that there is a risk');
    assert.equal(judgeBeside(three, Float64Array.from([0.02, 0.55, 0.42, 0.01]), (f) => f === 'clause/tax-rebate', 0.4), undefined, 'only an allowed family');
  });

  it('computes what the stored weights say, feature by feature', () => {
    for (const sentence of ['甲方将乙方所缴税收返还乙方。', '乙方依法纳税', '園區內獨家經營', '按1,200万元支付', '甲方不得将税收返还乙方，乙方依法纳税']) {
      const fast = Array.from(probabilities(model, sentence));
      reference(data, sentence).forEach((p, k) => assert.ok(Math.abs(p - fast[k]) < 1e-9, `${sentence} class ${k}: ${p} vs ${fast[k]}`));
    }
  });

  it('gates: an ordinary sentence has a low probability of risk, a risky one a high one', () => {
    const risk = (s: string) => {
      const { units, length } = modelSymbols(s, TOY_MENTIONS);
      return riskOf(model, featureRows(model, units, length));
    };
    assert.ok(risk('甲方将乙方所缴税收返还乙方') > 0.5);
    assert.ok(risk('本协议一式四份') < 0.5);
  });

  it('refuses a malformed model file with a message, never a throw', () => {
    const bad: Array<[unknown, RegExp]> = [
      [null, /不是一个对象/],
      [{ ...data, format: 2 }, /format/],
      [{ ...data, classes: ['clause/x', 'none'] }, /classes/],
      [{ ...data, bias: [1] }, /bias/],
      [{ ...data, threshold: 2 }, /threshold/],
      [{ ...data, bigrams: 'abc' }, /bigrams/],
      [{ ...data, negated: undefined }, /negated/],
      [{ ...data, scale: -1 }, /scale/],
      [{ ...data, weights: '***' }, /weights/],
      [{ ...data, weights: Buffer.from([1, 2, 3]).toString('base64') }, /weights/],
      [{ ...data, gate: { ...data.gate, weights: 'AAAA' } }, /gate/],
      [{ ...data, gate: null }, /gate/],
    ];
    for (const [input, message] of bad) {
      const result = compileClauseModel(input);
      assert.equal(result.model, undefined, JSON.stringify(input)?.slice(0, 60));
      assert.match(result.problems.join(' '), message);
    }
  });
});
