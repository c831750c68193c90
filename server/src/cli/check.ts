/**
 * One file, start to end: read, decode strictly, analyse, and (with --fix or --fix-dry-run)
 * apply the safe fixes. Runs the same on the main thread and in worker threads; returns
 * plain data that survives structured cloning.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, analyzeText, DEFAULT_MAX_SIZE, parseDocument, type Finding, type ResolvedCitation, type RuleSet, type Severity, type SeverityOrOff } from '../core';
import { fixAll } from '../core/fixes/fixAll';
import { decodeUtf8 } from './decode';
import { unifiedDiff } from './diff';
import { snapshotOf, writeAtomic, type WriteHooks } from './write';

export type Mode = 'check' | 'fix' | 'dry-run';

export interface CheckSettings {
  mode: Mode;
  severities: Record<string, SeverityOrOff>;
  maxSize?: number;
  /** For diff labels: paths are shown relative to this folder. */
  cwd: string;
  /** For tests of write races (main thread only). */
  writeHooks?: WriteHooks;
}

/** What the formatters need of a finding (no fixes, no offsets): cheap to clone between threads. */
export interface OutFinding {
  rule: string;
  severity: Severity;
  message: string;
  range: Finding['range'];
  citation?: ResolvedCitation;
}

export interface FileOutcome {
  file: string;
  findings: OutFinding[];
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

export function checkFile(file: string, ruleSet: RuleSet, settings: CheckSettings): FileOutcome {
  let bytes: Buffer;
  let stat: fs.Stats;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      stat = fs.fstatSync(fd);
      // Every UTF-16 unit takes at most 3 bytes: above 3 × the limit the text is too large for sure, so it is not read.
      const limit = settings.maxSize ?? DEFAULT_MAX_SIZE;
      if (stat.size > 3 * limit) return { file, findings: [tooLargeFinding(stat.size, limit)], ...(settings.mode === 'check' ? {} : { fix: { applied: 0, written: false, skipped: '文件过大，未自动修复。' } }) };
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return { file, findings: [], error: `无法读取：${(error as Error).message}` };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { file, findings: [], error: decoded.message };
  const text = decoded.text;
  const options = { severities: settings.severities, maxSize: settings.maxSize };
  if (settings.mode === 'check') return { file, findings: analyzeText(text, ruleSet, options).map(slim) };

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
