/**
 * Every fix the built-in packs produce, on the shipped examples and on bare documents
 * of every category: applied with the one applier (LF and CRLF), the finding is gone,
 * the fix is not offered again, and line breaks keep their kind.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, applyEdits } from '../../../../server/src/core';
import { buildSkeleton, skeletonText } from '../../../../server/src/core/authoring/skeleton';
import { elementLine, isPresent } from '../../../../server/src/core/checks/elements';
import { fixAll } from '../../../../server/src/core/fixes/fixAll';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { packageRoot } from '../../../../server/src/packs/packageRoot';
import { assertSameLineBreaks, toCrlf } from './helpers';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const { ruleSet, packs } = loadPacks();
const root = packageRoot(__dirname);
const examplesDir = path.join(root, 'examples');
const examples = fs.existsSync(examplesDir) ? fs.readdirSync(examplesDir).filter((f) => f.endsWith('.agreement.md')).sort() : [];

/** Families whose fixes must make their finding disappear. */
const FIXING = /^(section|element|schema|clause|procedure)\//;

describe('fixes with the built-in packs', function () {
  before(function () {
    if (packs.length === 0 || ruleSet.categories.size === 0) this.skip();
  });

  for (const file of examples) {
    for (const [name, convert] of [['LF', (s: string) => s], ['CRLF', toCrlf]] as const) {
      it(`every fix in ${file} removes its finding and is not offered again (${name})`, () => {
        const text = convert(fs.readFileSync(path.join(examplesDir, file), 'utf8'));
        const findings = analyzeText(text, ruleSet);
        for (const finding of findings.filter((f) => FIXING.test(f.rule))) {
          for (const fix of fixesOf(finding)) {
            const fixed = applyEdits(text, fix.edits);
            assertSameLineBreaks(text, fixed);
            const after = analyzeText(fixed, ruleSet);
            const same = after.filter((f) => f.rule === finding.rule && f.message === finding.message && f.range.start.line === finding.range.start.line);
            if (finding.rule === 'schema/enum' || finding.rule === 'format/doc-type') continue;
            assert.equal(same.length, 0, `${file}: “${fix.title}” leaves ${finding.rule} ${finding.message}`);
            const inserted = JSON.stringify(fix.edits.map((e) => e.newText));
            const again = fix.edits.every((e) => e.newText === '')
              ? []
              : after.flatMap((f) => fixesOf(f)).filter((f) => f.title === fix.title && JSON.stringify(f.edits.map((e) => e.newText)) === inserted);
            assert.equal(again.length, 0, `${file}: “${fix.title}” is offered again`);
          }
        }
      });
    }
  }

  for (const category of ruleSet.categories.values()) {
    it(`${category.name}: from a bare document, inserting all missing sections leaves each flagged until written, and --fix inserts none`, () => {
      const skeleton = buildSkeleton(ruleSet, category, { partyA: '天津市河北区人民政府', partyB: '某某集团有限公司', date: '2025-06-30' });
      const bare = toCrlf(skeletonText({ ...skeleton, sections: [], closing: [] }));
      // Skeleton text needs the officer's words: fix-all (--fix, on save) never inserts it.
      assert.equal(fixAll(bare, ruleSet, {}).text, bare);
      const missing = analyzeText(bare, ruleSet).filter((f) => f.rule === 'section/missing');
      assert.equal(missing.length, 1, 'all missing sections are one finding');
      const required = category.sections.filter((s) => s.required !== false);
      const all = fixesOf(missing[0]).find((f) => f.title.startsWith('插入全部')) ?? fixesOf(missing[0])[0];
      assert.equal(fixesOf(missing[0]).length, required.length > 1 ? required.length + 1 : 1, 'one insert per section, and one for all');
      const inserted = applyEdits(bare, all.edits);
      assertSameLineBreaks(bare, inserted);
      assert.ok(inserted.startsWith(bare.slice(0, bare.indexOf('---', 3))), 'the front matter is untouched');
      const after = analyzeText(inserted, ruleSet);
      const left = after.filter((f) => /^(section|element)\//.test(f.rule) && !f.message.includes('尚未填写'));
      assert.deepEqual(left.map((f) => `${f.rule} ${f.message}`), []);
      assert.ok(after.some((f) => f.rule === 'format/placeholder'), 'the inserted skeletons are flagged');
    });

    it(`${category.name}: every element insert names its element, so it is never offered twice`, () => {
      for (const section of category.sections) {
        for (const element of section.elements ?? []) {
          const line = elementLine({ rules: ruleSet }, element, '\n', '');
          assert.ok(isPresent({ rules: ruleSet }, element, line), `${category.name}/${section.name}/${element.name}: “${line}”`);
        }
      }
    });
  }
});
