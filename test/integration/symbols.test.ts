import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, lineOf, openFixture, symbolPaths, waitForAnalysis } from './helpers';

describe('document symbols', () => {
  after(closeAllEditors);

  it('executeDocumentSymbolProvider returns the section tree of complete.agreement.md', async () => {
    const { doc } = await openFixture('complete.agreement.md');
    await waitForAnalysis(doc.uri).catch(() => undefined); // the server is up; symbols do not need findings
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
      'vscode.executeDocumentSymbolProvider',
      doc.uri,
    );
    assert.ok(symbols && symbols.length > 0, 'no document symbols');
    assert.ok('children' in symbols[0], 'symbols are flat SymbolInformation, expected a DocumentSymbol tree');
    const tree = symbols as vscode.DocumentSymbol[];
    const paths = symbolPaths(tree);

    // The six sections, in document order.
    const sections = ['合作原则', '合作内容', '重点项目', '资金来源', '合作方式', '法律责任'];
    const indexes = sections.map(s => paths.findIndex(p => p.split(' > ').pop()!.includes(s)));
    assert.ok(indexes.every(i => i >= 0), `sections missing from the outline:\n${paths.join('\n')}`);
    assert.deepStrictEqual([...indexes].sort((a, b) => a - b), indexes, `sections out of order:\n${paths.join('\n')}`);

    // （一）某某产业园项目 is a child of 三、重点项目.
    assert.ok(
      paths.some(p => /重点项目[^>]* > [^>]*某某产业园项目/.test(p)),
      `（一）某某产业园项目 is not nested under 重点项目:\n${paths.join('\n')}`,
    );

    // A section symbol starts at its heading line.
    const find = (list: vscode.DocumentSymbol[], name: string): vscode.DocumentSymbol | undefined => {
      for (const s of list) {
        if (s.name.includes(name)) return s;
        const c = find(s.children, name);
        if (c) return c;
      }
      return undefined;
    };
    const principle = find(tree, '合作原则')!;
    assert.strictEqual(principle.range.start.line, lineOf(doc, '一、合作原则'));
    assert.ok(principle.range.contains(principle.selectionRange), 'selectionRange outside range');
  });
});
