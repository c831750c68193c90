import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  CHINESE,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  DIAGNOSTIC_SOURCE,
  lineOf,
  openFixture,
  ours,
  RULE_ID,
  ruleIds,
  waitForAnalysis,
  waitForOurDiagnostics,
  waitForRule,
} from './helpers';

describe('diagnostics', () => {
  after(closeAllEditors);

  describe('findings.agreement.md (企业集团, no 法律责任 section, an exclusive clause, a government guarantee)', () => {
    let doc: vscode.TextDocument;
    let diags: vscode.Diagnostic[];

    before(async () => {
      ({ doc } = await openFixture('findings.agreement.md'));
      await waitForOurDiagnostics(doc.uri);
      // The three findings this fixture is built around; wait for all of them.
      await waitForRule(doc.uri, 'section/missing');
      await waitForRule(doc.uri, 'clause/exclusive');
      diags = await waitForRule(doc.uri, 'clause/government-guarantee');
      console.log(`      ${diags.length} finding(s): ${ruleIds(diags).join(', ')}`);
    });

    it(`every diagnostic has source "${DIAGNOSTIC_SOURCE}", a family/name rule id as code and a Chinese message`, () => {
      const all = vscode.languages.getDiagnostics(doc.uri);
      assert.ok(ours(all).length > 0, `no diagnostics with source "${DIAGNOSTIC_SOURCE}":\n${describeDiagnostics(all)}`);
      for (const d of ours(all)) {
        const code = codeOf(d);
        assert.ok(code && RULE_ID.test(code), `code ${JSON.stringify(d.code)} is not a rule id:\n${describeDiagnostics([d])}`);
        assert.match(d.message, CHINESE, `message is not Chinese: ${d.message}`);
        assert.ok(d.range.start.line < doc.lineCount && d.range.end.line <= doc.lineCount, `range out of the document: ${describeDiagnostics([d])}`);
      }
    });

    it('section/missing names the missing 法律责任 section', () => {
      const missing = diags.filter(d => codeOf(d) === 'section/missing');
      assert.ok(
        missing.some(d => d.message.includes('法律责任')),
        `no section/missing for 法律责任:\n${describeDiagnostics(missing)}`,
      );
      // Present sections are not reported missing.
      for (const present of ['合作原则', '合作内容', '重点项目', '资金来源']) {
        assert.ok(
          !missing.some(d => d.message.includes(`“${present}”`) || d.message.includes(`「${present}」`) || d.message.includes(`缺少${present}`)),
          `section ${present} is present but reported missing:\n${describeDiagnostics(missing)}`,
        );
      }
    });

    it('clause/exclusive lies on the 独家经营权 sentence and is an error or warning', () => {
      const line = lineOf(doc, '独家经营权');
      const hits = diags.filter(d => codeOf(d) === 'clause/exclusive');
      assert.ok(hits.some(d => d.range.start.line === line), `no clause/exclusive on line ${line + 1}:\n${describeDiagnostics(hits)}`);
      for (const d of hits) {
        assert.ok(d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning, `severity ${d.severity}`);
        const text = doc.getText(d.range);
        assert.ok(text.length > 0, 'empty range');
      }
    });

    it('clause/government-guarantee lies on the sentence where 甲方 provides a guarantee', () => {
      const line = lineOf(doc, '提供担保');
      const hits = diags.filter(d => codeOf(d) === 'clause/government-guarantee');
      assert.ok(hits.some(d => d.range.start.line === line), `no clause/government-guarantee on line ${line + 1}:\n${describeDiagnostics(hits)}`);
    });
  });

  describe('complete.agreement.md (a compliant 企业集团 agreement)', () => {
    it('has no section/missing and no clause/* findings (本协议不设排他性条款 is compliant)', async () => {
      const { doc } = await openFixture('complete.agreement.md');
      const diags = await waitForAnalysis(doc.uri);
      const bad = diags.filter(d => codeOf(d) === 'section/missing' || codeOf(d)?.startsWith('clause/'));
      assert.deepStrictEqual(bad.map(codeOf), [], `unexpected findings:\n${describeDiagnostics(bad)}`);
    });
  });
});
