import * as assert from 'node:assert/strict';
import { DEFAULT_TRAINING, trainClauseModel } from '../../../../../server/src/core/clause/model/train';
import { toyExamples, toyModelData } from './toyModel';

describe('training the clause model', () => {
  it('gives the same file for the same sentences', () => {
    assert.equal(JSON.stringify(toyModelData()), JSON.stringify(toyModelData()));
  });

  it('lists no risk first and each family once, sorted', () => {
    assert.deepEqual(toyModelData().classes, ['none', 'clause/exclusive', 'clause/tax-rebate']);
  });

  it('stores one byte per feature and class, and one per feature for the gate', () => {
    const data = toyModelData();
    const features = data.unigrams.length + data.bigrams.length / 2 + data.negated.length;
    assert.equal(Buffer.from(data.weights, 'base64').length, features * data.classes.length);
    assert.equal(Buffer.from(data.gate.weights, 'base64').length, features);
  });

  it('leaves out features seen too rarely or weighing too little', () => {
    const all = trainClauseModel(toyExamples(), { sentences: 18, sha256: 'toy' }, { ...DEFAULT_TRAINING, epochs: 5, minCount: 1, prune: 0 });
    const rare = trainClauseModel(toyExamples(), { sentences: 18, sha256: 'toy' }, { ...DEFAULT_TRAINING, epochs: 5, minCount: 3, prune: 0 });
    const light = trainClauseModel(toyExamples(), { sentences: 18, sha256: 'toy' }, { ...DEFAULT_TRAINING, epochs: 5, minCount: 1, prune: 0.5 });
    const count = (d: typeof all) => d.unigrams.length + d.bigrams.length / 2;
    assert.ok(count(rare) < count(all));
    assert.ok(count(light) < count(all));
  });
});
