import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  fixtureUri,
  labelOf,
  lineOf,
  openFixture,
  openUntitled,
  waitForFreshDiagnostics,
  waitForRule,
} from './helpers';

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

function labels(items: readonly vscode.CompletionItem[]): string {
  return items.map(i => `  ${labelOf(i)}`).join('\n') || '  (none)';
}

describe('completion', () => {
  after(closeAllEditors);

  it('at the start of an empty body line after the last section, offers the missing 法律责任 section, numbered 六、', async () => {
    const { doc } = await openFixture('findings.agreement.md');
    await waitForRule(doc.uri, 'section/missing');
    const last = doc.lineCount - 1;
    assert.strictEqual(doc.lineAt(last).text, '', 'findings.agreement.md should end with a newline (an empty last line)');
    const items = await completionsAt(doc.uri, new vscode.Position(last, 0));
    const section = items.find(i => labelOf(i).includes('法律责任'));
    assert.ok(section, `法律责任 not offered at ${last + 1}:1; offered:\n${labels(items)}`);
    assert.strictEqual(labelOf(section), '六、法律责任', `label ${labelOf(section)}: the next heading after 五、合作方式 is 六、`);
    // The inserted text is the heading and the section's skeleton.
    const insert = section.insertText instanceof vscode.SnippetString ? section.insertText.value : String(section.insertText ?? '');
    assert.ok(insert.startsWith('六、法律责任\n'), `insert text: ${JSON.stringify(insert)}`);
    // Sections the document already has are not offered.
    for (const present of ['合作原则', '合作内容', '重点项目', '资金来源', '合作方式']) {
      assert.ok(!items.some(i => labelOf(i).endsWith(`、${present}`)), `present section ${present} offered:\n${labels(items)}`);
    }
  });

  it('on an empty line in the front matter, offers the keys not yet written (有效期), not those present (类别)', async () => {
    // findings.agreement.md with its 有效期 line emptied.
    const source = fs.readFileSync(fixtureUri('findings.agreement.md').fsPath, 'utf8');
    assert.match(source, /^有效期: .*$/m);
    const { doc } = await openUntitled(source.replace(/^有效期: .*$/m, ''));
    // Wait until the server has analysed this document's text (it has findings: the clause, the missing section).
    const diags = await waitForFreshDiagnostics(doc);
    assert.ok(diags.some(d => codeOf(d) === 'clause/exclusive'), 'the untitled copy was not analysed like the fixture');
    const line = lineOf(doc, '签署日期') + 1;
    assert.strictEqual(doc.lineAt(line).text, '', `line ${line + 1} should be the emptied 有效期 line`);
    const items = await completionsAt(doc.uri, new vscode.Position(line, 0));
    const term = items.find(i => labelOf(i) === '有效期');
    assert.ok(term, `有效期 not offered in the front matter; offered:\n${labels(items)}`);
    assert.strictEqual(term.kind, vscode.CompletionItemKind.Property);
    assert.ok(!items.some(i => labelOf(i) === '类别'), `类别 is already in the front matter but offered:\n${labels(items)}`);
  });
});
