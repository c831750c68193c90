/** What the Word writer tests share: the built-in rules, the LibreOffice-made fixtures, and LibreOffice itself. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../../../server/src/cli/config';
import type { RuleSet } from '../../../../server/src/core';
import { packageRoot } from '../../../../server/src/packs/packageRoot';

export const ROOT = packageRoot(__dirname);
export const WORD_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'word');

let rules: RuleSet | null = null;
export function builtinRules(): RuleSet {
  rules ??= loadConfig({ builtinPacks: true, config: false, packs: [], severities: {} }, ROOT).ruleSet;
  return rules;
}

/** The .docx fixtures LibreOffice made from our texts (real automatic numbering, tables, comments). */
export function docxFixtures(): string[] {
  if (!fs.existsSync(WORD_FIXTURES)) return [];
  return fs.readdirSync(WORD_FIXTURES).filter((f) => f.endsWith('.docx')).map((f) => path.join(WORD_FIXTURES, f));
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** soffice on PATH, or null. `.ci/run` installs it (test/runners/install-libreoffice.sh). */
export function soffice(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

/** Convert with LibreOffice (a private profile, so parallel runs do not clash); returns the PDF's path. */
export function toPdf(file: string, outdir: string, filter = 'pdf'): { pdf: string; stderr: string; status: number | null } {
  const profile = path.join(outdir, '.lo-profile');
  const result = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outdir, file], { encoding: 'utf8', timeout: 120_000 });
  return { pdf: path.join(outdir, path.basename(file).replace(/\.[^.]+$/, '.pdf')), stderr: result.stderr + (result.error ? String(result.error) : ''), status: result.status };
}

export interface PdfLine {
  yMin: number;
  xMin: number;
  xMax: number;
  text: string;
}

/** Each page's text lines as pdftotext places them (-bbox-layout), top to bottom. */
export function pdfPages(pdf: string): PdfLine[][] {
  const out = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  return out.stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        text: [...m[4].matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')).join(''),
      })),
    );
}

/** Width of a printed line in character cells: full-width characters count 1, ASCII ½. */
export function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return n;
}

/** An agreement long enough to fill full pages when exported (four pages in 公文格式). */
export const LONG_AGREEMENT = [
  '---',
  '文种: 协议书',
  '类别: 企业集团',
  '标题: 天津市河北区人民政府与津港智造集团有限公司战略合作协议',
  '甲方: 天津市河北区人民政府',
  '乙方: 津港智造集团有限公司',
  '---',
  '# 天津市河北区人民政府与津港智造集团有限公司战略合作协议',
  '',
  '为推动智能制造产业集聚发展，甲乙双方本着平等自愿、优势互补、互利共赢的原则，经友好协商，达成如下协议。',
  ...['一、合作原则', '二、合作内容', '三、重点项目', '四、合作方式', '五、工作机制', '六、保障措施', '七、法律责任'].flatMap((h) => [
    h,
    '（一）总体要求。双方坚持依法依规、诚实守信，发挥各自优势，共同推进智能制造产业高质量发展，建立长期稳定的合作关系，定期会商合作事项，协调解决合作中遇到的困难和问题。',
    '双方在智能制造、工业互联网和产业人才培养等领域开展合作，乙方在河北区设立区域研发中心，甲方依法依规提供政务服务保障，双方共同推动项目早日建成投产并发挥效益。',
  ]),
  '本协议一式四份，双方各执两份，自双方签字盖章之日起生效。',
  '',
].join('\n');
