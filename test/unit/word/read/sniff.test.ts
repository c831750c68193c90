import * as assert from 'node:assert/strict';
import { readWordFile, WordReadError } from '../../../../server/src/word/read';
import { sniff } from '../../../../server/src/word/read/sniff';

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const cfbWith = (stream: string) => Buffer.concat([CFB, Buffer.alloc(504), Buffer.from(stream, 'utf16le'), Buffer.alloc(64)]);

describe('word/read sniff', () => {
  it('tells a docx, a doc, an encrypted package, a .wps, a PDF and junk apart', () => {
    assert.equal(sniff(Buffer.from('PK\u0003\u0004rest'), 'a.docx'), 'zip');
    assert.equal(sniff(cfbWith('WordDocument'), 'a.doc'), 'doc');
    assert.equal(sniff(cfbWith('EncryptedPackage'), 'a.docx'), 'encrypted');
    assert.equal(sniff(cfbWith('WordDocument'), '草稿.WPS'), 'wps');
    assert.equal(sniff(Buffer.from('%PDF-1.7'), 'a.docx'), 'pdf');
    assert.equal(sniff(Buffer.from('hello'), 'a.docx'), 'unknown');
  });

  it('each unreadable kind gets a Chinese message naming what to do', async () => {
    const cases: Array<[Buffer, string, RegExp]> = [
      [cfbWith('EncryptedPackage'), 'a.docx', /已加密.*另存为 \.docx/],
      [cfbWith('WordDocument'), 'a.wps', /WPS.*另存为.*docx/],
      [Buffer.from('%PDF-1.7'), 'a.docx', /PDF.*\.docx/],
      [Buffer.from('{\\rtf1'), 'a.doc', /RTF.*另存为/],
      [Buffer.from('just text'), 'a.docx', /不是 Word 文档.*另存为/],
    ];
    for (const [bytes, name, message] of cases) {
      await assert.rejects(readWordFile(bytes, name), (e: Error) => e instanceof WordReadError && message.test(e.message), name);
    }
  });
});
