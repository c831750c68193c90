import * as assert from 'node:assert/strict';
import { titleBreaks } from '../../../../server/src/word/write/titleBreak';

const lines = (title: string, capacity = 20) => {
  const cuts = [0, ...titleBreaks(title, capacity), title.length];
  return cuts.slice(1).map((end, i) => title.slice(cuts[i], end));
};

describe('word/write/titleBreak', () => {
  it('keeps a short title on one line', () => {
    assert.deepEqual(lines('某区与某公司合作协议'), ['某区与某公司合作协议']);
  });

  it('breaks after 与 or before the 文种, never inside a name', () => {
    assert.deepEqual(lines('天津市河北区人民政府与津港新材料集团有限公司招商合作协议'), ['天津市河北区人民政府与', '津港新材料集团有限公司招商合作协议']);
    assert.deepEqual(lines('天津市河北区人民政府与津港智造集团有限公司战略合作协议'), ['天津市河北区人民政府与', '津港智造集团有限公司战略合作协议']);
    assert.deepEqual(lines('天津市河北区人民政府与国家某某部科技司科技创新合作协议'), ['天津市河北区人民政府与', '国家某某部科技司科技创新合作协议']);
  });

  it('falls back to even lines when no boundary fits', () => {
    const title = '一'.repeat(50);
    const got = lines(title);
    assert.equal(got.join(''), title);
    assert.deepEqual(got.map((l) => l.length), [17, 17, 16]);
  });
});
