import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  openFixture,
  removeScratch,
  scratchCopy,
  waitForFreshDiagnostics,
  waitForRule,
} from './helpers';

const FIX_ALL_KIND = 'source.fixAll.agreement';

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const result = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  // Only CodeActions (with a title and a kind or edit); plain Commands have `command` as a string.
  return (result ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

function titles(actions: readonly vscode.CodeAction[]): string {
  return actions.map(a => `  ${a.isPreferred ? '*' : ' '} ${a.title} [${a.kind?.value ?? '-'}]`).join('\n') || '  (none)';
}

/**
 * The text `before` becomes when `edit`'s edits for `uri` are applied, computed
 * here from offsets, so a test can check that applying the edit changed exactly
 * those ranges and nothing else.
 */
function expectedText(doc: vscode.TextDocument, before: string, edit: vscode.WorkspaceEdit): { text: string; edits: vscode.TextEdit[] } {
  const edits = edit.get(doc.uri);
  assert.ok(edits.length > 0, 'the action has no edit for this document');
  for (const [uri] of edit.entries()) assert.strictEqual(uri.toString(), doc.uri.toString(), `the action edits another file: ${uri}`);
  const spans = edits
    .map(e => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let text = before;
  for (const s of spans) text = text.slice(0, s.start) + s.newText + text.slice(s.end);
  return { text, edits };
}

/** Applies `action.edit` and checks that the document changed in the edited ranges only. */
async function applyExactly(doc: vscode.TextDocument, action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  const before = doc.getText();
  const { text, edits } = expectedText(doc, before, action.edit);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit failed for "${action.title}"`);
  const after = doc.getText();
  if (after !== text) {
    // Say where they first differ.
    let i = 0;
    while (i < after.length && after[i] === text[i]) i++;
    assert.fail(
      `"${action.title}" changed text outside its edits (${edits.length} edit(s)); first difference at offset ${i}:\n` +
        `expected …${JSON.stringify(text.slice(Math.max(0, i - 20), i + 40))}\n` +
        `actual   …${JSON.stringify(after.slice(Math.max(0, i - 20), i + 40))}`,
    );
  }
  assert.notStrictEqual(after, before, `"${action.title}" changed nothing`);
}

/** Rule ids with their counts, e.g. `procedure/archive×1`, sorted. */
function ruleCounts(diags: readonly vscode.Diagnostic[]): string[] {
  const counts = new Map<string, number>();
  for (const d of diags) counts.set(codeOf(d) ?? '-', (counts.get(codeOf(d) ?? '-') ?? 0) + 1);
  return [...counts].map(([r, n]) => `${r}×${n}`).sort();
}

function without(counts: string[], rule: string): string[] {
  return counts
    .map(c => {
      const [r, n] = c.split('×');
      return r === rule ? (Number(n) > 1 ? `${r}×${Number(n) - 1}` : '') : c;
    })
    .filter(Boolean);
}

/** A scratch copy of findings.agreement.md, open in an editor (edits to it never reach the fixture). */
async function openScratch(as: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument }> {
  const uri = scratchCopy('findings.agreement.md', as);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return { uri, doc };
}

describe('code actions', () => {
  afterEach(closeAllEditors);
  after(removeScratch);

  it('on the clause/exclusive diagnostic: 改为合规表述…, 删除此句, 在此处停用…, 打开条文', async () => {
    const { doc } = await openFixture('findings.agreement.md');
    const diags = await waitForRule(doc.uri, 'clause/exclusive');
    const diagnostic = diags.find(d => codeOf(d) === 'clause/exclusive')!;
    const actions = await codeActions(doc.uri, diagnostic.range);
    const quickFixes = actions.filter(a => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    const has = (prefix: string) => quickFixes.find(a => a.title.startsWith(prefix));
    for (const prefix of ['改为合规表述', '删除此句', '在此处停用', '打开条文']) {
      assert.ok(has(prefix), `no quick fix "${prefix}…" on ${describeDiagnostics([diagnostic])}; offered:\n${titles(actions)}`);
    }
    const preferred = quickFixes.filter(a => a.isPreferred);
    assert.deepStrictEqual(
      preferred.map(a => a.title),
      [has('改为合规表述')!.title],
      `expected exactly the 改为合规表述 fix to be preferred; offered:\n${titles(actions)}`,
    );
    assert.ok(has('改为合规表述')!.title.includes('本协议不设排他性条款'), has('改为合规表述')!.title);
    assert.ok(has('在此处停用')!.title.includes('clause/exclusive'), has('在此处停用')!.title);
    const open = has('打开条文')!;
    assert.strictEqual(open.command?.command, 'agreement.openProvision', `打开条文 runs ${open.command?.command}`);
    assert.ok(!open.edit, '打开条文 should not edit the document');
  });

  it('applying the preferred fix removes the clause/exclusive finding and changes nothing else (scratch copy)', async () => {
    const { uri, doc } = await openScratch('fix-clause.agreement.md');
    await waitForRule(uri, 'clause/exclusive');
    const before = await waitForFreshDiagnostics(doc);
    const diagnostic = before.find(d => codeOf(d) === 'clause/exclusive')!;
    const sentenceLine = diagnostic.range.start.line;
    const actions = await codeActions(uri, diagnostic.range);
    // (executeCodeActionProvider does not return an action's `diagnostics`; the range holds only this finding.)
    const preferred = actions.filter(a => a.isPreferred);
    assert.strictEqual(preferred.length, 1, `expected one preferred fix for clause/exclusive; offered:\n${titles(actions)}`);
    const fix = preferred[0];
    for (const e of fix.edit!.get(uri)) {
      assert.ok(e.range.start.line === sentenceLine && e.range.end.line === sentenceLine, `edit ${JSON.stringify(e.range)} leaves the sentence's line ${sentenceLine + 1}`);
    }

    await applyExactly(doc, fix);
    assert.ok(doc.lineAt(sentenceLine).text.includes('本协议不设排他性条款'), doc.lineAt(sentenceLine).text);
    assert.ok(!doc.getText().includes('独家经营权'), 'the exclusive sentence is still there');

    const after = await waitForFreshDiagnostics(doc, undefined, 'diagnostics after the fix');
    assert.deepStrictEqual(
      ruleCounts(after),
      without(ruleCounts(before), 'clause/exclusive'),
      `the fix should remove exactly the clause/exclusive finding.\nbefore:\n${describeDiagnostics(before)}\nafter:\n${describeDiagnostics(after)}`,
    );
  });

  it('the section/missing fix inserts the 法律责任 section and removes its finding (scratch copy)', async () => {
    const { uri, doc } = await openScratch('fix-section.agreement.md');
    await waitForRule(uri, 'section/missing');
    const before = await waitForFreshDiagnostics(doc);
    const isMissing = (d: vscode.Diagnostic) => codeOf(d) === 'section/missing' && d.message.startsWith('缺少') && d.message.includes('“法律责任”');
    const diagnostic = before.find(isMissing);
    assert.ok(diagnostic, `no section/missing for 法律责任:\n${describeDiagnostics(before)}`);
    const actions = await codeActions(uri, diagnostic.range);
    const insert = actions.find(a => a.title.includes('插入') && a.title.includes('法律责任'));
    assert.ok(insert, `no "插入“法律责任”一节" fix; offered:\n${titles(actions)}`);
    // A snippet edit (a tab stop per placeholder) where VS Code takes them, else plain text.
    assert.ok(insert.edit, `"${insert.title}" has no edit`);
    assert.ok(await vscode.workspace.applyEdit(insert.edit), `applyEdit failed for "${insert.title}"`);
    assert.match(doc.getText(), /^[一二三四五六七八九十]+、法律责任$/m, 'no 法律责任 heading after the fix');

    const after = await waitForFreshDiagnostics(doc, undefined, 'diagnostics after inserting 法律责任');
    assert.ok(!after.some(isMissing), `法律责任 still reported missing:\n${describeDiagnostics(after)}`);
    // The inserted skeleton is the officer's to write: flagged until then.
    assert.ok(after.some(d => codeOf(d) === 'format/placeholder' || (codeOf(d) === 'section/missing' && d.message.includes('尚未填写'))), `the inserted section is not flagged:\n${describeDiagnostics(after)}`);
    // The other findings stay (the fix adds a section, it does not touch the clauses).
    for (const rule of ['clause/exclusive', 'clause/government-guarantee']) {
      assert.ok(after.some(d => codeOf(d) === rule), `${rule} disappeared after inserting a section:\n${describeDiagnostics(after)}`);
    }
  });

  it(`offers ${FIX_ALL_KIND}, whose edit renumbers but never inserts skeleton text (scratch copy)`, async () => {
    const { uri, doc } = await openScratch('fix-all.agreement.md');
    await waitForRule(uri, 'section/missing');
    const renumber = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('五、合作方式');
    renumber.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 2)), '六、');
    assert.ok(await vscode.workspace.applyEdit(renumber));
    await waitForRule(uri, 'section/numbering');
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const actions = await codeActions(uri, whole, FIX_ALL_KIND);
    const fixAll = actions.find(a => a.kind?.value === FIX_ALL_KIND);
    assert.ok(fixAll, `no ${FIX_ALL_KIND} action; offered:\n${titles(actions)}`);
    assert.ok(fixAll.edit && fixAll.edit.get(uri).length > 0, `${fixAll.title} has no edit`);

    await applyExactly(doc, fixAll);
    assert.ok(doc.getText().includes('五、合作方式'), 'the numbering is not fixed');
    const after = await waitForFreshDiagnostics(doc, undefined, 'diagnostics after fix-all');
    assert.ok(!after.some(d => codeOf(d) === 'section/numbering'), `section/numbering remains after ${FIX_ALL_KIND}:\n${describeDiagnostics(after)}`);
    assert.ok(after.some(d => codeOf(d) === 'section/missing'), `fix-all inserted a skeleton section:\n${describeDiagnostics(after)}`);
  });
});
