/**
 * The server side of 导出为公文格式 and 生成审查意见（批注版）: the editor sends the text (or the
 * Word file's bytes); the server analyses it with the document's rule set and answers with
 * the bytes of the file to write. The editor writes it (on any file system it reaches).
 */
import { analyze, parseDocument, type AnalyzeOptions, type RuleSet } from '../core';
import type { AnnotateDocxParams, ExportDocxParams, WrittenDocxResult } from '../protocol';
import { readWordFile, WordReadError } from './read';
import { MAX_EDITOR_WORD_BYTES } from './readRequest';
import { parseSidecar } from './sidecar';
import { annotateDocx } from './write/annotate';
import { exportAgreementDocx } from './write/exportDocx';
import { resolveLayout } from './write/layout';

export interface Analysis {
  ruleSet: RuleSet;
  options: AnalyzeOptions;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 64) : undefined);

export async function exportForEditor(params: ExportDocxParams, analysis: Analysis): Promise<WrittenDocxResult> {
  if (typeof params?.text !== 'string') return { ok: false, message: '请求缺少文档内容。' };
  const maxSize = analysis.options.maxSize ?? Infinity;
  if (params.text.length > maxSize) return { ok: false, message: '文档过大，未导出。' };
  const { layout, problems } = resolveLayout({ ...(params.layout?.page ?? {}), ...(params.layout?.fonts ? { fonts: params.layout.fonts } : {}) });
  try {
    const findings = params.withFindings ? analyze(parseDocument(params.text), analysis.ruleSet, analysis.options) : undefined;
    const bytes = await exportAgreementDocx(params.text, { layout, findings, author: text(params.author), initials: text(params.initials) });
    return { ok: true, data: bytes.toString('base64'), comments: findings?.length ?? 0, revisions: 0, notes: problems };
  } catch (error) {
    return { ok: false, message: `导出时出错：${(error as Error).message}` };
  }
}

export async function annotateForEditor(params: AnnotateDocxParams, analysis: Analysis): Promise<WrittenDocxResult> {
  if (typeof params?.data !== 'string' || typeof params.fileName !== 'string') return { ok: false, message: '请求缺少文件内容。' };
  if (params.data.length > (MAX_EDITOR_WORD_BYTES * 4) / 3 + 4) return { ok: false, message: `Word 文件过大（超过 ${MAX_EDITOR_WORD_BYTES / 1024 / 1024} MB），未处理。` };
  let explicit: Record<string, unknown> = {};
  if (params.sidecar && typeof params.sidecar.text === 'string') {
    const sidecar = parseSidecar(params.sidecar.text, params.sidecar.name);
    if (!sidecar.ok) return { ok: false, message: sidecar.message };
    explicit = sidecar.values;
  }
  try {
    const bytes = Buffer.from(params.data, 'base64');
    const word = await readWordFile(bytes, params.fileName, { explicit });
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, message: '只能给 .docx 文件加批注。请先在 Word 或 WPS 中另存为 .docx。' };
    const findings = analyze(parseDocument(word.text), analysis.ruleSet, analysis.options);
    const result = await annotateDocx(bytes, word, findings, { author: text(params.author), initials: text(params.initials), trackChanges: params.trackChanges === true });
    return { ok: true, data: result.bytes.toString('base64'), comments: result.comments, revisions: result.revisions, notes: word.notes };
  } catch (error) {
    if (error instanceof WordReadError) return { ok: false, message: error.message };
    return { ok: false, message: `生成批注版时出错：${(error as Error).message}` };
  }
}
