import * as assert from 'node:assert/strict';
import { parseSidecar } from '../../../server/src/word/sidecar';

describe('word/sidecar parseSidecar', () => {
  it('reads key: value pairs; an empty file gives no values', () => {
    assert.deepEqual(parseSidecar('类别: 企业集团\n牵头单位: 区商务局\n', 'a.docx.agreement.yaml'), { ok: true, values: { 类别: '企业集团', 牵头单位: '区商务局' } });
    assert.deepEqual(parseSidecar('# 只有注释\n', 'a.docx.agreement.yaml'), { ok: true, values: {} });
  });

  it('broken YAML, a list, a scalar and an alias bomb are messages naming the file', () => {
    for (const text of ['类别: [', '- a\n- b\n', '企业集团', 'a: &a [1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n']) {
      const result = parseSidecar(text, 'x.docx.agreement.yaml');
      assert.equal(result.ok, false, text);
      assert.match((result as { message: string }).message, /x\.docx\.agreement\.yaml/);
    }
  });
});
