import * as assert from 'node:assert/strict';
import { identifyParties, looksLikeGovernment } from '../../../server/src/core/parties';

describe('parties', () => {
  it('reads the body party lines for roles the front matter does not name, for any letter', () => {
    const body = '# 合作协议\n\n甲方：某某镇人民政府\n乙方（投资方）：某某食品有限公司（盖章）\n丙方: 某某县城市建设投资集团有限公司\n\n一、合作内容\n';
    const parties = identifyParties({}, body);
    assert.deepEqual(
      parties.list.map((p) => [p.role, p.name, p.government]),
      [
        ['甲方', '某某镇人民政府', true],
        ['乙方', '某某食品有限公司', false],
        ['丙方', '某某县城市建设投资集团有限公司', true],
      ],
    );
  });

  it('the front matter wins over a party line', () => {
    const parties = identifyParties({ 甲方: '某某区人民政府' }, '甲方：某某公司\n');
    assert.deepEqual(parties.list.map((p) => p.name), ['某某区人民政府']);
  });

  it('government side: 街道办事处, 镇, 财政局, a local platform company; not a central enterprise with 城投 in its name', () => {
    for (const name of ['某某街道办事处', '某某镇人民政府', '某某区财政局', '某某经济开发区管理委员会', '某某区城市建设投资有限公司']) assert.ok(looksLikeGovernment(name), name);
    for (const name of ['中国城投建设集团有限公司', '某某科技有限公司', '某某银行股份有限公司']) assert.ok(!looksLikeGovernment(name), name);
  });

  it('the government side named colloquially by its level (镇里, 区里) is a government mention', () => {
    const parties = identifyParties({ 甲方: '某某县人民政府', 乙方: '某某建材有限公司' }, '');
    for (const word of ['镇里', '区里', '县里']) assert.equal(parties.mentions.find((m) => m.text === word)?.government, true, word);
  });
});
