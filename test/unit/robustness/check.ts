/**
 * One funnel for robustness tests: analyse a text and assert the invariants every
 * analysis must keep, whatever the input (never throws, bounded time, ranges in
 * the document with UTF-16 positions computed independently, fixes that apply).
 */
import * as assert from 'node:assert/strict';
import { analyzeText, applyEdits, type AnalyzeOptions, type Finding, type Fix, type RuleSet } from '../../../server/src/core';
import { testRules } from './testPack';
import { fixesOf } from '../../../server/src/core/fixes/onDemand';

/** A hang guard, not a speed claim: generous enough for a slow CI machine. */
export const HANG_GUARD_MS = 5000;

/** Line starts computed from scratch (\r\n, \r, \n), independent of LineIndex. */
export function referenceLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      starts.push(i + 2);
      i++;
    } else if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

export function referencePosition(starts: number[], offset: number): { line: number; character: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}

export interface Analysed {
  findings: Finding[];
  ms: number;
}

/** Analyse `text`; assert it did not throw, stayed under the hang guard, and every invariant holds. */
export function analyseChecked(text: string, rules: RuleSet = testRules(), options: AnalyzeOptions = {}, guardMs = HANG_GUARD_MS): Analysed {
  const started = performance.now();
  let findings: Finding[];
  try {
    findings = analyzeText(text, rules, options);
  } catch (error) {
    assert.fail(`analysis threw on ${describeText(text)}: ${(error as Error).stack}`);
  }
  const ms = performance.now() - started;
  assert.ok(ms < guardMs, `analysis took ${ms.toFixed(0)} ms (hang guard ${guardMs} ms) on ${describeText(text)}`);
  assertFindingsInside(text, findings);
  return { findings, ms };
}

/** Every finding: a rule id, a Chinese message, a span and range inside the text that agree. */
export function assertFindingsInside(text: string, findings: Finding[]): void {
  const starts = referenceLineStarts(text);
  for (const f of findings) {
    const where = `${f.rule} [${f.span.start}, ${f.span.end}) in ${describeText(text)}`;
    assert.match(f.rule, /^[a-z]+\/[a-z0-9-]+$/, where);
    assert.match(f.message, /[\u4e00-\u9fff]/, `message not Chinese: ${where}`);
    assert.ok(Number.isInteger(f.span.start) && Number.isInteger(f.span.end), where);
    assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `span outside the text: ${where}`);
    assert.deepEqual(f.range.start, referencePosition(starts, f.span.start), `range start: ${where}`);
    assert.deepEqual(f.range.end, referencePosition(starts, f.span.end), `range end: ${where}`);
    for (const fix of fixesOf(f)) assertFixApplies(text, fix, where);
  }
}

/** Edits in range, not overlapping, and applying them gives what an independent applier gives. */
export function assertFixApplies(text: string, fix: Fix, where = ''): string {
  assert.ok(fix.edits.length > 0, `fix "${fix.title}" has no edit: ${where}`);
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let cursor = 0;
  let expected = '';
  for (const edit of sorted) {
    assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length, `edit outside the text in "${fix.title}": ${where}`);
    assert.ok(edit.start >= cursor, `overlapping edits in "${fix.title}": ${where}`);
    expected += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  expected += text.slice(cursor);
  let actual: string;
  try {
    actual = applyEdits(text, fix.edits);
  } catch (error) {
    assert.fail(`applyEdits threw for "${fix.title}": ${(error as Error).message}; ${where}`);
  }
  assert.equal(actual, expected, `applyEdits disagrees for "${fix.title}": ${where}`);
  return actual;
}

export function describeText(text: string): string {
  const head = JSON.stringify(text.slice(0, 60));
  return `text of ${text.length} units starting ${head}`;
}
