import * as assert from 'node:assert/strict';
import { analyzeText, type Finding } from '../../../server/src/core';
import { comparableName, sectionSatisfies } from '../../../server/src/core/sectionMatch';
import { loadPacks } from '../../../server/src/packs/loadPacks';

const rules = loadPacks().ruleSet;

function front(category: string): string {
  return ['---', '文种: 协议书', `类别: ${category}`, '标题: 某某合作协议', '甲方: 某某区人民政府', '乙方: 某某集团有限公司', '签署日期: 2025-06-30', '---', '# 某某合作协议', ''].join('\n');
}

/** Names of the sections reported missing. */
function missing(category: string, body: string): string[] {
  return analyzeText(front(category) + body, rules)
    .filter((f: Finding) => f.rule === 'section/missing')
    // One finding lists every missing section: 缺少“甲”（或“…”）、“乙”…共 N 节 / 缺少“甲”一节.
    .flatMap((f) => [...(/^缺少(.*?)(?:共 \d+ 节|一节)。/.exec(f.message)?.[1] ?? '').matchAll(/(?:^|、)“([^”]+)”/g)].map((m) => m[1]));
}

const rule = (category: string, name: string) => rules.categories.get(category)!.sections.find((s) => s.name === name)!;

describe('section names after normalisation', () => {
  it('compares simplified forms without blanks and without framing words', () => {
    assert.equal(comparableName('合作原則'), '合作原则');
    assert.equal(comparableName('建立保障机制'), '保障机制');
    assert.equal(comparableName('双方的权利和义务'), '权利和义务');
    assert.equal(comparableName('合作 领域方面'), '合作领域');
    // A short name keeps its words: 建立 is not taken from 建立机制.
    assert.equal(comparableName('建立机制'), '建立机制');
  });

  it('finds the sections of a document written in traditional characters', () => {
    const body = '第一章 合作目標\n雙方合作。\n第二章 合作原則\n互利共贏。\n第三章 合作內容\n產業合作。\n第四章 重點項目\n某某項目。\n第五章 合作方式\n共同投資。\n第六章 合作機制\n聯席會議。\n第七章 法律責任\n依法承擔。\n';
    assert.deepEqual(missing('中央企业', body), []);
  });
});

describe('section synonyms used by real agreements', () => {
  const cases: Array<[string, string, string]> = [
    ['对口合作', '工作目标', '总体目标'],
    ['对口合作', '工作目标', '发展目标'],
    ['对口合作', '重大项目', '重大合作项目'],
    ['上级部委', '总体思路', '指导思想'],
    ['上级部委', '合作目标', '总体目标'],
    ['上级部委', '合作内容', '合作领域'],
    ['上级部委', '重点项目', '重点建设项目'],
    ['上级部委', '工作机制', '协调推进机制'],
    ['上级部委', '保障措施', '建立保障机制'],
    ['上级部委', '保障措施', '组织保障'],
    ['中央企业', '法律责任', '违约责任'],
    ['中央企业', '法律责任', '双方的权利和义务'],
    ['中央企业', '合作方式', '合作模式'],
    ['企业集团', '法律责任', '违约责任'],
    ['企业集团', '法律责任', '双方权利义务'],
    ['企业集团', '资金来源', '资金筹措'],
    ['企业集团', '资金来源', '投融资方式'],
    ['企业集团', '重点项目', '重点合作项目及规划选址'],
    ['兄弟地区', '目标定位', '发展定位'],
    ['友好城市', '重点工作', '重点任务'],
    ['对口帮扶', '帮扶思路', '指导思想'],
    ['其他', '法律责任', '违约责任'],
  ];
  for (const [category, name, heading] of cases) {
    it(`${category}: “${heading}” satisfies ${name}`, () => {
      assert.ok(sectionSatisfies(heading, rule(category, name)));
    });
  }

  it('does not let one synonym satisfy two sections of a category', () => {
    for (const category of rules.categories.values()) {
      const seen = new Map<string, string>();
      for (const section of category.sections) {
        for (const name of [section.name, ...(section.aliases ?? [])]) {
          assert.ok(!seen.has(name) || seen.get(name) === section.name, `${category.name}: ${name} names ${seen.get(name)} and ${section.name}`);
          seen.set(name, section.name);
        }
      }
    }
  });

  it('still reports a section that is really absent', () => {
    const body = '一、合作原则\n互利共赢。\n二、合作内容\n产业合作。\n三、重点项目\n某某项目。\n四、资金来源\n企业自筹。\n五、合作方式\n共同投资。\n';
    assert.deepEqual(missing('企业集团', body), ['法律责任']);
  });
});

describe('unnumbered headings', () => {
  const body = '合作目标\n\n双方建立友好城市关系。\n\n合作内容\n\n（一）经贸合作。\n（二）人文交流。\n\n重点工作\n\n举办交流活动。\n\n合作机制\n\n建立定期会晤机制。\n\n保障措施\n\n双方各自落实经费。\n';

  it('count a short line standing alone that names a section of the category', () => {
    assert.deepEqual(missing('友好城市', body), []);
  });

  it('do not count a short line inside a paragraph, a label line or a sentence', () => {
    const prose = '双方确定以下合作目标\n合作内容\n由双方另行商定。\n合作机制：另行商定。\n双方将完善保障措施。\n';
    assert.deepEqual(missing('友好城市', prose), ['合作目标', '合作内容', '重点工作', '合作机制', '保障措施']);
  });

  it('leave the section tree and its numbering alone', () => {
    const findings = analyzeText(front('友好城市') + body, rules);
    assert.deepEqual(findings.filter((f) => f.rule.startsWith('section/')).map((f) => f.rule), []);
  });
});
