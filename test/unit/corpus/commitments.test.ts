/**
 * Commitment extraction (履约台账) on the labelled documents: the floor the figures of
 * `npm run eval` must not fall below (measured: tuned 83%/83%, blind 98%/92%).
 */
import * as assert from 'node:assert/strict';
import { corpusDir } from '../../../scripts/eval';
import { commitmentLabelFiles, evaluateCommitments } from '../../../scripts/evalCommitments';
import { packageRoot } from '../../../server/src/packs/packageRoot';

describe('corpus: commitment extraction', () => {
  const files = commitmentLabelFiles(corpusDir());
  const [tuned, blind] = evaluateCommitments(files, packageRoot());

  it('has at least 150 labelled commitments, some of them in documents written blind', () => {
    assert.ok(tuned.tp + tuned.fn + blind.tp + blind.fn >= 150, `${tuned.tp + tuned.fn + blind.tp + blind.fn} labels`);
    assert.ok(blind.documents >= 8 && tuned.documents >= 5);
  });

  it('precision and recall overall at least 0.9 and 0.88; on each set at least 0.8', () => {
    const tp = tuned.tp + blind.tp;
    const precision = tp / (tp + tuned.fp + blind.fp);
    const recall = tp / (tp + tuned.fn + blind.fn);
    assert.ok(precision >= 0.9, `precision ${precision}`);
    assert.ok(recall >= 0.88, `recall ${recall}`);
    for (const set of [tuned, blind]) assert.ok(set.precision >= 0.8 && set.recall >= 0.8, `${set.set}: ${set.precision} / ${set.recall}`);
  });

  it('reads side, amounts and deadline right for at least 9 in 10 matched commitments', () => {
    for (const set of [tuned, blind]) {
      assert.ok(set.side >= 0.9 && set.amounts >= 0.9 && set.deadline >= 0.9, `${set.set}: side ${set.side}, amounts ${set.amounts}, deadline ${set.deadline}`);
    }
  });
});
