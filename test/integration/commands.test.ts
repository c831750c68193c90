import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  LANGUAGE_ID,
  openUntitled,
  REPO_ROOT,
  waitForEvent,
  waitForFreshDiagnostics,
} from './helpers';

interface SnippetFile {
  [name: string]: { prefix: string | string[]; body: string | string[]; description?: string };
}

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

/** The snippets package.json contributes for the agreement language. */
function contributedSnippets(): SnippetFile {
  const entries: { language: string; path: string }[] = pkg.contributes?.snippets ?? [];
  const ours = entries.filter(e => e.language === LANGUAGE_ID);
  assert.strictEqual(ours.length, 1, `package.json contributes ${ours.length} snippet files for "${LANGUAGE_ID}"`);
  const file = path.resolve(REPO_ROOT, ours[0].path);
  assert.ok(fs.existsSync(file), `contributed snippet file ${ours[0].path} does not exist`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const bodyOf = (s: SnippetFile[string]) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

/** Top-level headings (`一、合作原则`) written out in a snippet body, without placeholders. */
function headingsOf(body: string): string[] {
  return body.split('\n').filter(l => /^[一二三四五六七八九十]+、[^$]+$/.test(l));
}

const SNIPPET = '全文：企业集团';

describe('snippets and commands', () => {
  afterEach(closeAllEditors);

  describe('contributed snippets', () => {
    it('package.json contributes a snippet file for "agreement" whose snippets each have a prefix, a body and a description', () => {
      const snippets = contributedSnippets();
      const names = Object.keys(snippets);
      assert.ok(names.length > 0, 'the snippet file is empty');
      assert.ok(names.includes(SNIPPET), `no snippet "${SNIPPET}"; have: ${names.join(', ')}`);
      for (const [name, s] of Object.entries(snippets)) {
        assert.ok((Array.isArray(s.prefix) ? s.prefix : [s.prefix]).every(p => typeof p === 'string' && p.length > 0), `${name}: bad prefix`);
        assert.ok(bodyOf(s).length > 0, `${name}: empty body`);
        assert.ok(s.description && s.description.length > 0, `${name}: no description`);
      }
    });

    it(`"${SNIPPET}" inserted with editor.insertSnippet writes its headings, and the linter finds every section present and its placeholders flagged`, async () => {
      const snippet = contributedSnippets()[SNIPPET];
      const headings = headingsOf(bodyOf(snippet));
      assert.ok(headings.length >= 5, `too few headings in ${SNIPPET}: ${headings.join(', ')}`);
      const { doc, editor } = await openUntitled();
      assert.strictEqual(doc.languageId, LANGUAGE_ID);
      assert.ok(await editor.insertSnippet(new vscode.SnippetString(bodyOf(snippet))), 'insertSnippet returned false');
      const text = doc.getText();
      for (const h of headings) assert.ok(text.includes(h), `"${h}" missing from the inserted text:\n${text}`);
      assert.match(text, /^类别: 企业集团$/m);
      const diags = await waitForFreshDiagnostics(doc);
      // Every section is there (none 缺少); each is flagged as not yet written until the officer writes it.
      const missing = diags.filter(d => codeOf(d) === 'section/missing' && d.message.startsWith('缺少'));
      assert.deepStrictEqual(missing, [], `the ${SNIPPET} skeleton lacks sections:\n${describeDiagnostics(missing)}`);
      assert.ok(diags.some(d => codeOf(d) === 'format/placeholder'), `the skeleton's placeholders are not flagged:\n${describeDiagnostics(diags)}`);
    });

    it(`VS Code registered the contribution: editor.action.insertSnippet finds "${SNIPPET}" by name`, async () => {
      const headings = headingsOf(bodyOf(contributedSnippets()[SNIPPET]));
      const { doc } = await openUntitled();
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: LANGUAGE_ID, name: SNIPPET });
      const text = doc.getText();
      assert.ok(text.length > 0, `editor.action.insertSnippet inserted nothing: VS Code does not know the snippet "${SNIPPET}"`);
      for (const h of headings) assert.ok(text.includes(h), `"${h}" missing from the inserted text:\n${text}`);
    });
  });

  describe('新建协议文书 (agreement.new)', () => {
    const CATEGORY = '中央企业';
    const DOC_TYPE = '协议书';
    const PARTY_A = '天津市河北区人民政府';
    const PARTY_B = '某某测试股份有限公司';

    it('is contributed to the command palette and registered', async () => {
      const contributed: { command: string; title: string }[] = pkg.contributes?.commands ?? [];
      assert.ok(contributed.some(c => c.command === 'agreement.new'), 'package.json does not contribute agreement.new');
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('agreement.new'), 'agreement.new is not registered');
    });

    it(`with the prompts answered (${DOC_TYPE}, ${CATEGORY}, 甲方, 乙方) opens an untitled agreement with that 类别 and every section present`, async () => {
      // Stub the prompts. This works because the test module lies inside the
      // extension under development (out/test/ under the repository root), so
      // `require('vscode')` gives it the very API object the extension's
      // bundle got, and the command looks up vscode.window.showQuickPick on it
      // at call time. Restored in `finally`.
      const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
      const realQuickPick = window.showQuickPick;
      const realInputBox = window.showInputBox;
      const picks: string[] = [];
      const prompts: string[] = [];
      let stubbed!: () => void;
      const stubCalled = new Promise<void>(r => (stubbed = r));
      window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
        stubbed();
        const list = await items;
        const want = picks.length === 0 ? DOC_TYPE : CATEGORY;
        picks.push(`${options?.title ?? '?'}: ${list.map(i => i.label).join('/')}`);
        const item = list.find(i => i.label === want);
        assert.ok(item, `quick pick ${picks.length} (${options?.title}) has no "${want}": ${list.map(i => i.label).join(', ')}`);
        return item;
      }) as unknown as typeof window.showQuickPick;
      window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
        stubbed();
        prompts.push(options?.prompt ?? '?');
        const value = prompts.length === 1 ? PARTY_A : PARTY_B;
        // The command validates the input as the real box would.
        assert.strictEqual(await options?.validateInput?.(value), undefined, `${value} rejected`);
        assert.ok(options?.validateInput?.(''), 'an empty name should be rejected');
        return value;
      }) as typeof window.showInputBox;

      try {
        const opened = waitForEvent(
          vscode.workspace.onDidOpenTextDocument,
          d => d.uri.scheme === 'untitled' && d.uri.path.endsWith('.agreement.md'),
          'the new untitled agreement document',
        );
        const run = Promise.resolve(vscode.commands.executeCommand<vscode.TextEditor | undefined>('agreement.new'));
        // If the stubs are not the extension's (a different API object), the
        // real quick pick would wait for a person: fail fast and close it.
        const notStubbed = new Promise<'real prompt'>(r => setTimeout(() => r('real prompt'), 10_000));
        const first = await Promise.race([stubCalled.then(() => 'stub' as const), notStubbed, run.then(() => 'returned' as const)]);
        if (first !== 'stub') {
          await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
          assert.fail(`agreement.new did not use the stubbed vscode.window prompts (${first})`);
        }
        const editor = await run;
        const doc = await opened;
        assert.strictEqual(picks.length, 2, `expected 2 quick picks (文种, 类别), got: ${picks.join(' | ')}`);
        assert.strictEqual(prompts.length, 2, `expected 2 input boxes (甲方, 乙方), got: ${prompts.join(' | ')}`);
        assert.ok(editor, 'agreement.new returned no editor');
        assert.strictEqual(editor.document.uri.toString(), doc.uri.toString());
        assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the new document is not the active editor');
        assert.strictEqual(doc.languageId, LANGUAGE_ID);
        assert.strictEqual(doc.uri.scheme, 'untitled');
        assert.strictEqual(path.basename(doc.uri.path), `${CATEGORY}-${DOC_TYPE}.agreement.md`);

        const text = doc.getText();
        assert.match(text, new RegExp(`^类别: ${CATEGORY}$`, 'm'), `no "类别: ${CATEGORY}" in:\n${text}`);
        assert.match(text, new RegExp(`^文种: ${DOC_TYPE}$`, 'm'));
        assert.match(text, new RegExp(`^甲方: ${PARTY_A}$`, 'm'));
        assert.match(text, new RegExp(`^乙方: ${PARTY_B}$`, 'm'));

        const diags = await waitForFreshDiagnostics(doc);
        const bad = diags.filter(d => (codeOf(d) === 'section/missing' && d.message.startsWith('缺少')) || codeOf(d) === 'schema/front-matter');
        assert.deepStrictEqual(bad, [], `the new ${CATEGORY} document has structural findings:\n${describeDiagnostics(bad)}`);
      } finally {
        window.showQuickPick = realQuickPick;
        window.showInputBox = realInputBox;
      }
    });
  });
});
