import * as assert from 'node:assert/strict';
import { analyzeText, parseDocument, type Finding } from '../../../server/src/core';
import { extractCommitments } from '../../../server/src/core/ledger/extract';
import { forgetRemembered } from '../../../server/src/core/textMemo';
import { loadPacks } from '../../../server/src/packs/loadPacks';
import { corpusFromPacks, generateDocument } from '../../../bench/generate';

/**
 * A long document re-analysed after an edit takes the results of unchanged pieces, sentences
 * and sections from the memos. Every analysis here is compared with one that reuses nothing
 * (the memos forgotten first): the same findings, fixes and all, whatever the edit touched.
 */
const { packs, ruleSet } = loadPacks();
const corpus = corpusFromPacks(packs);
const options = { ledger: { asOf: '2026-12-01', fallbackKey: 'doc', file: 'doc.agreement.md' } };

const shown = (findings: Finding[]) => JSON.stringify(findings);
/** The analysis after the memos have seen the previous version, checked against one from nothing. */
function reanalyse(text: string): Finding[] {
  const reused = analyzeText(text, ruleSet, options);
  // Every commitment with its id, as the ledger reads them (not only the dated ones the overdue check reads).
  const ledger = JSON.stringify(extractCommitments(parseDocument(text), { fallbackKey: 'doc' }));
  forgetRemembered();
  const fresh = analyzeText(text, ruleSet, options);
  assert.equal(shown(reused), shown(fresh));
  forgetRemembered();
  assert.equal(ledger, JSON.stringify(extractCommitments(parseDocument(text), { fallbackKey: 'doc' })));
  return reused;
}

function longDocument(seed: number): string {
  const text = generateDocument(corpus, { seed, bytes: 120 * 1024, category: '企业集团' });
  assert.ok(text.length > 1 << 15, 'long enough for the memos');
  return text;
}

const edit = (text: string, at: number, removed: number, inserted: string) => text.slice(0, at) + inserted + text.slice(at + removed);
const key = (f: Finding, shift: (o: number) => number) => `${f.rule} ${shift(f.span.start)} ${shift(f.span.end)} ${f.message}`;
const sectionAt = (text: string, at: number) => {
  const heads = [...text.matchAll(/^[一二三四五六七八九十]+、/gm)].map((m) => m.index);
  const start = Math.max(...heads.filter((h) => h <= at));
  const end = Math.min(text.length, ...heads.filter((h) => h > at));
  return { start, end };
};

describe('analysis of a long document across edits (results reused only where nothing they read changed)', () => {
  beforeEach(() => forgetRemembered());

  it('an edit inside one section changes that section’s findings and no other’s', () => {
    let text = longDocument(77);
    const before = reanalyse(text);
    // A forbidden promise and a blank written into the middle of the third section.
    const third = sectionAt(text, text.indexOf('三、重点项目'));
    const at = text.indexOf('\n', third.start + ((third.end - third.start) >> 1)) + 1;
    const inserted = '甲方承诺对乙方的投资给予保底收益，年化收益率不低于百分之八。资金来源：____\n';
    text = edit(text, at, 0, inserted);
    const after = reanalyse(text);
    const shift = (o: number) => (o >= at ? o - inserted.length : o);
    const inside = (f: Finding) => f.span.start >= third.start && f.span.end <= third.end + inserted.length;
    const outside = (findings: Finding[], moved: boolean) => findings.filter((f) => f.span.start > 0 && !inside(f) && !/^procedure\//.test(f.rule)).map((f) => key(f, moved ? shift : (o) => o));
    assert.deepEqual(outside(after, true), outside(before, false));
    const added = after.filter(inside).map((f) => key(f, shift));
    const had = new Set(before.filter(inside).map((f) => key(f, (o) => o)));
    const fresh = added.filter((k) => !had.has(k));
    assert.ok(fresh.some((k) => k.startsWith('clause/guaranteed-return')), fresh.join('\n'));
    assert.ok(fresh.some((k) => k.startsWith('format/placeholder')), fresh.join('\n'));
  });

  it('one character typed and removed, again and again, in several places: every version as analysed from nothing', () => {
    let text = longDocument(78);
    reanalyse(text);
    for (const fraction of [0.2, 0.5, 0.8, 0.5]) {
      const at = text.indexOf('\n', Math.floor(text.length * fraction)) + 1;
      text = edit(text, at, 0, '合');
      reanalyse(text);
      text = edit(text, at, 1, '');
      reanalyse(text);
    }
  });

  it('a heading renamed or its number removed re-reads the sections that depend on it', () => {
    let text = longDocument(79);
    const before = reanalyse(text);
    const at = text.indexOf('四、资金来源');
    text = edit(text, at, '四、资金来源'.length, '四、资金');
    const renamed = reanalyse(text);
    assert.notEqual(shown(renamed), shown(before));
    text = edit(text, at, 2, '');
    const unnumbered = reanalyse(text);
    assert.ok(unnumbered.some((f) => f.rule === 'section/missing' || f.rule === 'section/numbering'));
  });

  it('the front matter: another category or signing date changes what is required and what is overdue', () => {
    let text = longDocument(77);
    const before = reanalyse(text);
    const signed = /^签署日期: .*$/m;
    text = text.replace(signed, '签署日期: 2010-01-01');
    const older = reanalyse(text);
    text = text.replace(signed, '签署日期: 2026-11-30');
    const newer = reanalyse(text);
    const overdue = (findings: Finding[]) => findings.filter((f) => f.rule === 'procedure/commitment-overdue').length;
    assert.ok(overdue(older) > overdue(newer), `${overdue(older)} > ${overdue(newer)}`);
    text = text.replace(/^类别: 企业集团$/m, '类别: 对口合作');
    const other = reanalyse(text);
    const required = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith('section/') || f.rule.startsWith('element/')).map((f) => f.message);
    assert.notDeepEqual(required(other), required(before));
  });

  it('the parties written in the body: a changed party line changes who acts in every section', () => {
    const generated = longDocument(77);
    const bodyStart = generated.indexOf('\n---', 4) + 5;
    const frontMatter = generated.slice(0, bodyStart).replace(/^[甲乙]方: .*\n/gm, '');
    const government = /^甲方: (.*)$/m.exec(generated)![1];
    let text = frontMatter + generated.slice(bodyStart).replace(/^(# .*\n)/m, `$1\n甲方：${government}\n乙方：某某数字产业集团有限公司\n`);
    const before = reanalyse(text);
    text = text.replace(`甲方：${government}`, '甲方：某某数字产业集团有限公司');
    const after = reanalyse(text);
    const partyLine = text.indexOf('甲方：');
    const far = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith('clause/') && f.span.start > partyLine + 2000).map((f) => f.rule);
    assert.notDeepEqual(far(after), far(before));
  });
});
