import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint, removeDir } from './helpers';

/** A sentence in wording no built-in rule reads; the built-in clause model recognises it. */
const UNREAD = '项目用地由镇里按乙方的需要预先留足，待乙方具备条件时再行供地。';
const DOC = `---\n文种: 协议书\n类别: 企业集团\n标题: 投资合作协议\n甲方: 某某镇人民政府\n乙方: 某某科技有限公司\n---\n\n# 投资合作协议\n\n${UNREAD}\n`;

describe('agreement-lint and the clause model', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-model-'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, 'a.agreement.md'), DOC);
  });
  afterEach(() => removeDir(dir));

  const landFindings = (args: string[]) => {
    const run = lint(['--format', 'json', ...args, 'a.agreement.md'], dir);
    const files = JSON.parse(run.stdout) as Array<{ findings: Array<{ rule: string; message: string; severity: string }> }>;
    return files.flatMap((f) => f.findings).filter((f) => f.rule === 'clause/land-preassignment');
  };

  it('reports what the model recognises, saying it is the model’s judgement', () => {
    const [finding, ...rest] = landFindings([]);
    assert.equal(rest.length, 0);
    assert.match(finding.message, /条款模型判断，置信度 \d+%/);
    assert.equal(finding.severity, 'warning');
  });

  it('--no-clause-model reports only what the rules read', () => {
    assert.deepEqual(landFindings(['--no-clause-model']), []);
  });

  it('clauseModel: false in .agreementrc.yaml turns it off; a value that is not true or false is a configuration error', () => {
    fs.writeFileSync(path.join(dir, '.agreementrc.yaml'), 'clauseModel: false\n');
    assert.deepEqual(landFindings([]), []);
    fs.writeFileSync(path.join(dir, '.agreementrc.yaml'), 'clauseModel: 关\n');
    const run = lint(['--format', 'json', 'a.agreement.md'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /clauseModel 须为 true 或 false/);
  });

  it('a --cache run with the model off does not reuse the report made with it on', () => {
    assert.equal(landFindings(['--cache']).length, 1);
    assert.deepEqual(landFindings(['--cache', '--no-clause-model']), []);
    assert.equal(landFindings(['--cache']).length, 1);
  });
});
