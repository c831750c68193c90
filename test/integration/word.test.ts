import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, describeDiagnostics, fixtureUri, hoverText, LANGUAGE_ID, positionOf, removeScratch, REPO_ROOT, waitForRule, workspaceRoot } from './helpers';

/** 检查 Word 文件 in the real VS Code: a LibreOffice-made .docx opened as a read-only agreement document. */
describe('检查 Word 文件', () => {
  afterEach(closeAllEditors);
  after(removeScratch);

  it('contributes the command in the Explorer context menu for .docx and .doc', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const menu = pkg.contributes.menus['explorer/context'].find((m: { command: string }) => m.command === 'agreement.checkWord');
    assert.ok(menu, 'agreement.checkWord is not in explorer/context');
    assert.match(menu.when, /docx/);
  });

  it('opens the extracted text read-only with live diagnostics on the numbered paragraphs, and hovers', async () => {
    const source = fixtureUri('word-draft.docx');
    const editor = (await vscode.commands.executeCommand<vscode.TextEditor>('agreement.checkWord', source))!;
    assert.ok(editor, 'the command returned no editor');
    const doc = editor.document;
    assert.strictEqual(doc.uri.scheme, 'agreement-word');
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    const text = doc.getText();
    // Word's automatic numbers, rendered as the officer sees them.
    assert.ok(text.includes('\n一、合作原则\n'), text);
    assert.ok(text.includes('\n（一）产业项目\n'), text);
    assert.ok(text.includes('\n1.项目总投资不低于5亿元。\n'), text);
    // 类别 from the sidecar, 标题 inferred and marked.
    assert.ok(/^类别: 企业集团$/m.test(text), text);
    assert.ok(/^标题: 天津市河北区人民政府与津港新材料集团有限公司招商合作协议 {2}# 由正文推断/m.test(text), text);

    const diags = await waitForRule(doc.uri, 'clause/tax-rebate');
    const tax = diags.find((d) => codeOf(d) === 'clause/tax-rebate')!;
    assert.ok(doc.lineAt(tax.range.start.line).text.startsWith('甲方承诺对乙方'), describeDiagnostics(diags));

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, '留成部分', 1));
    assert.match(hoverText(hovers), /国务院令第783号/);

    // Read-only: what the officer types does not reach the text.
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('type', { text: '改' });
    assert.strictEqual(doc.getText(), text, 'typing changed the extracted text');
    assert.strictEqual(doc.isDirty, false);
  });

  it('另存为 .agreement.md writes the text beside the Word file, and it is checked as any agreement', async () => {
    const source = fixtureUri('word-draft.docx');
    const editor = (await vscode.commands.executeCommand<vscode.TextEditor>('agreement.checkWord', source))!;
    const target = vscode.Uri.file(path.join(workspaceRoot(), 'scratch', 'word-draft.agreement.md'));
    fs.mkdirSync(path.dirname(target.fsPath), { recursive: true });
    const saved = await vscode.commands.executeCommand<vscode.Uri>('agreement.saveWordAsAgreement', editor.document.uri, target);
    assert.strictEqual(saved?.fsPath, target.fsPath);
    assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), editor.document.getText());
    const opened = vscode.window.activeTextEditor!.document;
    assert.strictEqual(opened.uri.fsPath, target.fsPath);
    assert.strictEqual(opened.languageId, LANGUAGE_ID);
    await waitForRule(opened.uri, 'clause/tax-rebate');
  });

  it('a file that is not a Word document gets a message, and no document opens', async () => {
    const dir = path.join(workspaceRoot(), 'scratch');
    fs.mkdirSync(dir, { recursive: true });
    const fake = path.join(dir, '扫描件.docx');
    fs.writeFileSync(fake, '%PDF-1.7\n');
    const before = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'agreement-word').length;
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('agreement.checkWord', vscode.Uri.file(fake));
    assert.strictEqual(editor, undefined);
    assert.strictEqual(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'agreement-word' && d.uri.path.includes('扫描件')).length, 0);
    assert.ok(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'agreement-word').length <= before);
  });
});
