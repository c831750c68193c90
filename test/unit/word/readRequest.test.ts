import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWordForEditor } from '../../../server/src/word/readRequest';

const FIXTURE = path.resolve(__dirname, '../../../../test/fixtures/word/招商合作协议.docx');

describe('word/readRequest readWordForEditor', () => {
  it('answers with the agreement text; sidecar values win and are announced', async () => {
    const data = fs.readFileSync(FIXTURE).toString('base64');
    const result = await readWordForEditor({ fileName: '招商合作协议.docx', data, sidecar: { name: '招商合作协议.docx.agreement.yaml', text: '类别: 企业集团\n' } });
    assert.ok(result.ok);
    assert.match(result.text, /^类别: 企业集团$/m);
    assert.match(result.text, /\n一、合作原则\n/);
    assert.equal(result.notes[0], '已读取配套文件头 招商合作协议.docx.agreement.yaml。');
    assert.equal(result.inferred['乙方'], '津港新材料集团有限公司');
  });

  it('a forged payload, a broken sidecar or a PDF get a message, not an exception', async () => {
    assert.deepEqual(await readWordForEditor({} as never), { ok: false, message: '请求缺少文件内容。' });
    const data = fs.readFileSync(FIXTURE).toString('base64');
    const broken = await readWordForEditor({ fileName: 'a.docx', data, sidecar: { name: 'a.docx.agreement.yaml', text: '类别: [' } });
    assert.equal(broken.ok, false);
    const pdf = await readWordForEditor({ fileName: 'a.docx', data: Buffer.from('%PDF-1.4').toString('base64') });
    assert.equal(pdf.ok, false);
    assert.match((pdf as { message: string }).message, /PDF/);
  });
});
