import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { evaluateAgreements, sentenceAround } from '../../../scripts/agreementEval';
import { loadPacks } from '../../../server/src/packs/loadPacks';

/** The whole-agreement evaluation counts what a reviewer would: found, missed, false alarms. */
describe('held-out whole agreements: evaluation', () => {
  const rules = loadPacks().ruleSet;
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreements-'));
    fs.mkdirSync(path.join(dir, 'documents'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, body: string, labels: string) => {
    const doc = ['---', '文种: 协议书', '类别: 企业集团', '甲方: 某某区人民政府', '乙方: 某某科技有限公司', '---', '', body, ''].join('\n');
    fs.writeFileSync(path.join(dir, 'documents', name), doc);
    fs.writeFileSync(path.join(dir, 'labels.yaml'), labels);
  };

  it('a sentence runs across hard line breaks to its end mark', () => {
    const text = '一、合作内容\n甲方支持乙方，\n按规定给予奖励。乙方依法纳税。';
    const at = text.indexOf('给予奖励');
    const s = sentenceAround(text, at, at + 4);
    assert.equal(text.slice(s.start, s.end), '一、合作内容\n甲方支持乙方，\n按规定给予奖励。');
  });

  it('counts a found risk, a missed one and a false alarm', () => {
    write(
      'd01.agreement.md',
      [
        '一、支持政策',
        '乙方当年缴纳税款中区级留存部分，由区财政按百分之六十予以返还。',
        '乙方依法纳税，依法享受国家统一规定的税收优惠政策。',
        '甲方承诺乙方为本区该行业唯一合作企业，不再引进同类企业。',
      ].join('\n'),
      [
        'documents:',
        '  d01.agreement.md:',
        '    - family: clause/tax-rebate',
        '      quote: 由区财政按百分之六十予以返还',
        '    - family: clause/land-price',
        '      quote: 依法享受国家统一规定的税收优惠政策',
        '',
      ].join('\n'),
    );
    const result = evaluateAgreements(rules, dir);
    const tax = result.perRule.find((f) => f.rule === 'clause/tax-rebate');
    const land = result.perRule.find((f) => f.rule === 'clause/land-price');
    const exclusive = result.perRule.find((f) => f.rule === 'clause/exclusive');
    assert.deepEqual(result.problems, []);
    assert.equal(tax?.found, 1);
    assert.equal(land?.found, 0);
    assert.equal(exclusive?.falseAlarms, 1, 'an unlabelled risky finding is a false alarm');
    assert.ok(result.misses.some((m) => m.startsWith('FN d01.agreement.md clause/land-price')));
  });

  it('reports a quote that is not in the document, and a missing document', () => {
    write('d02.agreement.md', '一、合作内容\n双方加强交流。', 'documents:\n  d02.agreement.md:\n    - family: clause/exclusive\n      quote: 不在文中的话\n  d09.agreement.md: []\n');
    const result = evaluateAgreements(rules, dir);
    assert.ok(result.problems.some((p) => p.includes('找不到引文')));
    assert.ok(result.problems.some((p) => p.includes('d09.agreement.md: 文件不存在')));
  });
});
