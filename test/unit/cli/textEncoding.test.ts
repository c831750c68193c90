import * as assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { decodeText } from '../../../server/src/cli/textEncoding';

const TEXT = '---\n文种: 协议书\n---\n# 合作协议\n\n一、合作原则\n双方坚持依法依规、诚实守信、互利共赢。\n';

describe('cli/textEncoding decodeText', () => {
  it('UTF-8 stays UTF-8', () => {
    assert.deepEqual(decodeText(Buffer.from(TEXT)), { ok: true, text: TEXT, encoding: 'UTF-8' });
  });

  it('GBK text is detected and decoded exactly; four-byte characters make it GB18030', () => {
    assert.deepEqual(decodeText(iconv.encode(TEXT, 'gbk')), { ok: true, text: TEXT, encoding: 'GBK' });
    const rare = TEXT + '𠀀\n';
    assert.deepEqual(decodeText(iconv.encode(rare, 'gb18030')), { ok: true, text: rare, encoding: 'GB18030' });
  });

  it('UTF-16 with a byte-order mark is decoded, either byte order', () => {
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])), { ok: true, text: TEXT, encoding: 'UTF-16LE' });
    const be = Buffer.from(TEXT, 'utf16le').swap16();
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { ok: true, text: TEXT, encoding: 'UTF-16BE' });
  });

  it('a detection is refused when the decoding is not clean: binary junk keeps the UTF-8 message', () => {
    const junk = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 73 + 11) % 256));
    const result = decodeText(junk);
    assert.equal(result.ok, false);
    assert.match((result as { message: string }).message, /不是有效的 UTF-8 编码/);
    const broken = Buffer.concat([iconv.encode(TEXT, 'gbk'), Buffer.from([0xff])]);
    assert.equal(decodeText(broken).ok, false);
  });
});
