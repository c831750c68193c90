import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../../server/src/core';
import { loadPacks } from '../../../../server/src/packs/loadPacks';

const rules = loadPacks().ruleSet;
const head = '---\n文种: 协议书\n类别: 企业集团\n标题: 某某合作协议\n甲方: 某某区人民政府\n乙方: 某某集团有限公司\n---\n# 某某合作协议\n';
const missingElements = (body: string) => analyzeText(head + body, rules).filter((f) => f.rule === 'element/missing').map((f) => f.message);

describe('element/missing on text that is not written as the pack writes it', () => {
  const project = '三、重点项目\n（一）某某产业园项目\n實施主體：某某公司。資金來源：企業自籌。規劃選址：某某路。開工時間：2026年1月。竣工時間：2027年12月。預期效果：年產值十億元。\n';

  it('finds elements written in traditional characters', () => {
    assert.deepEqual(missingElements(project).filter((m) => m.includes('某某产业园项目')), []);
  });

  it('finds elements broken across lines and still reports an absent one', () => {
    const broken = '三、重点项目\n（一）某某产业园项目\n实施主体为某某公司，资金来\n源为企业自筹，规划选址在某某路，开工时间为2026年1月，竣工时间为2027年12月。\n';
    const messages = missingElements(broken).filter((m) => m.includes('某某产业园项目'));
    assert.deepEqual(messages.map((m) => /未写明“([^”]+)”/.exec(m)![1]), ['预期效果']);
  });
});
