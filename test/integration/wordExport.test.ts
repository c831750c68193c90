import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, removeScratch, REPO_ROOT, scratchCopy } from './helpers';

/** A written Word file's parts, as text. */
async function zipEntries(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async('string'));
  return out;
}

const words = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** 导出为公文格式 (.docx) and 生成审查意见（批注版） in the real VS Code. */
describe('导出为公文格式 and 生成审查意见（批注版）', () => {
  afterEach(closeAllEditors);
  after(removeScratch);

  it('contributes both commands, in Chinese, on agreement documents and .docx files', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const nls = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.zh-cn.json'), 'utf8'));
    assert.strictEqual(nls['command.exportDocx'], '导出为公文格式 (.docx)');
    assert.strictEqual(nls['command.annotateDocx'], '生成审查意见（批注版）');
    const explorer = pkg.contributes.menus['explorer/context'].filter((m: { command: string }) => m.command.startsWith('agreement.') && /Docx$/.test(m.command));
    assert.ok(explorer.some((m: { command: string; when: string }) => m.command === 'agreement.annotateDocx' && m.when.includes('docx')));
  });

  it('exports the open agreement document (unsaved edits included) beside it in 公文格式, never over an existing file', async () => {
    const uri = scratchCopy('complete.agreement.md', 'export-me.agreement.md');
    const existing = uri.fsPath.replace(/\.agreement\.md$/, '-公文格式.docx');
    fs.writeFileSync(existing, 'an officer\'s own file');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await editor.edit((e) => e.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n本协议未尽事宜，由双方另行协商。'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('agreement.exportDocx');
    assert.ok(written, 'the command returned no file');
    assert.strictEqual(fs.readFileSync(existing, 'utf8'), 'an officer\'s own file', 'an existing file was overwritten');
    assert.strictEqual(path.basename(written.fsPath), 'export-me-公文格式(2).docx');
    const parts = (await zipEntries(written.fsPath));
    const body = parts.get('word/document.xml')!;
    assert.match(body, /<w:pgMar w:top="2098" w:right="1475" w:bottom="1984" w:left="1587"/);
    assert.match(body, /w:eastAsia="方正小标宋简体"/);
    assert.ok(words(body).includes('本协议未尽事宜，由双方另行协商。'), 'the unsaved edit is not in the export');
    assert.ok(words(body).includes('甲方（盖章）：'));
    assert.ok(!words(body).includes('文种'), 'front matter was printed');
  });

  it('takes fonts from the agreement.export.fonts setting', async () => {
    const config = vscode.workspace.getConfiguration('agreement');
    await config.update('export.fonts', { title: '华文中宋' }, vscode.ConfigurationTarget.Workspace);
    try {
      const uri = scratchCopy('complete.agreement.md', 'fonts.agreement.md');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      const written = (await vscode.commands.executeCommand<vscode.Uri>('agreement.exportDocx'))!;
      const body = (await zipEntries(written.fsPath)).get('word/document.xml')!;
      assert.match(body, /w:eastAsia="华文中宋"/);
      assert.match(body, /w:eastAsia="仿宋_GB2312"/);
    } finally {
      await config.update('export.fonts', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('writes the commented copy of a .docx beside it, the original untouched', async () => {
    const source = scratchCopy('word-draft.docx', 'draft.docx');
    fs.copyFileSync(path.join(path.dirname(source.fsPath), '..', 'word-draft.docx.agreement.yaml'), `${source.fsPath}.agreement.yaml`);
    const before = fs.readFileSync(source.fsPath);
    const written = await vscode.commands.executeCommand<vscode.Uri>('agreement.annotateDocx', source);
    assert.ok(written, 'the command returned no file');
    assert.strictEqual(path.basename(written.fsPath), 'draft-审查意见.docx');
    assert.ok(fs.readFileSync(source.fsPath).equals(before), 'the original .docx changed');
    const parts = (await zipEntries(written.fsPath));
    const comments = parts.get('word/comments.xml')!;
    assert.ok((comments.match(/<w:comment /g) ?? []).length >= 3, comments.slice(0, 400));
    assert.ok(comments.includes('协议文书检查'), 'default author');
    assert.match(comments, /国务院令第783号|〔\d{4}〕\d+号/);
    // The tax-rebate finding sits on its words.
    const body = parts.get('word/document.xml')!;
    const ranges = [...body.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>([\s\S]*?)<w:commentRangeEnd w:id="\1"\/>/g)].map((m) => words(m[2]));
    assert.ok(ranges.some((r) => r.includes('留成部分')), ranges.join(' | '));
  });

  it('on an agreement document, 生成审查意见（批注版） exports it with the findings as comments', async () => {
    const uri = scratchCopy('findings.agreement.md', 'review.agreement.md');
    const { doc } = await openFixture(path.join('scratch', 'review.agreement.md'));
    assert.strictEqual(doc.uri.fsPath, uri.fsPath);
    const written = (await vscode.commands.executeCommand<vscode.Uri>('agreement.annotateDocx'))!;
    assert.strictEqual(path.basename(written.fsPath), 'review-审查意见.docx');
    const comments = (await zipEntries(written.fsPath)).get('word/comments.xml')!;
    assert.ok((comments.match(/<w:comment /g) ?? []).length >= 1);
  });
});
