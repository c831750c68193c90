import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, LANGUAGE_ID, openFixture, waitForAnalysis, waitUntil } from './helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('is the extension under development, found by its id', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded; loaded: ${vscode.extensions.all.map(e => e.id).filter(id => !id.startsWith('vscode.')).join(', ')}`);
  });

  it(`contributes the "${LANGUAGE_ID}" language`, async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes(LANGUAGE_ID), `language "${LANGUAGE_ID}" is not registered`);
  });

  it('activates when a *.agreement.md file is opened, which gets language id "agreement"', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    if (ext.isActive) console.log('      (note: the extension was already active before any agreement file was opened)');
    const { doc } = await openFixture('complete.agreement.md');
    assert.strictEqual(doc.languageId, LANGUAGE_ID, `complete.agreement.md opened with language id "${doc.languageId}"`);
    await waitUntil(() => ext.isActive, [], `${EXTENSION_ID} to activate`);
    assert.ok(ext.isActive);
  });

  it('starts the language server, which analyses the opened document', async () => {
    const { doc } = await openFixture('findings.agreement.md');
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    const diags = await waitForAnalysis(doc.uri);
    assert.ok(diags.length > 0, 'findings.agreement.md has findings, but none were published');
  });
});
