/**
 * UI test of the 履约台账 view: in the real workbench, the Explorer shows the view with its
 * groups; expanding an agreement shows its commitments with deadline and status; clicking a
 * row opens the agreement at the clause. Screenshots: test-results/ui-ledger-*.png.
 */
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { DEFAULT_WORKSPACE, startWorkbench, Workbench } from '../runners/code-server-runner';
import { screenshot } from './screenshot';

const AGREEMENT = '河北区商务局与某某智能科技有限公司项目投资合同';

let wb: Workbench;
let page: Page;

const shot = (name: string): Promise<string> => screenshot(page, name);

describe('UI: the 履约台账 view in the Explorer', function () {
  this.timeout(180_000);

  before(async () => {
    wb = await startWorkbench({ workspace: DEFAULT_WORKSPACE });
    page = wb.page;
  });
  after(async () => {
    await wb?.close();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await shot('ui-ledger-failure').catch(() => undefined);
  });

  it('shows the view with its groups, and an agreement expands to its commitments', async () => {
    await page.keyboard.press('Control+Shift+E');
    const header = page.locator('.pane-header', { hasText: /履约台账/ }).first();
    await header.waitFor({ state: 'visible', timeout: 60_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // Room for the view: fold the file tree, widen the side bar (drag its sash).
    const files = page.locator('.pane-header', { hasText: /^workspace$/i }).first();
    if ((await files.getAttribute('aria-expanded').catch(() => null)) === 'true') await files.click();
    const sash = page.locator('.part.sidebar + .monaco-sash, .monaco-sash.vertical').first();
    const box = await sash.boundingBox().catch(() => null);
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const x = sidebar.x + sidebar.width;
      await page.mouse.move(x - 1, sidebar.y + 300);
      await page.mouse.down();
      await page.mouse.move(x + 600, sidebar.y + 300, { steps: 10 });
      await page.mouse.up();
    }
    void box;
    const pane = page.locator('.pane', { has: header });
    const group = pane.locator('.monaco-list-row', { hasText: AGREEMENT }).first();
    await group.waitFor({ state: 'visible', timeout: 60_000 });
    // A commitment that is in no other group: the agreement's own children are shown.
    const row = pane.locator('.monaco-list-row', { hasText: '乙方保证项目达产后带动就业300人' }).first();
    // A click that lands while the view is still re-rendering after the first analyses only
    // selects the row; expand it as a person would then, by clicking it again.
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
      if (await row.waitFor({ state: 'visible', timeout: 7_000 }).then(() => true, () => false)) break;
    }
    await row.waitFor({ state: 'visible', timeout: 5_000 });
    const texts = (await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    console.log(`      view rows:\n${texts.map((t) => `        ${t}`).join('\n')}`);
    await shot('ui-ledger-1-view');
    assert.ok(texts.some((t) => /30 日内到期|Due within 30 days/.test(t)), 'no 30 日内到期 group');
    assert.ok(texts.some((t) => /已逾期|Overdue/.test(t)), 'no overdue group');
    assert.ok(texts.some((t) => t.includes('签约后30日内') && t.includes('逾期') && t.includes('5000万元')), 'the registration commitment does not show its deadline, status and amount');
  });

  it('clicking a commitment opens the agreement at its clause', async () => {
    const row = page.locator('.pane .monaco-list-row', { hasText: '甲方负责协调办理项目用地手续' }).first();
    await row.click();
    await page.locator('.tabs-container .tab', { hasText: 'ledger.agreement.md' }).first().waitFor({ timeout: 20_000 });
    const selected = page.locator('.editor-instance .monaco-editor .selected-text').first();
    await selected.waitFor({ state: 'attached', timeout: 10_000 });
    await page.waitForTimeout(500);
    await shot('ui-ledger-2-clause');
    const line = await page.locator('.editor-instance .monaco-editor .view-line', { hasText: '协调办理项目用地手续' }).first().innerText();
    assert.match(line, /甲方负责协调办理项目用地手续/);
  });
});
