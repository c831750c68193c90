import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../../server/src/core';
import { loadPacks } from '../../../../server/src/packs/loadPacks';

const rules = loadPacks().ruleSet;
const doc = (category: string, body: string) =>
  `---\n文种: 协议书\n类别: ${category}\n标题: 某某合作协议\n甲方: 天津市河北区人民政府\n乙方: 某某集团有限公司\n---\n# 某某合作协议\n${body}\n`;
const found = (category: string, body: string) => analyzeText(doc(category, body), rules).filter((f) => f.rule === 'clause/land-investment');

describe('clause/land-investment: a land area with no investment to compare it with', () => {
  it('reports land supplied or reserved by area when the agreement names no investment figure', () => {
    const hits = found('企业集团', '一、合作内容\n甲方为乙方项目提供工业用地二百亩。\n乙方负责项目建设运营。');
    assert.equal(hits.length, 1);
    assert.match(hits[0].message, /用地面积（二百亩）.*未写明项目投资规模或投资强度/);
    assert.equal(hits[0].citation?.article, '一(二)3');
    assert.equal(found('中央企业', '规划选址：新开河片区，用地面积约3万平方米。').length, 1);
  });

  it('is silent when an investment figure is written anywhere, in Arabic or Chinese numerals', () => {
    assert.deepEqual(found('企业集团', '甲方为乙方项目提供工业用地二百亩。\n项目总投资约15亿元。'), []);
    assert.deepEqual(found('企业集团', '项目用地约六十亩。\n乙方项目投资强度不低于每亩四百万元。'), []);
  });

  it('does not read a price per area as an area, nor run outside the categories of 47号', () => {
    assert.deepEqual(found('企业集团', '项目用地按照每亩三十万元的价格依法出让。'), []);
    assert.deepEqual(found('政府合同', '甲方为乙方项目提供工业用地二百亩。'), []);
  });
});

describe('clause/land-investment: reworded areas and sums', () => {
  it('reads areas in 公顷 and 两百亩, and a sum written without 元', () => {
    assert.equal(found('企业集团', '乙方项目在甲方依法出让的约13.3公顷地块上建设。').length, 1);
    assert.equal(found('企业集团', '甲方负责供应项目用地两百亩。').length, 1);
    assert.deepEqual(found('企业集团', '甲方负责供应项目用地两百亩。\n项目计划投资约8亿。'), []);
  });
});
