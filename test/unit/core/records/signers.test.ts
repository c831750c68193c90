import * as assert from 'node:assert/strict';
import { postOf, readSigners } from '../../../../server/src/core/records/signers';

describe('签署人 and their posts', () => {
  it('reads a map by party, a list in party order, and one line', () => {
    assert.deepEqual(readSigners({ 甲方: '区长 张某某', 乙方: '董事长 李某某' }).map((s) => [s.role, s.post?.name]), [['甲方', '区长'], ['乙方', '董事长']]);
    assert.deepEqual(readSigners(['区长 张某某', '董事长 李某某']).map((s) => [s.role, s.post?.name]), [[undefined, '区长'], [undefined, '董事长']]);
    assert.deepEqual(readSigners('甲方：副区长王某、乙方：总经理赵某').map((s) => [s.role, s.post?.name]), [['甲方', '副区长'], ['乙方', '总经理']]);
    assert.deepEqual(readSigners(42), []);
  });

  it('tells 常务副区长 and 副区长 from 区长, and 副市长 from 市长', () => {
    assert.equal(postOf('常务副区长 王某')?.name, '常务副区长');
    assert.equal(postOf('区长助理 王某')?.districtLeader, undefined);
    assert.equal(postOf('副市长')?.grade, 5);
    assert.equal(postOf('市长')?.grade, 6);
    assert.equal(postOf('区商务局局长')?.districtLeader, undefined);
    assert.equal(postOf('项目经理')?.enterprise, 'staff');
    assert.equal(postOf('张某某'), undefined);
  });
});
