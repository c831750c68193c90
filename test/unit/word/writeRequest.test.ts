import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { AnnotateDocxParams, ExportDocxParams } from '../../../server/src/protocol';
import { annotateForEditor, exportForEditor } from '../../../server/src/word/writeRequest';
import { builtinRules, LONG_AGREEMENT, WORD_FIXTURES } from './write/helpers';

const analysis = () => ({ ruleSet: builtinRules(), options: {} });
const draft = () => fs.readFileSync(path.join(WORD_FIXTURES, '招商合作协议.docx'));

describe('word/writeRequest (the editor’s 导出为公文格式 and 生成审查意见（批注版）)', () => {
  it('exports the text it is sent, with the findings as comments when asked', async () => {
    const result = await exportForEditor({ uri: 'file:///a.agreement.md', text: LONG_AGREEMENT, withFindings: true, layout: { fonts: { title: '华文中宋' } } }, analysis());
    assert.ok(result.ok);
    const zip = await JSZip.loadAsync(Buffer.from(result.data, 'base64'));
    assert.match(await zip.file('word/document.xml')!.async('string'), /w:eastAsia="华文中宋"/);
    assert.equal(((await zip.file('word/comments.xml')?.async('string')) ?? '').match(/<w:comment /g)?.length ?? 0, result.comments);
  });

  it('says which layout settings it refused', async () => {
    const result = await exportForEditor({ uri: 'file:///a.agreement.md', text: LONG_AGREEMENT, layout: { page: { linesPerPage: -3 } } }, analysis());
    assert.ok(result.ok);
    assert.match(result.notes.join(''), /linesPerPage/);
  });

  it('annotates the .docx bytes it is sent, with the sidecar’s values', async () => {
    const sidecar = fs.readFileSync(path.join(WORD_FIXTURES, '招商合作协议.docx.agreement.yaml'), 'utf8');
    const params: AnnotateDocxParams = { uri: 'file:///draft.docx', fileName: 'draft.docx', data: draft().toString('base64'), sidecar: { name: 'draft.docx.agreement.yaml', text: sidecar }, author: '区司法局', trackChanges: true };
    const result = await annotateForEditor(params, analysis());
    assert.ok(result.ok);
    assert.ok(result.comments > 0 && result.revisions > 0);
    const comments = await (await JSZip.loadAsync(Buffer.from(result.data, 'base64'))).file('word/comments.xml')!.async('string');
    assert.match(comments, /w:author="区司法局"/);
  });

  it('answers forged or unreadable payloads with a message, never a throw', async () => {
    for (const params of [{}, { text: 5 }, null] as unknown as ExportDocxParams[]) assert.equal((await exportForEditor(params, analysis())).ok, false);
    const bad = async (p: Partial<AnnotateDocxParams>) => {
      const r = await annotateForEditor(p as AnnotateDocxParams, analysis());
      assert.equal(r.ok, false);
      return r.ok ? '' : r.message;
    };
    assert.match(await bad({ fileName: 'x.docx', data: Buffer.from('%PDF-1.7').toString('base64') }), /PDF/);
    assert.match(await bad({ fileName: 'x.docx', data: draft().toString('base64'), sidecar: { name: 'x.yaml', text: '类别: [' } }), /YAML/);
    assert.match(await bad({ fileName: 'x.docx' }), /缺少/);
    assert.match(await bad({ fileName: 'x.doc', data: fs.readFileSync(path.join(WORD_FIXTURES, '招商合作协议.doc')).toString('base64') }), /\.docx/);
  });
});
