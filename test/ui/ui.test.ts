/**
 * UI test: drives the real VS Code workbench (code-server in headless
 * Chromium, via playwright-core) as a person would, with the extension under
 * development loaded. Screenshots go to test-results/ui-*.png.
 *
 *   npm run build && npm run compile-tests
 *   npx mocha --config test/ui/.mocharc.json
 *
 * Needs test/runners/install-code-server.sh to have run. Every step fails
 * loudly (with a screenshot) when the workbench does not show what is expected.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { DEFAULT_WORKSPACE, startWorkbench, Workbench } from '../runners/code-server-runner';
import { screenshot } from './screenshot';

const EXAMPLE = 'findings.agreement.md';
/** A forbidden clause in the example: 乙方享有…独家经营权 (clause/exclusive). */
const CLAUSE_TEXT = '独家经营权';
/** What a citation of the regulation looks like in the hover: a 文号 such as 河北政办〔2017〕47号. */
const CITATION = /〔\d{4}〕\d+号|河北政办|规定/;
const SERVER_WAIT_MS = 60_000;

let wb: Workbench;
let page: Page;

const shot = (name: string): Promise<string> => screenshot(page, name);

/** The text the editor shows (all lines of the short example fit on screen). */
async function editorText(): Promise<string> {
  return page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
}

function squiggles(): Locator {
  return page.locator('.editor-instance .monaco-editor .squiggly-error, .editor-instance .monaco-editor .squiggly-warning');
}

/** Bounding box of the squiggle on the editor line that shows `text`. */
async function squiggleOnLine(text: string): Promise<{ x: number; y: number }> {
  const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: text }).first();
  await line.waitFor({ state: 'visible', timeout: 10_000 });
  const lb = (await line.boundingBox())!;
  const boxes = await squiggles().evaluateAll(els =>
    els.map(e => {
      const r = (e as any).getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  const onLine = boxes.filter(b => b.width > 0 && b.y + b.height / 2 >= lb.y && b.y + b.height / 2 <= lb.y + lb.height);
  assert.ok(onLine.length > 0, `no error/warning squiggle on the editor line showing "${text}" (squiggles at y=${boxes.map(b => Math.round(b.y)).join(',')}, line at y=${Math.round(lb.y)})`);
  // Aim at the middle of the widest squiggle on that line, vertically on the text.
  const b = onLine.sort((a, c) => c.width - a.width)[0];
  return { x: b.x + Math.min(b.width / 2, 40), y: lb.y + lb.height / 2 };
}

describe('UI: the agreement extension in the VS Code workbench', function () {
  this.timeout(180_000);

  before(async () => {
    // UI_EXTENSION_PATH: load another extension folder instead of this repository (to try the test itself).
    wb = await startWorkbench({ workspace: DEFAULT_WORKSPACE, extensionDevelopmentPath: process.env.UI_EXTENSION_PATH || undefined });
    page = wb.page;
    page.on('pageerror', err => console.log(`      [page error] ${err.message}`));
  });

  after(async () => {
    await wb?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const name = `ui-failure-${(this.currentTest.title.match(/[a-z0-9]+/gi) ?? ['step']).join('-').slice(0, 40)}`;
      await shot(name).catch(() => undefined);
    }
  });

  it('opens the example with Quick Open (Ctrl+P) and shows squiggles', async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 800, y: 500 } }).catch(() => undefined);
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(EXAMPLE);
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: EXAMPLE }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');

    await page.locator('.tabs-container .tab', { hasText: EXAMPLE }).first().waitFor({ timeout: 10_000 });
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: CLAUSE_TEXT }).first().waitFor({ timeout: 10_000 });
    // The language server starts and publishes diagnostics: squiggles appear.
    await squiggles().first().waitFor({ state: 'attached', timeout: SERVER_WAIT_MS });
    const n = await squiggles().count();
    console.log(`      ${n} squiggle(s) in the editor`);
    // The status bar names the language mode.
    const mode = await page.locator('#status\\.editor\\.mode').innerText().catch(() => '?');
    console.log(`      language mode in the status bar: ${mode}`);
    await shot('ui-1-squiggles');
    assert.ok(n > 0);
    // The language's name (an alias of id "agreement"), not Markdown or Plain Text.
    assert.match(mode, /协议文书|Agreement|agreement/, `the status bar shows language mode "${mode}"`);
  });

  it('shows the findings in the Problems panel (Ctrl+Shift+M)', async () => {
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
    // The count badge on the Problems tab.
    const badge = page.locator('.part.panel .composite-bar .action-item', { hasText: /problems/i }).locator('.badge-content').first();
    const badgeText = (await badge.innerText({ timeout: 5_000 }).catch(() => '')).trim();
    const count = Number(badgeText);
    const texts = await rows.allInnerTexts();
    console.log(`      Problems tab count: ${badgeText || '(none)'}; rows:\n${texts.map(t => `        ${t.replace(/\s+/g, ' ')}`).join('\n')}`);
    await shot('ui-2-problems');
    assert.ok(Number.isFinite(count) && count > 0, `Problems count badge shows "${badgeText}"`);
    assert.ok(texts.some(t => /[\u4e00-\u9fff]/.test(t) && /clause\/exclusive/.test(t)), 'no Chinese clause/exclusive finding in the Problems panel');
    assert.ok(texts.some(t => /section\/missing/.test(t)), 'no section/missing finding in the Problems panel');
    await page.keyboard.press('Control+Shift+M'); // hide the panel again
  });

  it('hovering the forbidden clause shows its message and the citation', async () => {
    // Focus the editor, then move the mouse onto the squiggle.
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: CLAUSE_TEXT }).first().click();
    const at = await squiggleOnLine(CLAUSE_TEXT);
    await page.mouse.move(at.x - 5, at.y);
    await page.mouse.move(at.x, at.y, { steps: 5 });
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    // Let the hover provider's content (after the marker part) arrive.
    await page
      .waitForFunction(re => {
        const el = (globalThis as any).document.querySelector('.monaco-editor .monaco-hover:not(.hidden)');
        return !!el && new RegExp(re).test(el.innerText);
      }, CITATION.source, { timeout: 10_000 })
      .catch(() => undefined);
    const text = await hover.innerText();
    console.log(`      hover text:\n${text.split('\n').filter(Boolean).map(l => `        ${l}`).join('\n')}`);
    await shot('ui-3-hover');
    assert.match(text, /clause\/exclusive/, 'the hover does not show the clause/exclusive finding');
    assert.match(text, /[\u4e00-\u9fff]/, 'the hover text is not Chinese');
    assert.match(text, CITATION, 'the hover does not cite the regulation (文号)');
    await page.keyboard.press('Escape');
  });

  it('Ctrl+. on the clause opens the quick-fix menu; applying a fix changes the text', async () => {
    await page.keyboard.press('Escape');
    const at = await squiggleOnLine(CLAUSE_TEXT);
    await page.mouse.click(at.x, at.y);
    const before = await editorText();
    const squigglesBefore = await squiggles().count();
    await page.keyboard.press('Control+Period');
    const menu = page.locator('.action-widget');
    const noActions = page.locator('.monaco-editor .monaco-editor-overlaymessage', { hasText: /no code actions/i });
    await Promise.race([
      menu.waitFor({ state: 'visible', timeout: 15_000 }),
      noActions.waitFor({ state: 'visible', timeout: 15_000 }).then(() => {
        throw new Error('VS Code says "No code actions available" at the forbidden clause');
      }),
    ]).catch(async e => {
      await shot('ui-4-quickfix');
      throw e;
    });
    const items = (await menu.locator('.monaco-list-row.action').allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
    console.log(`      quick-fix menu:\n${items.map(t => `        ${t}`).join('\n')}`);
    await shot('ui-4-quickfix');
    assert.ok(items.length > 0, 'the quick-fix menu is empty');
    assert.ok(items.some(t => /[\u4e00-\u9fff]/.test(t)), 'no Chinese quick-fix title');

    // Apply the first (preferred) fix.
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.waitForFunction(
      prev => {
        const el = (globalThis as any).document.querySelector('.editor-instance .monaco-editor .view-lines');
        return !!el && el.innerText !== prev;
      },
      before,
      { timeout: 10_000 },
    );
    const after = await editorText();
    assert.notStrictEqual(after, before, 'the text did not change after applying the fix');
    // The finding is gone once the server re-analyses: fewer squiggles (or none on that line).
    await page
      .waitForFunction(
        n => (globalThis as any).document.querySelectorAll('.editor-instance .monaco-editor .squiggly-error, .editor-instance .monaco-editor .squiggly-warning').length < n,
        squigglesBefore,
        { timeout: 15_000 },
      )
      .catch(async () => {
        await shot('ui-5-after-fix');
        assert.fail(`the fix was applied but the squiggles did not decrease (${squigglesBefore} before, ${await squiggles().count()} after)`);
      });
    console.log(`      squiggles: ${squigglesBefore} before the fix, ${await squiggles().count()} after`);
    await shot('ui-5-after-fix');
    // The fix edits the buffer only; the file on disk is untouched (autosave is off).
    const disk = fs.readFileSync(path.join(DEFAULT_WORKSPACE, EXAMPLE), 'utf8');
    assert.ok(disk.includes(CLAUSE_TEXT), 'the example on disk was modified');
  });
});
