import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, sanitize } from '../../../server/src/settings';

describe('agreement.* settings', () => {
  it('keep the clause model on unless the setting is false', () => {
    assert.equal(DEFAULT_SETTINGS.clauseModel, true);
    assert.equal(sanitize({}).clauseModel, true);
    assert.equal(sanitize({ clauseModel: 'no' }).clauseModel, true);
    assert.equal(sanitize({ clauseModel: false }).clauseModel, false);
  });

  it('read garbage as the defaults', () => {
    const s = sanitize({ rules: { 'clause/exclusive': 'loud' }, rulePacks: [1, 'a.yaml'], maxFileSize: -1, debounceMs: 1e9 });
    assert.deepEqual(s.rules, {});
    assert.deepEqual(s.rulePacks, ['a.yaml']);
    assert.equal(s.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(s.debounceMs, 5000);
  });
});
