/**
 * Diagnostics after edits, over stdio: what a long document's diagnostics say after a series of
 * edits (each re-analysed through the memos, with the diagnostics of the last version at hand)
 * must be what a server that never saw the earlier versions publishes for the same text.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusFromPacks, generateDocument } from '../../bench/generate';
import { loadPacks } from '../../server/src/packs/loadPacks';
import { startServer, type TestClient } from './lspClient';

type Change = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };

/** Edits of every kind an officer makes, named for the failure message; each is made at the text of its version. */
function edits(doc: TextDocument): Array<[string, (doc: TextDocument) => Change]> {
  const middle = Math.floor(doc.lineCount / 2);
  const at = (line: number, character: number, text: string, endLine = line, endCharacter = character): Change => ({ range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, text });
  const lineOf = (d: TextDocument, pattern: RegExp, after = 0) => {
    const lines = d.getText().split('\n');
    for (let i = after; i < lines.length; i++) if (pattern.test(lines[i])) return i;
    throw new Error(`no line matches ${pattern}`);
  };
  return [
    ['one character typed in the middle', () => at(middle, 0, '合')],
    ['the same character deleted', () => at(middle, 0, '', middle, 1)],
    ['a line break typed in the middle (every later line moves)', () => at(middle, 2, '\n')],
    ['a forbidden clause pasted as a paragraph of its own', () => at(middle + 3, 0, '甲方承诺给予乙方保底收益，并同意乙方享有独家合作权。\n')],
    ['a section heading inserted (a new piece)', (d) => at(lineOf(d, /^[一二三四五六七八九十]+、/, middle) + 1, 0, '十九、补充条款\n双方另行协商。\n')],
    ['a heading renamed', (d) => at(lineOf(d, /^[一二三四五六七八九十]+、/, 20), 2, '合作原则', lineOf(d, /^[一二三四五六七八九十]+、/, 20), 4)],
    ['a line near the start deleted', (d) => at(lineOf(d, /。$/, 12), 0, '', lineOf(d, /。$/, 12) + 1, 0)],
    ['the signing date changed in the front matter', (d) => {
      const line = lineOf(d, /^签署日期/);
      return at(line, 0, '签署日期: 2020-01-02', line, d.getText().split('\n')[line].length);
    }],
    ['a sentence appended at the end', (d) => at(d.lineCount - 1, 0, '乙方保证项目年产值不低于十亿元。\n')],
    ['several characters deleted across a line end', () => at(middle - 5, 3, '', middle - 4, 2)],
    ['a party swapped in a sentence (the text keeps its length)', (d) => {
      const line = lineOf(d, /甲方/, middle + 40);
      const character = d.getText().split('\n')[line].indexOf('甲方');
      return at(line, character, '乙方', line, character + 2);
    }],
    // The parse takes over the lines after an edit where the line-by-line state is as it was: these change that state.
    ['a code fence opened in the middle (every later heading is code)', () => at(middle, 0, '```\n')],
    ['the code fence deleted again', () => at(middle, 0, '', middle + 1, 0)],
    ['a list item unnumbered (the list ends before it; the text keeps its length)', (d) => {
      const line = lineOf(d, /^（二）/, middle);
      return at(line, 0, '甲', line, 1);
    }],
    ['a list under a lead-in pasted in the middle', () => at(middle + 6, 0, '乙方达到下列条件的，甲方给予奖励：\n（一）年纳税额达到一千万元；\n（二）甲方承诺给予乙方保底收益。\n')],
    ['the lead-in ended with a full stop instead of its colon (the list is read without it)', (d) => {
      const line = lineOf(d, /甲方给予奖励：$/, middle);
      return at(line, d.getText().split('\n')[line].length - 1, '。', line, d.getText().split('\n')[line].length);
    }],
    ['a forbidden clause written over a sentence of the same length', (d) => {
      const line = lineOf(d, /^.{20,}$/, middle + 80);
      const clause = '甲方承诺给予乙方保底收益。';
      return at(line, 0, clause, line, clause.length);
    }],
  ];
}

describe('diagnostics after a series of edits to a long document', function () {
  this.timeout(180000);
  const root = path.resolve(__dirname, '../../..');
  const { packs } = loadPacks([], root);
  const text = generateDocument(corpusFromPacks(packs), { seed: 4242, bytes: 2 ** 20, category: '企业集团' });
  const uri = 'file:///tmp/edited/big.agreement.md';
  let edited: TestClient;

  before(async () => {
    edited = await startServer();
  });
  after(async () => {
    await edited.stop();
  });

  /** What a server started for this text alone publishes for it at this version. */
  async function fresh(version: number, current: string): Promise<PublishDiagnosticsParams> {
    const client = await startServer();
    try {
      const published = client.nextDiagnostics(uri, (p) => p.version === version, 60000);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'agreement', version, text: current } });
      return await published;
    } finally {
      await client.stop();
    }
  }

  it('publishes after every edit exactly the diagnostics of a fresh open of the same text', async () => {
    let doc = TextDocument.create(uri, 'agreement', 1, text);
    const opened = edited.nextDiagnostics(uri, (p) => p.version === 1, 60000);
    await edited.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'agreement', version: 1, text } });
    const first = await opened;
    assert.ok(first.diagnostics.length > 100, `a long document with many findings (${first.diagnostics.length})`);
    const seen = new Set<string>();
    for (const [name, make] of edits(doc)) {
      const change = make(doc);
      const version = doc.version + 1;
      doc = TextDocument.update(doc, [change], version);
      const published = edited.nextDiagnostics(uri, (p) => p.version === version, 60000);
      await edited.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const after = await published;
      const expected = await fresh(version, doc.getText());
      assert.equal(after.diagnostics.length, expected.diagnostics.length, `${name}: as many diagnostics as a fresh open`);
      for (let i = 0; i < expected.diagnostics.length; i++) assert.deepStrictEqual(after.diagnostics[i], expected.diagnostics[i], `${name}: diagnostic ${i}`);
      seen.add(JSON.stringify(after.diagnostics.map((d) => [d.code, d.range])));
    }
    // The edits changed what is reported (the comparison is not between unchanged lists).
    assert.ok(seen.size >= 8, `the edits changed the diagnostics (${seen.size} distinct lists)`);
  });
});
