import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../../server/src/analysisCache';
import { analyze, parseDocument } from '../../../server/src/core';
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
  it('keeps the analyses of the documents last used; another is analysed again when asked for, with the same findings', () => {
    const cache = new AnalysisCache(2);
    const options = {};
    const docs = [1, 2, 3].map((n) => TextDocument.create(`file:///tmp/lru${n}.agreement.md`, 'agreement', 1, `甲方为乙方融资提供担保${'。'.repeat(n)}`));
    const first = cache.get(docs[0], RULES, options);
    cache.get(docs[1], RULES, options);
    assert.equal(cache.get(docs[0], RULES, options), first, 'used again: kept, and now the most recent');
    cache.get(docs[2], RULES, options);
    assert.equal(cache.peek(docs[1].uri), undefined, 'the least recently used is let go');
    assert.equal(cache.peek(docs[0].uri), first);
    const again = cache.get(docs[1], RULES, options);
    assert.notEqual(again.serial, first.serial);
    assert.deepEqual(again.findings, analyze(parseDocument(docs[1].getText()), RULES, options));
    assert.ok(again.findings.some((f) => f.rule === 'clause/government-guarantee'));
  });
});
