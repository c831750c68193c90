import * as assert from 'node:assert/strict';
import { InsertTextFormat, type InsertReplaceEdit, type TextEdit } from 'vscode-languageserver';
import { completion } from '../../../server/src/features/completion';
import { FRONT, RULES } from '../core/fixes/helpers';
import { analysisOf } from './helpers';

const TEXT = FRONT + ['一、合作原则', '互利共赢。', '', '二、法律责任', '依法承担责任。', ''].join('\n');

describe('completion (LSP adapter)', () => {
  it('sends snippets with ranges in UTF-16 positions, and renumbering as additional edits', () => {
    const analysis = analysisOf(TEXT, RULES);
    const line = TEXT.split('\n').indexOf('互利共赢。') + 1;
    const items = completion(analysis, { line, character: 0 }, { insertReplace: false, snippets: true });
    const item = items.find((i) => i.label === '二、合作内容')!;
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line, character: 0 }, end: { line, character: 0 } });
    assert.deepEqual(item.additionalTextEdits, [{ range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 2 } }, newText: '三、' }]);
    assert.equal(item.preselect, true);
    assert.equal((item.documentation as { kind: string }).kind, 'markdown');
  });

  it('sends plain text to a client without snippet support', () => {
    const analysis = analysisOf(TEXT, RULES);
    const line = TEXT.split('\n').indexOf('互利共赢。') + 1;
    const item = completion(analysis, { line, character: 0 }, { insertReplace: false, snippets: false }).find((i) => i.label === '二、合作内容')!;
    assert.equal(item.insertTextFormat, InsertTextFormat.PlainText);
    assert.equal((item.textEdit as TextEdit).newText, '二、合作内容\n（写明合作的领域和范围。）');
  });

  it('offers insert-or-replace for a value when the client supports it', () => {
    const text = FRONT.replace('类别: 企业集团', '类别: 企业集');
    const analysis = analysisOf(text, RULES);
    const item = completion(analysis, { line: 2, character: 6 }, { insertReplace: true, snippets: true }).find((i) => i.label === '企业集团')!;
    const edit = item.textEdit as InsertReplaceEdit;
    assert.deepEqual(edit.insert, { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } });
    assert.deepEqual(edit.replace, { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } });
  });
});
