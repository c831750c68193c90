import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { analyzeText, buildRuleSet } from '../../../../server/src/core';
import { buildSkeleton, skeletonText, yamlScalar } from '../../../../server/src/core/authoring/skeleton';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { RULES, TEST_PACK } from '../fixes/helpers';

const OPTIONS = { partyA: '天津市河北区人民政府', partyB: '某某集团有限公司', date: '2025-06-30' };

describe('document skeleton', () => {
  it('has the front matter filled in, every required section in order, and the closing formalities', () => {
    const text = skeletonText(buildSkeleton(RULES, RULES.categories.get('企业集团'), { ...OPTIONS, docType: '备忘录' }));
    const fm = parse(text.split('---')[1]);
    assert.deepEqual(fm, { 文种: '备忘录', 类别: '企业集团', 标题: '天津市河北区人民政府与某某集团有限公司合作备忘录', 甲方: OPTIONS.partyA, 乙方: OPTIONS.partyB, 牵头单位: '（牵头单位名称）', 签署日期: '2025-06-30', 阶段: '已签署' });
    const headings = text.split('\n').filter((l) => /^[一二三四五六七八九十]+、/.test(l));
    assert.deepEqual(headings, ['一、合作原则', '二、合作内容', '三、重点项目', '四、保障措施', '五、法律责任']);
    assert.ok(text.includes('# 天津市河北区人民政府与某某集团有限公司合作备忘录\n'));
    assert.ok(text.includes('本备忘录一式×份'));
    assert.ok(text.includes('（一）政策保障。……\n（二）人员保障。……\n（三）资金保障。……'), 'elements the skeleton text lacks are added, numbered');
    assertOnlyUnwritten(analyzeText(text, RULES).filter((f) => /^(schema|section|element|format\/placeholder)/.test(f.rule)));
  });

  it('gives a yearly 厅市会商 协议书 only its agreed matters, and a 议定书 the whole framework', () => {
    const { ruleSet } = loadPacks();
    const headingsOf = (docType: string) =>
      skeletonText(buildSkeleton(ruleSet, ruleSet.categories.get('厅市会商'), { partyA: '河北省科学技术厅', partyB: '某某市人民政府', docType }))
        .split('\n')
        .filter((l) => /^[一二三四五六七八九十]+、/.test(l));
    assert.deepEqual(headingsOf('协议书'), ['一、合作内容']);
    assert.deepEqual(headingsOf('议定书'), ['一、合作主题', '二、合作内容', '三、合作委员会', '四、联系单位', '五、工作会议', '六、绩效评估', '七、有效期']);
  });

  it('keeps CRLF when asked, and quotes values YAML would misread', () => {
    const skeleton = buildSkeleton(RULES, RULES.categories.get('企业集团'), { ...OPTIONS, partyB: 'ACME: 集团 #1' });
    const text = skeletonText(skeleton, '\r\n');
    assert.ok(!/[^\r]\n/.test(text));
    assert.equal(parse(text.split('---')[1])['乙方'], 'ACME: 集团 #1');
    assert.equal(yamlScalar('true'), '"true"');
    assert.equal(yamlScalar('某某公司'), '某某公司');
  });

  it('without a known category gives front matter only, with visible placeholders', () => {
    const text = skeletonText(buildSkeleton(buildRuleSet([]), undefined));
    // No guessed category and no made-up date: placeholders, 待定, and the stage 起草.
    assert.match(text, /^---\n文种: 协议书\n类别: （选择类别）\n标题: （协议全称）\n甲方: （甲方全称）\n乙方: （乙方全称）\n牵头单位: （牵头单位名称）\n签署日期: 待定\n阶段: 起草\n---\n/);
    const findings = analyzeText(text, buildRuleSet([]));
    assert.ok(findings.some((f) => f.rule === 'format/placeholder' && f.message.includes('（选择类别）')));
  });

  it('adds the category’s sub-type key (政府合同 → 合同类型)', () => {
    const pack = structuredClone(TEST_PACK);
    pack.categories![0].subTypeKey = '合同类型';
    pack.categories![0].subTypes = ['政府招商引资合同', '政府采购招标投标合同'];
    const rules = buildRuleSet([pack]);
    const skeleton = buildSkeleton(rules, rules.categories.get('企业集团'), OPTIONS);
    const line = skeleton.frontMatter.find((l) => l.key === '合同类型')!;
    assert.equal(line.value, '政府招商引资合同');
    assert.deepEqual(line.choices, ['政府招商引资合同', '政府采购招标投标合同']);
  });

  describe('with the built-in packs', () => {
    const { ruleSet } = loadPacks();
    for (const category of ruleSet.categories.values()) {
      it(`${category.name}: a new document is flagged only where it is still to be written`, () => {
        const text = skeletonText(buildSkeleton(ruleSet, category, OPTIONS));
        assertOnlyUnwritten(analyzeText(text, ruleSet).filter((f) => /^(schema|section|element|clause|format)\//.test(f.rule)));
      });
    }
  });

  it('writes valid YAML and a one-line title whatever the names typed: a trailing ASCII colon, a line break', () => {
    const text = skeletonText(buildSkeleton(RULES, RULES.categories.get('企业集团'), { partyA: '某某区人民政府:', partyB: '某某集团\n有限公司', date: '2025-06-30' }));
    const fm = parse(text.split('---')[1]);
    assert.equal(fm['甲方'], '某某区人民政府:');
    assert.equal(fm['乙方'], '某某集团 有限公司');
    const title = text.split('\n').find((l) => l.startsWith('# '))!;
    assert.ok(title.startsWith('# 某某区人民政府:与某某集团 有限公司'), title);
    assert.equal(yamlScalar('某某公司:'), '"某某公司:"');
  });
});

/**
 * A fresh skeleton is placeholders: each one flagged (format/placeholder), each section
 * reported as not yet written; no schema, clause or other finding.
 */
function assertOnlyUnwritten(findings: Array<{ rule: string; message: string }>): void {
  const other = findings.filter((f) => f.rule !== 'format/placeholder' && !(/^(section|element)\/missing$/.test(f.rule) && f.message.includes('尚未填写')));
  assert.deepEqual(other.map((f) => `${f.rule} ${f.message}`), []);
  assert.ok(findings.some((f) => f.rule === 'format/placeholder'), 'the placeholders are flagged');
}
