import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, hoverText, openFixture, positionOf, REPO_ROOT, waitForRule } from './helpers';

/** The words of 河北政办〔2017〕47号 一(二)2 that forbid exclusive clauses (regulations/hebei-2017-47.txt). */
const PROVISION_WORDS = '协议不得有违反法律法规规定的排他性条款';

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hoverText(hovers);
}

describe('hover', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    ({ doc } = await openFixture('findings.agreement.md'));
    // Hover explains findings: wait until the server has them.
    await waitForRule(doc.uri, 'clause/exclusive');
  });
  after(closeAllEditors);

  it('on a forbidden clause (独家) shows 河北政办〔2017〕47号 一(二)2 and the provision\'s words, not the message VS Code already shows', async () => {
    const text = await hoverAt(doc.uri, positionOf(doc, '独家经营权', 1));
    assert.ok(text.length > 0, 'no hover on 独家经营权');
    assert.ok(!text.includes('clause/exclusive'), `hover repeats the diagnostic:\n${text}`);
    for (const expected of ['河北政办〔2017〕47号', '一(二)2', PROVISION_WORDS]) {
      assert.ok(text.includes(expected), `hover lacks "${expected}":\n${text}`);
    }
    // A link that opens the provision (the only command hovers may run).
    assert.match(text, /command:agreement\.openProvision\?/, `hover has no 打开条文 link:\n${text}`);
  });

  it('on the government-guarantee sentence shows its provision once, without repeating messages', async () => {
    // On 担保, the word the squiggle underlines.
    const text = await hoverAt(doc.uri, positionOf(doc, '提供担保', 3));
    assert.ok(text.includes('**依据**'), `hover lacks the provision:\n${text}`);
    assert.ok(!text.includes('clause/'), `hover repeats a diagnostic:\n${text}`);
    const quoted = text.split('\n').filter((l) => l.startsWith('> ') && l.length > 4);
    assert.strictEqual(new Set(quoted).size, quoted.length, `a provision is quoted twice:\n${text}`);
  });

  it('on the front-matter key 类别 shows its description from the schema', async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'agreement.schema.json'), 'utf8'));
    const description: string = schema.properties['类别'].description;
    assert.ok(description, 'the schema has no description for 类别');
    const text = await hoverAt(doc.uri, positionOf(doc, '类别:', 1));
    assert.ok(text.includes('类别'), `no hover for 类别:\n${text}`);
    assert.ok(text.includes(description), `hover on 类别 lacks the schema description "${description}":\n${text}`);
  });
});
