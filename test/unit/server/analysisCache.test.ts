import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../../server/src/analysisCache';
import { RULES } from '../core/fixes/helpers';

describe('analysis cache', () => {
  const uri = 'file:///tmp/cache.agreement.md';
  it('a document reopened at the same version with other text gets its own analysis', () => {
    const cache = new AnalysisCache();
    const a = cache.get(TextDocument.create(uri, 'agreement', 1, '甲方为乙方融资提供担保。'), RULES, {});
    const b = cache.get(TextDocument.create(uri, 'agreement', 1, '双方加强交流。'), RULES, {});
    assert.notEqual(a, b);
    assert.equal(b.doc.text, '双方加强交流。');
  });
  it('the analysis of a document closed meanwhile is returned but not kept', () => {
    const cache = new AnalysisCache();
    const closed = TextDocument.create(uri, 'agreement', 1, '双方加强交流。');
    cache.get(closed, RULES, {}, false);
    assert.equal(cache.peek(uri), undefined);
  });
});
