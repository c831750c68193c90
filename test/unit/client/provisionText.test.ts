import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { provisionText } from '../../../client/src/provisionText';
import { packageRoot } from '../../../server/src/packs/packageRoot';

describe('打开条文: the regulation as officers read it', () => {
  const file = path.join(packageRoot(__dirname), 'regulations', 'national.md');
  const shown = provisionText(fs.readFileSync(file, 'utf8'), 'national.md');

  it('keeps the regulation’s words and titles', () => {
    assert.ok(shown.includes('机关法人不得为保证人，但是经国务院批准为使用外国政府或者国际经济组织贷款进行转贷的除外。'));
    assert.ok(shown.includes('## 中华人民共和国民法典'));
    assert.ok(shown.includes('### 第683条第1款'));
  });

  it('shows no verification grade, pack id, rule notes or unverified article labels', () => {
    for (const internal of ['核验等级', '规则包 id', '（用于：', 'clause/', '未核', 'LawRefBook']) assert.ok(!shown.includes(internal), `${internal} is shown:\n${shown.slice(0, 2000)}`);
  });

  it('leaves plain-text regulations as they are', () => {
    assert.equal(provisionText('第一条 核验等级', 'a.txt'), '第一条 核验等级');
  });
});
