/**
 * Property: inserting a missing section (one, or all at once) or moving a section back to
 * its place leaves the top-level numbering continuous — in every numbering style, with or
 * without blank lines between sections, wherever the section goes, in every category.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText, applyEdits, type RuleSet } from '../../../../server/src/core';
import { formatMarker } from '../../../../server/src/core/fixes/numbering';
import type { HeadingStyle } from '../../../../server/src/core/parse/headings';
import { matchHeading } from '../../../../server/src/core/parse/headings';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { FRONT, RULES } from './helpers';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const STYLES: Array<{ style: HeadingStyle; gap: string }> = [
  { style: 'cn-dun', gap: '' },
  { style: 'article', gap: ' ' },
  { style: 'arabic', gap: '' },
];

function draft(names: string[], style: HeadingStyle, gap: string, blank: boolean, front = FRONT): string {
  const body = names.map((name, i) => `${formatMarker(style, i + 1)}${gap}${name}\n双方就${name}作出约定。\n`).join(blank ? '\n' : '');
  return front + body;
}

function numbers(text: string, style: HeadingStyle): number[] {
  return text
    .split(/\r?\n/)
    .map((l) => matchHeading(l))
    .filter((m) => m !== null && m.style === style)
    .map((m) => m!.numberValue ?? -1);
}

const continuous = (values: number[]) => values.every((v, i) => v === i + 1);

function checkCategory(rules: RuleSet, category: string, front: string): void {
  const sections = rules.categories.get(category)!.sections.filter((s) => s.required !== false).map((s) => s.name);
  fc.assert(
    fc.property(
      fc.subarray(sections, { minLength: 1 }),
      fc.constantFrom(...STYLES),
      fc.boolean(),
      fc.boolean(),
      (present, { style, gap }, blank, swap) => {
        const names = swap && present.length > 1 ? [present[1], present[0], ...present.slice(2)] : present;
        const text = draft(names, style, gap, blank, front);
        const findings = analyzeText(text, rules);
        const missing = findings.find((f) => f.rule === 'section/missing' && f.message.startsWith('缺少'));
        for (const fix of missing ? fixesOf(missing) : []) {
          const fixed = applyEdits(text, fix.edits);
          assert.ok(continuous(numbers(fixed, style)), `“${fix.title}” (${style}) leaves ${numbers(fixed, style).join(',')}:\n${fixed}`);
          assert.ok(!analyzeText(fixed, rules).some((f) => f.rule === 'section/numbering'), `“${fix.title}” leaves a numbering finding:\n${fixed}`);
        }
        for (const order of findings.filter((f) => f.rule === 'section/order')) {
          for (const fix of fixesOf(order)) {
            const fixed = applyEdits(text, fix.edits);
            assert.ok(continuous(numbers(fixed, style)), `“${fix.title}” (${style}) leaves ${numbers(fixed, style).join(',')}:\n${fixed}`);
          }
        }
      },
    ),
    { seed: 12, numRuns: 60 },
  );
}

describe('numbering stays continuous after every insert and move', () => {
  it('with the test pack', () => checkCategory(RULES, '企业集团', FRONT));

  const { ruleSet } = loadPacks();
  for (const name of ruleSet.categories.keys()) {
    it(`with the built-in packs: ${name}`, () => checkCategory(ruleSet, name, FRONT.replace('类别: 企业集团', `类别: ${name}`)));
  }
});
