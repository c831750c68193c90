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

describe('element/missing on one project whose elements are numbered items', () => {
  const items = (last: string) =>
    `三、重点项目\n某某研发总部项目\n（一）实施主体：某某研发有限公司\n（二）资金来源：乙方自有资金、银行贷款\n（三）规划选址：某某路以东地块\n（四）开工时间：2026年3月\n${last}`;

  it('reads the items as the elements of the project, not as projects of their own', () => {
    const inProjects = missingElements(items('（五）竣工时间：2027年12月\n（六）预期效果：年产值五亿元\n')).filter((m) => m.startsWith('“重点项目”'));
    assert.deepEqual(inProjects, []);
  });

  it('still reports an element none of the items names', () => {
    const messages = missingElements(items('（五）竣工时间：2027年12月\n')).filter((m) => m.startsWith('“重点项目”'));
    assert.deepEqual(messages.map((m) => /未写明“([^”]+)”/.exec(m)![1]), ['预期效果']);
  });
});

describe('element/missing: an element is satisfied by content, not by its name', () => {
  const guarantees = (lines: string) => `一、合作原则\n互利共赢。\n二、保障措施\n${lines}\n三、法律责任\n双方依约享有权利、履行义务。\n`;
  const 兄弟地区 = head.replace('类别: 企业集团', '类别: 兄弟地区');
  const inGuarantees = (body: string) =>
    analyzeText(兄弟地区 + body, rules).filter((f) => f.rule === 'element/missing' && f.message.startsWith('“保障措施”')).map((f) => f.message);
  const about = (body: string, element: string) => inGuarantees(body).filter((m) => m.includes(`“${element}”`));

  it('counts an element written with words of its own', () => {
    assert.deepEqual(about(guarantees('（一）政策保障。甲方落实支持政策。\n（二）人员保障。双方各明确一名联络员。\n（三）资金保障\n乙方每年安排专项资金。'), '资金保障'), []);
  });

  it('does not count a placeholder, a bare label or an empty item', () => {
    for (const line of ['资金保障：……', '资金保障：', '（三）资金保障。', '资金保障：待定', '（三）资金保障。具体由双方另行商定。']) {
      const found = about(guarantees(`（一）政策保障。甲方落实支持政策。\n（二）人员保障。双方各明确一名联络员。\n${line}`), '资金保障');
      assert.equal(found.length, 1, line);
      assert.match(found[0], /尚未填写/, line);
    }
  });

  it('does not count the writing instruction left as it was inserted', () => {
    assert.equal(inGuarantees(guarantees('明确政策保障、人员保障、资金保障等措施。\n双方加强沟通。')).length, 3);
  });
});

describe('element/missing: an element that asks for a kind of content', () => {
  const head上级 = head.replace('类别: 企业集团', '类别: 上级部委');
  const goal = (line: string) =>
    analyzeText(`${head上级}一、合作目标\n${line}上述指标纳入统计监测，按年度分解，由甲方组织考核。\n`, rules)
      .filter((f) => f.rule === 'element/missing' && f.message.includes('时间节点'))
      .map((f) => f.message);

  it('wants a year or a date for 时间节点, not the word', () => {
    assert.deepEqual(goal('到2027年，高新技术企业达到六百家。'), []);
    assert.deepEqual(goal('到二〇二八年，高新技术企业达到六百家。'), []);
    assert.deepEqual(goal('协议签署后三年内，高新技术企业达到六百家。'), []);
    const named = goal('双方明确时间节点，推动高新技术企业数量稳步增长。');
    assert.equal(named.length, 1);
    assert.match(named[0], /没有写明具体年份或日期/);
    assert.match(goal('高新技术企业数量稳步增长。')[0], /未写明“时间节点”/);
  });
});

describe('element/missing: 三个明确 in 合作重点 / 重点工作', () => {
  const focus = (category: string, section: string, body: string) =>
    analyzeText(`${head.replace('类别: 企业集团', `类别: ${category}`)}一、${section}\n${body}\n`, rules)
      .filter((f) => f.rule === 'element/missing' && f.message.includes('三个明确'))
      .map((f) => f.message);

  it('reports a section that lists fields only, or only repeats the words of the regulation', () => {
    assert.equal(focus('兄弟地区', '合作重点', '双方在产业、科技和文化等领域深化合作。').length, 1);
    const parroted = focus('兄弟地区', '合作重点', '双方深化合作，做到有抓手、有载体、有平台，重点工作明确、重点项目明确、重点政策明确。');
    assert.equal(parroted.length, 1);
    assert.match(parroted[0], /只写了“三个明确”这一要求/);
  });

  it('accepts listed work, a named project or carrier, or a policy', () => {
    assert.deepEqual(focus('友好城市', '重点工作', '（一）举办中意文化交流周。\n（二）推动职业院校开展师生交流。'), []);
    assert.deepEqual(focus('友好城市', '重点工作', '珠宝与设计展示中心：拟于2026年6月开馆。'), []);
    assert.deepEqual(focus('兄弟地区', '合作重点', '双方共建京津冀产业协同示范园区，由双方按比例出资。'), []);
    assert.deepEqual(focus('兄弟地区', '合作重点', '双方共同推进津冀智能装备产业园建设。'), []);
    assert.equal(focus('上级部委', '合作内容', '双方在区域医疗中心建设、医联体建设等方面开展合作。').length, 1);
    assert.deepEqual(focus('兄弟地区', '合作重点', '双方在产业领域合作，对转移企业给予用地和能耗指标支持。'), []);
  });
});

describe('element/missing in a long document re-analysed after edits (section content remembered across analyses)', () => {
  const project = (name: string, funding: string) =>
    `（${name}）某某${name}号产业园项目\n实施主体为某某公司，${funding}规划选址在某某路，开工时间为2026年1月，竣工时间为2027年12月，预期效果为年产值十亿元。\n`;
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const filler = '双方按照平等互利、优势互补的原则，在产业协作、科技创新和人才交流等方面开展合作，建立常态化沟通机制。\n'.repeat(900);
  const document = (funding: (i: number) => string, preface = '') =>
    `${preface}一、合作原则\n${filler}三、重点项目\n${numerals.map((n, i) => project(n, funding(i))).join('')}`;
  const missingIn = (body: string) => missingElements(body).filter((m) => m.includes('资金来源')).map((m) => /某某(.)号/.exec(m)?.[1]);

  it('reports an element removed from one item, clears it when written back, and follows the item when text above it moves', () => {
    const all = document(() => '资金来源为企业自筹，');
    assert.ok(all.length > 40_000);
    assert.deepEqual(missingIn(all), []);
    const third = document((i) => (i === 2 ? '' : '资金来源为企业自筹，'));
    assert.deepEqual(missingIn(third), ['三']);
    assert.deepEqual(missingIn(all), []);
    // The same sections one line lower: the same findings.
    assert.deepEqual(missingIn(document((i) => (i === 2 ? '' : '资金来源为企业自筹，'), '前言。\n')), ['三']);
    assert.deepEqual(missingIn(document((i) => (i === 7 ? '' : '资金来源为企业自筹，'), '前言。\n')), ['八']);
  });
});
