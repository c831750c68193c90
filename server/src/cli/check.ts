/**
 * One file, start to end: read, decode strictly, analyse, and (with --fix or --fix-dry-run)
 * apply the safe fixes. Runs the same on the main thread and in worker threads; returns
 * plain data that survives structured cloning.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, analyzeText, DEFAULT_MAX_SIZE, parseDocument, type Finding, type ResolvedCitation, type RuleSet, type Severity, type SeverityOrOff } from '../core';
import { fixAll } from '../core/fixes/fixAll';
import { isWordFileName } from '../word/read';
import type { WordLocation } from '../word/locate';
import { unifiedDiff } from './diff';
import { decodeText, encodingNote } from './textEncoding';
import { checkWordFile, MAX_WORD_BYTES } from './wordFile';
import { snapshotOf, writeAtomic, type WriteHooks } from './write';

import type { WorkCalendar } from '../core/records/dates';

export type Mode = 'check' | 'fix' | 'dry-run';

export interface CheckSettings {
  mode: Mode;
  severities: Record<string, SeverityOrOff>;
  maxSize?: number;
  /** Public holidays for the working-day limits (from `.agreementrc.yaml`). */
  calendar?: WorkCalendar;
  /** For diff labels: paths are shown relative to this folder. */
  cwd: string;
  /** For tests of write races (main thread only). */
  writeHooks?: WriteHooks;
  /** Front-matter values for Word files from `--set` (win over the sidecar and inference). */
  explicit?: Record<string, unknown>;
}

/** What the formatters need of a finding (no fixes, no offsets): cheap to clone between threads. */
export interface OutFinding {
  rule: string;
  severity: Severity;
  message: string;
  range: Finding['range'];
  citation?: ResolvedCitation;
  /** Word files: the paragraph and words in the original document. */
  location?: WordLocation;
}

export interface FileOutcome {
  file: string;
  findings: OutFinding[];
  /** Things said about the reading: the encoding used, inferred front-matter values, lost numbering. */
  notes?: string[];
  /** The text encoding when it was not UTF-8 (GBK, GB18030, UTF-16LE …). */
  encoding?: string;
  /** Read from a Word file: `range` lines are paragraphs of the extracted text, `location` points into the file. */
  word?: boolean;
  /** The file could not be read or decoded (exit code 2); no findings then. */
  error?: string;
  /** With --fix / --fix-dry-run. */
  fix?: {
    applied: number;
    written: boolean;
    /** --fix-dry-run: the unified diff ('' when nothing would change). */
    diff?: string;
    /** Why the file was left alone. */
    skipped?: string;
  };
}

const slim = (f: Finding): OutFinding => (f.citation ? { rule: f.rule, severity: f.severity, message: f.message, range: f.range, citation: f.citation } : { rule: f.rule, severity: f.severity, message: f.message, range: f.range });

/** Front matter that did not parse: fixes are computed against a guess of its structure, so none is applied. */
const UNFIXABLE = new Set(['syntax', 'shape', 'size', 'unclosed']);

export async function checkFile(file: string, ruleSet: RuleSet, settings: CheckSettings): Promise<FileOutcome> {
  let bytes: Buffer;
  let stat: fs.Stats;
  const word = isWordFileName(path.basename(file));
  try {
    const fd = fs.openSync(file, 'r');
    try {
      stat = fs.fstatSync(fd);
      if (word && stat.size > MAX_WORD_BYTES) return { file, findings: [], error: `Word 文件过大（约 ${(stat.size / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_WORD_BYTES / 1024 / 1024} MB 的上限），未检查。请删去其中的图片等大文件后另存，或只保留正文再检查。` };
      // Every UTF-16 unit takes at most 3 bytes: above 3 × the limit the text is too large for sure, so it is not read.
      const limit = settings.maxSize ?? DEFAULT_MAX_SIZE;
      if (!word && stat.size > 3 * limit) return { file, findings: [tooLargeFinding(stat.size, limit)], ...(settings.mode === 'check' ? {} : { fix: { applied: 0, written: false, skipped: '文件过大，未自动修复。' } }) };
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return { file, findings: [], error: `无法读取：${(error as Error).message}` };
  }
  if (word) return checkWordFile(file, bytes, ruleSet, settings);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { file, findings: [], error: decoded.message };
  const text = decoded.text;
  const options = { severities: settings.severities, maxSize: settings.maxSize, calendar: settings.calendar };
  const notes = decoded.encoding === 'UTF-8' ? undefined : [encodingNote(decoded.encoding)];
  const withNotes = (outcome: FileOutcome): FileOutcome => (notes ? { ...outcome, notes, encoding: decoded.encoding } : outcome);
  if (settings.mode === 'check') return withNotes({ file, findings: analyzeText(text, ruleSet, options).map(slim) });
  if (notes) {
    // Writing back would have to re-encode the officer's file: it is left alone.
    return withNotes({ file, findings: analyzeText(text, ruleSet, options).map(slim), fix: { applied: 0, written: false, skipped: `文件编码为 ${decoded.encoding}，未自动修复；请另存为 UTF-8 后再用 --fix。` } });
  }

  const tooLarge = text.length > (settings.maxSize ?? Infinity);
  const doc = tooLarge ? null : parseDocument(text);
  if (!doc || doc.frontMatter.problems.some((p) => UNFIXABLE.has(p.kind))) {
    const findings = doc ? analyze(doc, ruleSet, options) : analyzeText(text, ruleSet, options);
    const skipped = doc ? '文件头无法解析，未自动修复；请先改正文件头。' : '文件过大，未自动修复。';
    return { file, findings: findings.map(slim), fix: { applied: 0, written: false, skipped } };
  }
  const result = fixAll(text, ruleSet, options);
  if (result.text.length > (settings.maxSize ?? DEFAULT_MAX_SIZE)) {
    // A fix that would push the file past the size limit would also hide its findings next time.
    const findings = analyze(doc, ruleSet, options);
    return { file, findings: findings.map(slim), fix: { applied: 0, written: false, skipped: '修复后文件将超过大小上限，未自动修复。' } };
  }
  const outcome: FileOutcome = { file, findings: result.remaining.map(slim), fix: { applied: result.applied, written: false } };
  if (result.text === text) {
    if (settings.mode === 'dry-run') outcome.fix!.diff = '';
    return outcome;
  }
  if (settings.mode === 'dry-run') {
    // Nothing is written: the findings that would remain, at the lines of the file as it is now.
    outcome.findings = stillThere(analyze(doc, ruleSet, options), result.remaining).map(slim);
    outcome.fix!.diff = unifiedDiff(text, result.text, path.relative(settings.cwd, file).split(path.sep).join('/'));
    return outcome;
  }
  try {
    writeAtomic(file, result.text, snapshotOf(stat, bytes), settings.writeHooks);
    outcome.fix!.written = true;
  } catch (error) {
    // Not written: report the findings of the file as it is on disk.
    return { file, findings: analyze(doc, ruleSet, options).map(slim), error: (error as Error).message, fix: { applied: 0, written: false } };
  }
  return outcome;
}

/** The current findings that fixing leaves (matched by rule and message, each once). */
function stillThere(current: Finding[], remaining: Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const f of remaining) left.set(`${f.rule}|${f.message}`, (left.get(`${f.rule}|${f.message}`) ?? 0) + 1);
  return current.filter((f) => {
    const key = `${f.rule}|${f.message}`;
    const n = left.get(key) ?? 0;
    if (n === 0) return false;
    left.set(key, n - 1);
    return true;
  });
}

/** The core's `format/too-large` finding, for a file not even read (its byte size alone is over the limit). */
function tooLargeFinding(bytes: number, limit: number): OutFinding {
  return {
    rule: 'format/too-large',
    severity: 'info',
    message: `文件过大（约 ${(bytes / 1024 / 1024).toFixed(1)} MB，超过 ${(limit / 1024 / 1024).toFixed(1)} MB 的上限），已跳过检查。可拆分文件或用 --max-file-size 调大上限。`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}
