import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { analyzeText } from '../../../server/src/core';
import { clauseModelPath, loadClauseModel } from '../../../server/src/packs/loadClauseModel';
import { loadPacks } from '../../../server/src/packs/loadPacks';
import { packageRoot } from '../../../server/src/packs/packageRoot';
import { clauseTrainingSet } from '../../../scripts/clauseTrainingData';

const body = (text: string) => `---\n文种: 协议书\n类别: 企业集团\n标题: 投资合作协议\n甲方: 某某镇人民政府\n乙方: 某某科技有限公司\n---\n\n# 投资合作协议\n\n${text}\n`;
const clauseRules = (text: string, clauseModel: boolean) =>
  analyzeText(body(text), loadPacks([], packageRoot(), { clauseModel }).ruleSet)
    .filter((f) => f.rule.startsWith('clause/'))
    .map((f) => `${f.rule}${f.message.includes('条款模型判断，置信度') ? ' (model)' : ''}`);

describe('the built-in clause model', () => {
  const root = packageRoot();
  const stored = JSON.parse(fs.readFileSync(clauseModelPath(root), 'utf8'));

  it('loads without problems, and every family it names is a built-in clause rule', () => {
    const { model, problems } = loadClauseModel(root);
    assert.deepEqual(problems, []);
    const ids = new Set(loadPacks([], root, { clauseModel: false }).ruleSet.clauses.map((c) => c.rule.id));
    for (const family of model!.classes.slice(1)) assert.ok(ids.has(family), family);
  });

  it('matches its schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'clause-model.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(stored), JSON.stringify(validate.errors));
  });

  it('was trained on the sentences the repository holds now (npm run train:model)', function () {
    this.timeout(60000);
    const set = clauseTrainingSet(root);
    assert.equal(stored.trainedOn.sha256, set.sha256, '条款模型不是用当前的训练句子和否定词训练的：请运行 npm run train:model');
    assert.equal(stored.trainedOn.sentences, set.examples.length);
  });

  it('never learns from the sets that measure it: the held-out sets, the whole agreements and dev5–dev10', function () {
    this.timeout(60000);
    const sources = clauseTrainingSet(root).sources.map((s) => s.source);
    assert.ok(sources.some((s) => s.includes('test/corpus/train/')), sources.join(', '));
    for (const source of sources) assert.doesNotMatch(source, /blind|agreements|dev5|dev6|dev7|dev8|dev9|dev10/);
  });

  it('finds risks in wording no rule reads, and only with the model on', function () {
    this.timeout(20000);
    assert.deepEqual(clauseRules('项目用地由镇里按乙方的需要预先留足，待乙方具备条件时再行供地。', true), ['clause/land-preassignment (model)']);
    assert.deepEqual(clauseRules('项目用地由镇里按乙方的需要预先留足，待乙方具备条件时再行供地。', false), []);
    assert.deepEqual(clauseRules('甲方不再支持与乙方业务相同的企业在片区落户。', true), ['clause/exclusive (model)']);
  });

  it('leaves ordinary clauses alone', () => {
    for (const text of ['双方建立定期会商机制，每季度召开一次联席会议。', '乙方应按照国家有关规定依法纳税，并按期足额缴纳土地出让价款。', '本协议一式四份，双方各执两份，具有同等法律效力。'])
      assert.deepEqual(clauseRules(text, true), [], text);
  });

  it('a broken model file is a problem and no model, never a crash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clause-model-'));
    fs.mkdirSync(path.join(dir, 'rules', 'model'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'rules', 'model', 'clause-model.json'), '{"format": 1, "classes": ');
    const broken = loadClauseModel(dir);
    assert.equal(broken.model, undefined);
    assert.match(broken.problems[0].message, /不是有效的 JSON/);
    const missing = loadClauseModel(path.join(dir, 'nowhere'));
    assert.equal(missing.model, undefined);
    assert.equal(missing.problems.length, 1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
