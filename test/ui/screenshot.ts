import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from '../runners/code-server-runner';

/** Saves the page as `<RESULTS_DIR>/<name>.png`, says where, and returns the file. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`      screenshot: ${path.relative(process.cwd(), file)}`);
  return file;
}
