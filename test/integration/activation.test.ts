import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, fixtureUri, LANGUAGE_ID, openFixture, waitForAnalysis } from './helpers';

/** A hang guard for activation and the first analysis, not a performance target (the figure is printed). */
const HANG_GUARD_MS = 10_000;

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

  it('activates when a *.agreement.md file is opened, which gets language id "agreement"; times activation + server start', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    const wasActive = ext.isActive;
    if (wasActive) console.log('      (note: the extension was already active before any agreement file was opened)');
    // Timing: from opening the first agreement document (which triggers
    // onLanguage:agreement activation) to the extension being active (its
    // activate() awaits client.start(), i.e. the server's initialize) and to
    // the first diagnostics the server publishes for that document.
    const uri = fixtureUri('complete.agreement.md');
    const started = performance.now();
    const firstDiagnostics = waitForAnalysis(uri, HANG_GUARD_MS).then(() => performance.now());
    const { doc } = await openFixture('complete.agreement.md');
    assert.strictEqual(doc.languageId, LANGUAGE_ID, `complete.agreement.md opened with language id "${doc.languageId}"`);
    // ext.activate() returns the pending activation (it does not start a second one).
    let guard: NodeJS.Timeout | undefined;
    await Promise.race([
      ext.activate(),
      new Promise((_, reject) => (guard = setTimeout(() => reject(new Error(`${EXTENSION_ID} did not activate within ${HANG_GUARD_MS / 1000}s`)), HANG_GUARD_MS))),
    ]).finally(() => clearTimeout(guard));
    const active = performance.now();
    assert.ok(ext.isActive);
    const diagnosed = await firstDiagnostics;
    const ms = (t: number) => `${Math.round(t - started)} ms`;
    console.log(
      `      activation+server: ${ms(diagnosed)} (open → extension active ${ms(active)} → first diagnostics ${ms(diagnosed)})` +
        (wasActive ? ' [extension was already active: server start not included]' : ''),
    );
    assert.ok(diagnosed - started < HANG_GUARD_MS, `first diagnostics took ${ms(diagnosed)}`);
  });

  it('starts the language server, which analyses the opened document', async () => {
    const { doc } = await openFixture('findings.agreement.md');
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    const diags = await waitForAnalysis(doc.uri);
    assert.ok(diags.length > 0, 'findings.agreement.md has findings, but none were published');
  });
});
