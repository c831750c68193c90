import * as assert from 'node:assert/strict';
import { bodyPartyLines } from '../../../server/src/core/bodyPartyLines';
import { parseDocument } from '../../../server/src/core/parse';
import { identifyParties, PARTY_SCOPE } from '../../../server/src/core/parties';

const FRONT = '---\n文种: 协议书\n类别: 企业集团\n标题: 某某战略合作协议\n---\n';
const FILLER = '双方在智能制造、工业互联网和产业人才培养等领域开展合作，定期会商合作事项，推动项目落地见效。\n';

/** A long document (the pieces are remembered) with the given lines in its first, a middle and a late section. */
function longDocument(first: string, middle: string, late: string, sections = 40): string {
  const out = [FRONT, '# 某某战略合作协议\n', first];
  for (let i = 1; i <= sections; i++) {
    out.push(`第${i}条 合作事项\n`, FILLER.repeat(30));
    if (i === sections / 2) out.push(middle);
    if (i === sections - 1) out.push(late);
  }
  return out.join('');
}

/** The parties as the body read whole gives them, and as read piece by piece. */
function both(text: string): { whole: unknown; pieces: unknown; byPiece: boolean } {
  const doc = parseDocument(text);
  const bodyFrom = doc.frontMatter.present ? doc.frontMatter.span.end : 0;
  const lines = bodyPartyLines(doc, bodyFrom);
  const list = (p: ReturnType<typeof identifyParties>) => [p.list, p.mentions];
  return { whole: list(identifyParties(doc.frontMatter.data, text.slice(bodyFrom))), pieces: list(identifyParties(doc.frontMatter.data, text.slice(bodyFrom), lines)), byPiece: lines !== undefined };
}

describe('core/bodyPartyLines', () => {
  it('reads the party lines of a long body piece by piece as the whole body gives them: the first line of each role wins', () => {
    const text = longDocument('甲方：某某区人民政府\n乙方（投资方）：某某集团有限公司（盖章）\n', '乙方：另一家有限公司\n丙方: 某某县城市建设投资集团有限公司\n', '丁方：某某\n丁方：某某银行股份有限公司\n');
    const { whole, pieces, byPiece } = both(text);
    assert.ok(byPiece, 'a long document with \\n line breaks is read piece by piece');
    assert.deepEqual(pieces, whole);
    const names = (whole as [Array<{ role: string; name: string }>])[0].map((p) => `${p.role}${p.name}`);
    assert.deepEqual(names, ['甲方某某区人民政府', '乙方某某集团有限公司', '丙方某某县城市建设投资集团有限公司', '丁方某某银行股份有限公司']);
  });

  it('stops where the whole body would: a party line past the first 200,000 characters is not read', () => {
    const text = longDocument('甲方：某某区人民政府\n', '', '乙方：某某集团有限公司\n', 2 * Math.ceil((PARTY_SCOPE + 20000) / (30 * FILLER.length) / 2));
    assert.ok(text.length > PARTY_SCOPE + 10000);
    const { whole, pieces, byPiece } = both(text);
    assert.ok(byPiece);
    assert.deepEqual(pieces, whole);
    assert.deepEqual((whole as [Array<{ role: string }>])[0].map((p) => p.role), ['甲方']);
  });

  it('reads the whole body instead when a piece starts inside a line or a line ends in \\r', () => {
    const inline = longDocument('甲方：某某区人民政府\n', '说明如下。二、乙方：某某集团有限公司\n', '');
    const crlf = longDocument('甲方：某某区人民政府\r\n', '乙方：某某集团有限公司\r\n', '').replace(/\n/g, '\r\n');
    for (const text of [inline, crlf]) {
      const { whole, pieces } = both(text);
      assert.deepEqual(pieces, whole);
    }
    assert.equal(both(crlf).byPiece, false);
  });

  it('gives the same parties across edits, with the pieces remembered from the version before', () => {
    let text = longDocument('甲方：某某区人民政府\n', '', '');
    for (const edit of ['乙方：某某集团有限公司\n', '丙方：某某研究院\n', '']) {
      const at = text.indexOf('第3条');
      text = text.slice(0, at) + edit + text.slice(at);
      const { whole, pieces } = both(text);
      assert.deepEqual(pieces, whole, edit);
    }
  });
});
