import * as assert from 'node:assert/strict';
import { appliesToDocType, documentDocType } from '../../../server/src/core/docTypeScope';
import { parseDocument } from '../../../server/src/core';
import type { CategoryRule } from '../../../server/src/core/pack/types';

const category = { name: '厅市会商', description: '', docTypes: ['议定书', '协议书'], sections: [], citation: { regulation: 'r', article: 'a' } } as CategoryRule;

describe('docTypeScope', () => {
  it('reads 文种 from the front matter, trimmed', () => {
    assert.equal(documentDocType(parseDocument('---\n文种: 协议书 \n---\n正文')), '协议书');
    assert.equal(documentDocType(parseDocument('正文')), undefined);
  });

  it('limits a rule to the 文种 it names among the category’s own', () => {
    assert.equal(appliesToDocType(['议定书'], '议定书', category), true);
    assert.equal(appliesToDocType(['议定书'], '协议书', category), false);
  });

  it('applies everywhere when the rule names no 文种, the 文种 is unknown, or not one of the category’s', () => {
    assert.equal(appliesToDocType(undefined, '协议书', category), true);
    assert.equal(appliesToDocType(['议定书'], undefined, category), true);
    assert.equal(appliesToDocType(['议定书'], '备忘录', category), true);
  });
});
