import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFile } from '../../../server/src/cli/check';
import { loadPacks } from '../../../server/src/packs/loadPacks';

const { ruleSet } = loadPacks();

/** A plain draft as an officer types it: a misspelt key, a numbering gap, missing sections, a blank. */
const DRAFT = [
  '---',
  '文种: 协议书',
  '类型: 企业集团',
  '标题: 天津市河北区人民政府与华信智造科技有限公司战略合作协议',
  '甲方: 天津市河北区人民政府',
  '乙方: 华信智造科技有限公司',
  '牵头单位: 区商务局',
  '签署日期: 待定',
  '阶段: 起草',
  '---',
  '# 天津市河北区人民政府与华信智造科技有限公司战略合作协议',
  '',
  '一、合作原则',
  '双方坚持平等互利、优势互补。',
  '',
  '二、合作内容',
  '双方在智能制造领域开展合作。',
  '',
  '四、法律责任',
  '违约方承担违约责任，合作期限为……年。',
  '',
].join('\n');

async function withFile(text: string, run: (file: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-check-'));
  const file = path.join(dir, 'draft.agreement.md');
  fs.writeFileSync(file, text);
  try {
    await run(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('checkFile --fix on a plain draft', () => {
  it('applies only fixes that need no facts (key spelling, numbering); never skeleton text', () =>
    withFile(DRAFT, async (file) => {
      const outcome = await checkFile(file, ruleSet, { mode: 'fix', severities: {}, cwd: path.dirname(file) });
      const fixed = fs.readFileSync(file, 'utf8');
      assert.ok(fixed.includes('\n类别: 企业集团\n'), fixed);
      const headings = fixed.split('\n').filter((l) => /^[一二三四五六七八九十]+、/.test(l));
      assert.deepEqual(headings, ['一、合作原则', '二、合作内容', '三、法律责任']);
      assert.ok(!fixed.includes('（写明'), 'no skeleton text is inserted');
      assert.equal(fixed.split('\n').filter((l) => l.trim().length > 0).length, DRAFT.split('\n').filter((l) => l.trim().length > 0).length, 'no line is added');
      // Every gap left is a finding: the missing sections, the placeholder, the counterparty assessment.
      const rules = outcome.findings.map((f) => f.rule);
      assert.ok(rules.includes('section/missing'), rules.join());
      assert.ok(rules.includes('format/placeholder'), rules.join());
      assert.ok(rules.includes('procedure/counterparty-assessment'), rules.join());
      assert.ok(!rules.some((r) => r === 'section/order' || r === 'section/numbering' || r === 'schema/unknown-key' || r === 'procedure/archive'), rules.join());
    }));

  it('--fix-dry-run reports the findings that remain, at the lines of the file as it is now (nothing written)', () =>
    withFile(DRAFT, async (file) => {
      const outcome = await checkFile(file, ruleSet, { mode: 'dry-run', severities: {}, cwd: path.dirname(file) });
      assert.equal(fs.readFileSync(file, 'utf8'), DRAFT, 'nothing is written');
      const placeholder = outcome.findings.find((f) => f.rule === 'format/placeholder');
      assert.ok(placeholder);
      const line = DRAFT.split('\n').findIndex((l) => l.includes('……'));
      assert.equal(placeholder.range.start.line, line);
      assert.ok(!outcome.findings.some((f) => f.rule === 'section/numbering' || f.rule === 'schema/unknown-key'), 'what the fix would remove is not reported');
    }));
});
