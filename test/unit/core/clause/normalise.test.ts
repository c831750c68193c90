import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { normaliseForMatch, normaliseWord, originalRange, type NormalisedText } from '../../../../server/src/core/clause/normalise';

const root = path.resolve(__dirname, '../../../../..');

/** The original text behind the normalised occurrence of `needle`. */
function originalOf(n: NormalisedText, original: string, needle: string): string {
  const at = n.text.indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} not in ${JSON.stringify(n.text)}`);
  const range = originalRange(n, at, at + needle.length);
  return original.slice(range.start, range.end);
}

describe('normaliseForMatch', () => {
  it('reads traditional characters as simplified, character by character', () => {
    const original = '甲方應確保乙方享受稅收返還，並協助辦妥土地證書。';
    const n = normaliseForMatch(original);
    assert.equal(n.text, '甲方应确保乙方享受税收返还,并协助办妥土地证书。');
    assert.equal(originalOf(n, original, '税收返还'), '稅收返還');
  });

  it('maps Taiwan variant forms through their standard form (裡 → 里) and leaves simplified text alone', () => {
    assert.equal(normaliseForMatch('園區裡的廠房').text, '园区里的厂房');
    const simplified = '甲乙双方本着平等互利的原则，签订本协议书。';
    assert.equal(normaliseForMatch(simplified).text, simplified.replace('，', ','));
  });

  it('folds full-width letters, digits and punctuation to ASCII', () => {
    const original = 'ＡＢＣ公司投资１０００万元（人民币）；＃１';
    const n = normaliseForMatch(original);
    assert.equal(n.text, 'ABC公司投资1000万元(人民币);#1');
    assert.equal(originalOf(n, original, '1000万元'), '１０００万元');
  });

  it('drops stray blanks between Chinese characters and keeps those between words', () => {
    const original = '甲 方 承诺　给予乙方\u00a0补贴 100 万元, ABC Ltd. 签字';
    const n = normaliseForMatch(original);
    assert.equal(n.text, '甲方承诺给予乙方补贴 100 万元, ABC Ltd. 签字');
    assert.equal(originalOf(n, original, '甲方承诺'), '甲 方 承诺');
  });

  it('joins a hard line break inside a sentence and keeps the break after one', () => {
    const original = '甲方承诺对乙方缴纳的税收地方留成部分\n  按一定比例给予返还。\n乙方负责建设。\n';
    const n = normaliseForMatch(original);
    assert.equal(n.text, '甲方承诺对乙方缴纳的税收地方留成部分按一定比例给予返还。\n乙方负责建设。\n');
    assert.equal(originalOf(n, original, '留成部分按一定'), '留成部分\n  按一定');
  });

  it('joins a short line of a narrow column inside the sentence it began in, not a short title after one', () => {
    assert.equal(normaliseForMatch('甲方承诺，\n给予乙方排\n他性经营权。').text, '甲方承诺,给予乙方排他性经营权。');
    assert.equal(normaliseForMatch('乙方负责建设。\n坚持互利共赢\n双方依法开展合作。').text, '乙方负责建设。\n坚持互利共赢\n双方依法开展合作。');
  });

  it('does not join across a blank line, a heading, a list item or a label line', () => {
    const cases = [
      '双方在以下方面开展深入合作\n\n二、合作内容',
      '第一条 合作目标\n双方建立长期合作关系。',
      '甲方为乙方提供下列支持\n（一）土地保障',
      '甲方：某某市人民政府\n地址：某某路1号',
      '一、合作原则\n坚持互利共赢',
      '甲方（盖章）\n乙方（盖章）',
    ];
    for (const original of cases) assert.ok(normaliseForMatch(original).text.includes('\n'), original);
  });

  it('joins line-broken Latin words with one space', () => {
    assert.equal(normaliseForMatch('the parties shall jointly\nestablish a committee').text, 'the parties shall jointly establish a committee');
  });

  it('treats CRLF as one line break and maps ranges across it', () => {
    const original = '甲方應當在簽訂本協議後\r\n協助乙方辦理相關手續。\r\n乙方負責。';
    const n = normaliseForMatch(original);
    assert.equal(n.text, '甲方应当在签订本协议后协助乙方办理相关手续。\n乙方负责。');
    assert.equal(originalOf(n, original, '协议后协助'), '協議後\r\n協助');
    const newline = n.text.indexOf('\n');
    // The kept break stands for both units of the second CRLF.
    const crlf = original.lastIndexOf('\r\n');
    assert.deepEqual(originalRange(n, newline, newline + 1), { start: crlf, end: crlf + 2 });
  });

  it('keeps surrogate pairs whole and maps them back', () => {
    const original = '𠀀甲方𠮷 𠮷乙方';
    const n = normaliseForMatch(original);
    assert.equal(n.text, '𠀀甲方𠮷𠮷乙方');
    assert.equal(originalOf(n, original, '𠮷𠮷'), '𠮷 𠮷');
    assert.equal(originalOf(n, original, '𠀀'), '𠀀');
  });

  it('drops zero-width characters inside words', () => {
    const original = '税\u200b收\ufeff返还';
    const n = normaliseForMatch(original);
    assert.equal(n.text, '税收返还');
    assert.equal(originalOf(n, original, '税收返还'), original);
  });

  it('keeps an origin for every unit: monotone, inside the text, ending at the original length', () => {
    const original = '第一條　總則\r\n本協議 由\u00a0甲乙雙方\n簽訂，ＡＢ 𠮷\r\n\r\n二、合作原則';
    const n = normaliseForMatch(original);
    assert.equal(n.origin.length, n.text.length + 1);
    assert.equal(n.origin[n.text.length], original.length);
    for (let i = 0; i < n.text.length; i++) {
      assert.ok(n.origin[i] >= 0 && n.origin[i] < original.length);
      assert.ok(n.originEnd[i] > n.origin[i] && n.originEnd[i] <= original.length);
      if (i > 0) assert.ok(n.origin[i] >= n.origin[i - 1]);
    }
    // Every normalised range maps to an ordered range inside the original.
    for (let s = 0; s <= n.text.length; s++) {
      for (let e = s; e <= n.text.length; e++) {
        const r = originalRange(n, s, e);
        assert.ok(r.start <= r.end && r.end <= original.length);
      }
    }
    assert.equal(originalOf(n, original, '总则'), '總則');
    assert.equal(originalOf(n, original, '二、合作原则'), '二、合作原則');
  });

  it('clamps out-of-range requests and handles the empty text', () => {
    const n = normaliseForMatch('');
    assert.equal(n.text, '');
    assert.deepEqual(originalRange(n, 0, 0), { start: 0, end: 0 });
    const m = normaliseForMatch('甲方');
    assert.deepEqual(originalRange(m, -5, 99), { start: 0, end: 2 });
  });

  it('is linear on a long pasted line and on many short lines', () => {
    const long = '甲方承诺 给予支持，'.repeat(50_000);
    const lines = '甲方承诺给予支持\n'.repeat(50_000);
    const started = Date.now();
    assert.equal(normaliseForMatch(long).text.length, long.length - 50_000);
    normaliseForMatch(lines);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });

  it('ships a character map that matches opencc-js (run node scripts/generate-t2s-map.mjs when stale)', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/generate-t2s-map.mjs'), '--check'], { cwd: root });
  });

  it('normalises a lexicon word or a heading name the same way, without offsets', () => {
    assert.equal(normaliseWord('稅收　返還'), '税收返还');
    assert.equal(normaliseWord('合作方式（機制）'), '合作方式(机制)');
    assert.equal(normaliseWord('𠮷 乙\u200b方'), '𠮷乙方');
    for (const word of ['協助辦妥', '納稅金額', 'ＡＢＣ公司', '𠵾𡞱', '㗲甲']) assert.equal(normaliseWord(word), normaliseForMatch(word).text);
  });
});
