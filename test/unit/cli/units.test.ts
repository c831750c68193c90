/** Pure pieces of the CLI, in-process: the diff, strict UTF-8 decoding, argument parsing. */
import * as assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { decodeUtf8, firstInvalidByte } from '../../../server/src/cli/decode';
import { splitLines, unifiedDiff } from '../../../server/src/cli/diff';

describe('agreement-lint internals', () => {
  describe('unifiedDiff', () => {
    it('is empty for equal texts', () => assert.equal(unifiedDiff('a\n', 'a\n', 'f'), ''));

    it('separates distant changes into hunks with three lines of context', () => {
      const before = Array.from({ length: 20 }, (_, i) => `第${i + 1}行`).join('\n') + '\n';
      const after = before.replace('第2行', '第二行').replace('第18行\n', '');
      assert.equal(
        unifiedDiff(before, after, 'x.agreement.md'),
        '--- a/x.agreement.md\n+++ b/x.agreement.md\n@@ -1,5 +1,5 @@\n 第1行\n-第2行\n+第二行\n 第3行\n 第4行\n 第5行\n@@ -15,6 +15,5 @@\n 第15行\n 第16行\n 第17行\n-第18行\n 第19行\n 第20行\n',
      );
    });

    it('marks CR and a missing final line break', () => {
      assert.equal(unifiedDiff('a\r\nb', 'a\r\nc', 'f'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a␍\n-b\n\\ 文件末尾没有换行\n+c\n\\ 文件末尾没有换行\n');
    });

    it('handles insertion into an empty file', () => {
      assert.equal(unifiedDiff('', 'x\n', 'f'), '--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+x\n');
    });

    it('splits lines keeping their breaks (LF, CRLF, lone CR)', () => {
      assert.deepEqual(splitLines('a\nb\r\nc\rd'), ['a\n', 'b\r\n', 'c\r', 'd']);
    });

    it('is a correct and minimal edit script on random edits (patching a gives b; edits = n + m - 2·LCS)', () => {
      let seed = 7;
      const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (let round = 0; round < 200; round++) {
        const a = Array.from({ length: Math.floor(rand() * 30) }, () => 'abcde'[Math.floor(rand() * 5)]);
        const b = a.filter(() => rand() > 0.25).map((l) => (rand() > 0.85 ? l + 'x' : l));
        if (rand() > 0.5) b.splice(Math.floor(rand() * (b.length + 1)), 0, 'new');
        const diff = unifiedDiff(a.map((l) => l + '\n').join(''), b.map((l) => l + '\n').join(''), 'f');
        // Apply the hunks to a.
        const out: string[] = [];
        let cursor = 0;
        let edits = 0;
        for (const line of diff.split('\n').slice(2)) {
          const hunk = /^@@ -(\d+),(\d+) /.exec(line);
          if (hunk) {
            const start = Number(hunk[2]) === 0 ? Number(hunk[1]) : Number(hunk[1]) - 1;
            while (cursor < start) out.push(a[cursor++]);
          } else if (line.startsWith(' ')) {
            assert.equal(a[cursor], line.slice(1));
            out.push(a[cursor++]);
          } else if (line.startsWith('-')) {
            assert.equal(a[cursor++], line.slice(1));
            edits++;
          } else if (line.startsWith('+')) {
            out.push(line.slice(1));
            edits++;
          }
        }
        while (cursor < a.length) out.push(a[cursor++]);
        assert.deepEqual(out, b, diff);
        const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
        for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) lcs[i][j] = a[i - 1] === b[j - 1] ? lcs[i - 1][j - 1] + 1 : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
        assert.equal(edits, a.length + b.length - 2 * lcs[a.length][b.length]);
      }
    });
  });

  describe('decodeUtf8', () => {
    it('decodes valid UTF-8 (BOM, astral characters, long texts) exactly as Buffer#toString', () => {
      const text = '\ufeff---\r\n标题: 协议😀𠀀\n' + '合作内容。'.repeat(500);
      assert.deepEqual(decodeUtf8(Buffer.from(text)), { ok: true, text });
    });

    it('finds the first invalid byte: GBK, truncated sequences, overlongs, surrogates', () => {
      assert.equal(firstInvalidByte(Buffer.from([0x61, 0xba, 0xcf])), 1);
      assert.equal(firstInvalidByte(Buffer.from([0x61, 0xe4, 0xb8])), 1);
      assert.equal(firstInvalidByte(Buffer.from([0xc0, 0x80])), 0);
      assert.equal(firstInvalidByte(Buffer.from([0xed, 0xa0, 0x80])), 0);
      assert.equal(firstInvalidByte(Buffer.from('协议', 'utf8')), 6);
      const result = decodeUtf8(Buffer.from([0x61, 0x0a, 0x62, 0xff]));
      assert.equal(result.ok, false);
      assert.match((result as { message: string }).message, /第 2 行，字节偏移 3 处：FF/);
    });
  });

  describe('parseArgs', () => {
    it('reads every option, = forms and repeats', () => {
      const o = parseArgs(['-f', 'sarif', '--rule-pack', 'a.yaml', '--rule-pack=b.yaml', '--rule', 'clause/exclusive=warning', '--max-warnings=3', '-q', '-j', '2', '--no-ignore', '--fix', 'x', '--', '--odd-name.agreement.md']);
      assert.equal(o.format, 'sarif');
      assert.deepEqual(o.packs, ['a.yaml', 'b.yaml']);
      assert.deepEqual(o.severities, { 'clause/exclusive': 'warning' });
      assert.equal(o.maxWarnings, 3);
      assert.equal(o.quiet, true);
      assert.equal(o.jobs, 2);
      assert.equal(o.ignore, false);
      assert.equal(o.fix, true);
      assert.deepEqual(o.inputs, ['x', '--odd-name.agreement.md']);
    });

    it('throws UsageError for bad input', () => {
      for (const argv of [['--nope'], ['-f'], ['-f', 'xml'], ['--max-warnings', '-1'], ['--jobs', '0'], ['--rule', '=error'], ['--fix', '--fix-dry-run']]) {
        assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
      }
    });
  });
});
