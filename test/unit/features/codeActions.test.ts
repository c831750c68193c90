import * as assert from 'node:assert/strict';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { analyzeText } from '../../../server/src/core';
import { codeActions, FIX_ALL_KIND, NOT_CURRENT_FIX } from '../../../server/src/features/codeActions';
import { FRONT, RULES, toCrlf } from '../core/fixes/helpers';
import { analysisOf, applyWorkspaceEdit, diagnosticsOf, URI } from './helpers';
import { fixesOf } from '../../../server/src/core/fixes/onDemand';

const lines = (...l: string[]) => l.join('\n');
const MISSING_THREE = FRONT + lines('一、合作原则', '互利共赢。', '二、法律责任', '依法承担责任。', '');

function actionsFor(text: string, pick: (code: string) => boolean, version = 1, only?: string[]) {
  const analysis = analysisOf(text, RULES, version);
  const diagnostics = diagnosticsOf(analysis).filter((d) => pick(String(d.code)));
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { actions: codeActions({ textDocument: { uri: URI }, range, context: { diagnostics, only } }, analysis), text, analysis, range };
}

describe('code actions', () => {
  it('inserted skeletons are snippet edits with a tab stop per placeholder when the client takes them; plain text otherwise', () => {
    const analysis = analysisOf(MISSING_THREE, RULES, 3);
    const diagnostics = diagnosticsOf(analysis).filter((d) => d.code === 'section/missing');
    const params = { textDocument: { uri: URI }, range: diagnostics[0].range, context: { diagnostics } };
    const snippet = codeActions(params, analysis, { versionedEdits: true, snippetEdits: true }).find((a) => a.title === '插入“重点项目”一节')!;
    const edits = (snippet.edit!.documentChanges![0] as { textDocument: { version: number }; edits: Array<{ newText?: string; snippet?: { kind: string; value: string } }> }).edits;
    const inserted = edits.find((e) => e.snippet);
    assert.ok(inserted, JSON.stringify(edits));
    assert.equal(inserted.snippet!.kind, 'snippet');
    assert.match(inserted.snippet!.value, /\$\{1:（项目名称）\}/);
    assert.match(inserted.snippet!.value, /实施主体：\$\{2:……\}/);
    const plain = codeActions(params, analysis, { versionedEdits: true }).find((a) => a.title === '插入“重点项目”一节')!;
    const plainEdits = (plain.edit!.documentChanges![0] as { edits: Array<{ newText?: string; snippet?: unknown }> }).edits;
    assert.ok(plainEdits.every((e) => typeof e.newText === 'string' && e.snippet === undefined));
  });

  for (const [name, convert] of [['LF', (s: string) => s], ['CRLF', toCrlf]] as const) {
    it(`offers one "insert all missing sections" action that leaves no section missing (${name})`, () => {
      const text = convert(MISSING_THREE);
      const { actions } = actionsFor(text, (c) => c === 'section/missing');
      const all = actions.filter((a) => a.title.startsWith('插入全部缺少的'));
      assert.equal(all.length, 1, actions.map((a) => a.title).join(' | '));
      assert.equal(all[0].title, '插入全部缺少的 3 节');
      assert.equal(all[0].kind, CodeActionKind.QuickFix);
      const fixed = applyWorkspaceEdit(text, all[0].edit);
      const after = analyzeText(fixed, RULES);
      // Nothing is missing any more; each inserted section is flagged until it is written.
      assert.deepEqual(after.filter((f) => f.rule.startsWith('section/') && !f.message.includes('尚未填写')).map((f) => f.message), []);
      assert.equal(after.filter((f) => f.rule === 'section/missing' && f.message.includes('尚未填写')).length, 3);
      const headings = fixed.split(/\r?\n/).filter((l) => /^[一二三四五六七八九十]+、/.test(l));
      assert.deepEqual(headings, ['一、合作原则', '二、合作内容', '三、重点项目', '四、保障措施', '五、法律责任']);
      assert.ok(fixed.startsWith(convert(FRONT)), 'the front matter and title are untouched');
      if (name === 'CRLF') assert.ok(!/[^\r]\n/.test(fixed), 'CRLF stays CRLF');
    });
  }

  it('lists each finding’s fixes first with the preferred flag, and never repeats an action', () => {
    const { actions } = actionsFor(MISSING_THREE, (c) => c === 'section/missing');
    const titles = actions.map((a) => a.title);
    // One finding lists the three missing sections: one insert per section, then one for all (preferred).
    assert.deepEqual(titles.slice(0, 4), ['插入“合作内容”一节', '插入“重点项目”一节', '插入“保障措施”一节', '插入全部缺少的 3 节']);
    assert.ok(actions.slice(0, 4).every((a) => a.isPreferred === (a.title === '插入全部缺少的 3 节') && a.diagnostics?.length === 1));
    assert.equal(new Set(titles).size, titles.length, titles.join(' | '));
    assert.equal(titles.filter((t) => t.startsWith('在此处停用')).length, 1);
    assert.ok(titles.includes('打开条文：测试办〔2017〕1号 二(四)'), titles.join(' | '));
  });

  it('still offers the current fixes when the diagnostic comes from an older version whose edits can be followed', () => {
    const { actions } = actionsFor(MISSING_THREE, (c) => c === 'section/missing', 2);
    const analysis = analysisOf(MISSING_THREE, RULES, 3);
    const stale = diagnosticsOf(analysisOf(MISSING_THREE, RULES, 2)).filter((d) => d.code === 'section/missing');
    const follow = (from: number, start: number, end: number) => (from === 2 ? { start, end } : null);
    const fresh = codeActions({ textDocument: { uri: URI }, range: stale[0].range, context: { diagnostics: stale } }, analysis, { follow });
    assert.deepEqual(fresh.map((a) => a.title), actions.map((a) => a.title));
    // Without a way to follow the edits since, a stale diagnostic gets no fix rather than a guess.
    const unfollowed = codeActions({ textDocument: { uri: URI }, range: stale[0].range, context: { diagnostics: stale } }, analysis);
    assert.deepEqual(unfollowed.filter((a) => a.edit), []);
  });

  it('disables a body finding on the next line, with a reason placeholder', () => {
    const text = FRONT + lines('一、合作原则', '互利共赢。', '二、合作内容', '甲方给予乙方独家合作权。', '三、法律责任', '依法承担责任。', '');
    const { actions } = actionsFor(text, (c) => c === 'clause/exclusive');
    const disable = actions.find((a) => a.title.startsWith('在此处停用'))!;
    const fixed = applyWorkspaceEdit(text, disable.edit);
    assert.ok(fixed.includes('<!-- agreement-disable-next-line clause/exclusive -- 理由 -->\n甲方给予乙方独家合作权。'), fixed);
    assert.ok(!analyzeText(fixed, RULES).some((f) => f.rule === 'clause/exclusive'));
  });

  it('disables a front-matter finding with a comment under the front matter that covers it', () => {
    const text = FRONT.replace('文种: 协议书', '文种: 协议') + lines('一、合作原则', '互利共赢。', '');
    const { actions } = actionsFor(text, (c) => c === 'schema/enum');
    const disable = actions.find((a) => a.title.startsWith('在此处停用'))!;
    const fixed = applyWorkspaceEdit(text, disable.edit);
    assert.ok(!analyzeText(fixed, RULES).some((f) => f.rule === 'schema/enum'), fixed);
    assert.ok(analyzeText(fixed, RULES).some((f) => f.rule === 'section/missing'), 'other rules still report');
  });

  it('a disable comment further down the body does not cover the front matter', () => {
    const text = FRONT.replace('文种: 协议书', '文种: 协议') + lines('一、合作原则', '<!-- agreement-disable schema/enum -- 理由 -->', '互利共赢。', '');
    assert.ok(analyzeText(text, RULES).some((f) => f.rule === 'schema/enum'));
  });

  it('sends no fix in the diagnostic data and still offers large fixes from the analysis', () => {
    const items = Array.from({ length: 120 }, (_, i) => `（一）第${i + 1}项`).join('\n');
    const text = FRONT + lines('一、合作原则', items, '二、法律责任', '依法承担责任。', '');
    const analysis = analysisOf(text, RULES);
    const diagnostics = diagnosticsOf(analysis).filter((d) => d.code === 'section/numbering');
    // A long misnumbered list is reported as ten findings plus one summary, not 119.
    assert.equal(diagnostics.length, 11);
    assert.match(String(diagnostics[10].message), /另有 109 处编号不连续/);
    // The finding's name only: its fixes and the provision to open are taken from the analysis.
    assert.deepEqual(Object.keys(diagnostics[5].data as object).sort(), ['end', 'start', 'version']);
    const actions = codeActions({ textDocument: { uri: URI }, range: diagnostics[5].range, context: { diagnostics: [diagnostics[5]] } }, analysis);
    const renumber = actions.find((a) => a.title === '按顺序重新编号本级标题')!;
    const fixed = applyWorkspaceEdit(text, renumber.edit);
    assert.ok(fixed.includes('（一百二十）第120项'), fixed.slice(-200));
    assert.ok(!analyzeText(fixed, RULES).some((f) => f.rule === 'section/numbering'));
  });

  it('answers source.fixAll.agreement with one edit after which no safe fix is left', () => {
    const text = toCrlf(MISSING_THREE.replace('二、法律责任', '三、法律责任'));
    const { actions } = actionsFor(text, () => true, 1, [CodeActionKind.SourceFixAll]);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, FIX_ALL_KIND);
    const fixed = applyWorkspaceEdit(text, actions[0].edit);
    const left = analyzeText(fixed, RULES).filter((f) => fixesOf(f).some((x) => x.safe));
    assert.deepEqual(left.map((f) => f.rule), []);
    assert.ok(!/[^\r]\n/.test(fixed));
  });

  it('returns only quick fixes when asked for quick fixes, and nothing for other sources', () => {
    const analysis = analysisOf(MISSING_THREE, RULES);
    const diagnostics = diagnosticsOf(analysis).map((d) => ({ ...d, source: 'other' }));
    assert.deepEqual(codeActions({ textDocument: { uri: URI }, range: diagnostics[0].range, context: { diagnostics } }, analysis), []);
    const { actions } = actionsFor(MISSING_THREE, () => true, 1, [CodeActionKind.QuickFix]);
    assert.ok(actions.every((a) => a.kind === CodeActionKind.QuickFix));
  });
});

describe('code actions: fix-all work per document version', () => {
  it('computes a fix-all edit once per analysis and returns the same edit when asked again', () => {
    const text = toCrlf(MISSING_THREE.replace('二、法律责任', '三、法律责任'));
    const first = actionsFor(text, () => true, 1, [CodeActionKind.SourceFixAll]);
    const again = codeActions({ textDocument: { uri: URI }, range: first.range, context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] } }, first.analysis);
    assert.deepEqual(again.map((a) => a.edit), first.actions.map((a) => a.edit));
    const edit = (again[0].edit as { changes: Record<string, unknown[]> }).changes[URI][0];
    const original = (first.actions[0].edit as { changes: Record<string, unknown[]> }).changes[URI][0];
    assert.equal(edit, original, 'the cached edit object is reused, not recomputed');
  });

  it('a diagnostic of an older version that cannot be followed gets a readable refusal, not an edit', () => {
    const analysis = analysisOf(MISSING_THREE, RULES, 5);
    const [diagnostic] = diagnosticsOf(analysisOf(MISSING_THREE, RULES, 3)).filter((d) => d.code === 'section/missing');
    const params = { textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
    const refused = codeActions(params, analysis, { versionedEdits: true, disabledActions: true, follow: () => null });
    assert.deepEqual(refused.map((a) => [a.title, a.disabled?.reason, a.edit]), [['无法修复此问题', NOT_CURRENT_FIX, undefined]]);
    // A client that cannot show disabled actions gets nothing rather than an edit for other text.
    assert.deepEqual(codeActions(params, analysis, { versionedEdits: true, follow: () => null }), []);
  });
});
