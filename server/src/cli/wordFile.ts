/**
 * Checking a Word file: the front-matter values the officer gave (the sidecar
 * `draft.docx.agreement.yaml`, then `--set` options), the file read into agreement text,
 * the same analysis as any agreement document, and each finding's place in the Word file.
 * Word files are never rewritten (`--fix` reports, and leaves them alone).
 */
import * as fs from 'node:fs';
import { analyzeText, type RuleSet } from '../core';
import { locate } from '../word/locate';
import { readWordFile, WordReadError } from '../word/read';
import { MAX_SIDECAR_BYTES, parseSidecar, SIDECAR_SUFFIX } from '../word/sidecar';
import type { CheckSettings, FileOutcome, OutFinding } from './check';

/** Word files above this size are not read (a draft with photos is rarely above 20 MB). */
export const MAX_WORD_BYTES = 64 * 1024 * 1024;

export const sidecarOf = (file: string) => `${file}${SIDECAR_SUFFIX}`;

/** The sidecar's values, null when there is none, or a message when it cannot be used. */
export function readSidecar(file: string): { values: Record<string, unknown> } | { error: string } | null {
  const sidecar = sidecarOf(file);
  let text: string;
  try {
    const stat = fs.statSync(sidecar);
    if (!stat.isFile()) return { error: `配套文件头 ${sidecar} 不是普通文件。` };
    if (stat.size > MAX_SIDECAR_BYTES) return { error: `配套文件头 ${sidecar} 过大（超过 64 KB）。` };
    text = fs.readFileSync(sidecar, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { error: `无法读取配套文件头 ${sidecar}：${(error as Error).message}` };
  }
  const parsed = parseSidecar(text, sidecar);
  return parsed.ok ? { values: parsed.values } : { error: parsed.message };
}

export async function checkWordFile(file: string, bytes: Buffer, ruleSet: RuleSet, settings: CheckSettings): Promise<FileOutcome> {
  const sidecar = readSidecar(file);
  if (sidecar && 'error' in sidecar) return { file, findings: [], error: sidecar.error };
  const explicit = { ...(sidecar?.values ?? {}), ...(settings.explicit ?? {}) };
  let word;
  try {
    word = await readWordFile(bytes, file, { explicit });
  } catch (error) {
    if (error instanceof WordReadError) return { file, findings: [], error: error.message };
    throw error;
  }
  const findings: OutFinding[] = analyzeText(word.text, ruleSet, { severities: settings.severities, maxSize: settings.maxSize }).map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    range: f.range,
    ...(f.citation ? { citation: f.citation } : {}),
    location: locate(word, f.span),
  }));
  const notes = sidecar ? [`已读取配套文件头 ${sidecarOf(file)}。`, ...word.notes] : word.notes;
  const outcome: FileOutcome = { file, findings, notes, word: true };
  if (settings.mode !== 'check') outcome.fix = { applied: 0, written: false, skipped: 'Word 文件不会被自动修改；请在 Word 中按提示修改，或用“另存为 .agreement.md”后修复。' };
  return outcome;
}
