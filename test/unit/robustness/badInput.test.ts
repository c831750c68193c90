/**
 * Every bad input ends in clear findings (rule ids, Chinese
 * messages), never an exception or a hang, with every range inside the document
 * and UTF-16 positions computed right. Each case goes through `analyseChecked`,
 * which asserts those invariants; the cases here add what each input must say.
 */
import * as assert from 'node:assert/strict';
import { analyzeText, applyEdits, parseDocument, type Finding } from '../../../server/src/core';
import { analyseChecked, HANG_GUARD_MS } from './check';
import { CLEAN, testRules } from './testPack';
import { fixesOf } from '../../../server/src/core/fixes/onDemand';

const rules = (findings: Finding[]) => findings.map((f) => f.rule);
const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const slice = (text: string, f: Finding) => text.slice(f.span.start, f.span.end);
const FENCE_LINES = CLEAN.split('\n');
const closeFence = FENCE_LINES.indexOf('---', 1);
/** CLEAN with its front matter lines replaced. */
const withFrontMatter = (yaml: string) => ['---', yaml, ...FENCE_LINES.slice(closeFence)].join('\n');
/** CLEAN with one more body line at the end. */
const withBody = (line: string) => `${CLEAN}${line}\n`;

describe('robustness: bad input', function () {
  this.timeout(60000);

  it('the clean agreement has no finding (baseline for the cases below)', () => {
    assert.deepEqual(rules(analyseChecked(CLEAN).findings), []);
  });

  describe('front matter', () => {
    it('malformed YAML: a syntax error on the broken value, in Chinese, and the body is still checked', () => {
      const text = withFrontMatter('文种: [协议书\n类别: 企业集团').replace('本协议不设排他性条款。', '乙方享有独家合作权。');
      const { findings } = analyseChecked(text);
      const syntax = only(findings, 'schema/syntax');
      assert.ok(syntax.length >= 1 && syntax.length <= 10, rules(findings).join());
      assert.match(syntax[0].message, /文件头 YAML 语法错误/);
      const fm = parseDocument(text).frontMatter;
      for (const f of syntax) assert.ok(f.span.start >= fm.contentSpan.start && f.span.end <= fm.contentSpan.end, `${f.span.start}-${f.span.end}`);
      assert.ok(rules(findings).includes('clause/exclusive'), 'body still analysed');
    });

    it('truncated YAML (file ends inside a quoted value, no closing fence): one "missing ---" finding', () => {
      const text = '---\n文种: 协议书\n类别: "企业';
      const { findings } = analyseChecked(text);
      assert.deepEqual(rules(findings), ['schema/syntax']);
      assert.match(findings[0].message, /缺少结束行“---”/);
      assert.deepEqual(findings[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    });

    it('truncated YAML inside the fences (unclosed quote): a syntax error, no schema noise', () => {
      const { findings } = analyseChecked(withFrontMatter('文种: "协议书\n类别: 企业集团'));
      assert.ok(findings.length > 0 && findings.every((f) => f.rule === 'schema/syntax' || !f.rule.startsWith('schema/')), rules(findings).join());
      assert.ok(!rules(findings).includes('schema/required'));
    });

    it('alias bomb ("billion laughs"): refused without expansion, fast', () => {
      const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) bomb.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
      const { findings, ms } = analyseChecked(withFrontMatter(bomb.join('\n')), testRules(), {}, 2000);
      assert.deepEqual(rules(findings).filter((r) => r.startsWith('schema/')), ['schema/syntax']);
      assert.match(only(findings, 'schema/syntax')[0].message, /别名引用过多/);
      assert.ok(ms < 2000);
    });

    it('very deep nesting: 100,000 "[" (over the size limit), 60,000 "[", deep blocks and "? ? ?" keys are refused before parsing', () => {
      const cases: Array<[string, RegExp]> = [
        ['a: ' + '['.repeat(100000), /文件头过长/],
        ['a: ' + '['.repeat(60000), /嵌套过深/],
        ['a: ' + '{a: '.repeat(5000), /嵌套过深/],
        ['a: ' + '['.repeat(30000) + ']'.repeat(30000), /嵌套过深/],
        [Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'), /嵌套过深/],
        ['- '.repeat(5000) + 'x', /嵌套过深/],
        // Complex keys: the yaml package's toJS takes seconds at 250 levels, minutes at 500.
        ['? '.repeat(500) + 'x', /嵌套过深/],
        ['? '.repeat(40) + 'x', /键应为简单文字/],
        ['[a, b]: 协议书', /键应为简单文字/],
      ];
      // Twice: a stack overflow inside the YAML parser used to leave V8 in a state where
      // the next parse aborted the whole process ("RegExpCompiler Allocation failed").
      for (let round = 0; round < 2; round++) {
        for (const [yaml, message] of cases) {
          const text = withFrontMatter(yaml);
          const { findings } = analyseChecked(text, testRules(), {}, 2000);
          const syntax = only(findings, 'schema/syntax');
          assert.equal(syntax.length, 1, `${yaml.slice(0, 20)}: ${rules(findings).join()}`);
          assert.match(syntax[0].message, message, yaml.slice(0, 20));
          assert.ok(!rules(findings).includes('schema/required'), 'no schema noise after a refused front matter');
        }
      }
    });

    it('front matter that is not a mapping (a scalar, a list): one "shape" finding on it', () => {
      for (const yaml of ['协议书', '- 文种\n- 类别', '"只有一个值"']) {
        const text = withFrontMatter(yaml);
        const { findings } = analyseChecked(text);
        assert.deepEqual(rules(findings), ['schema/syntax'], yaml);
        assert.match(findings[0].message, /应为“键: 值”的列表/);
        assert.equal(findings[0].range.start.line, 1);
      }
    });

    it('duplicate keys: schema/duplicate-key on the second occurrence, the rest still checked', () => {
      const text = CLEAN.replace('类别: 企业集团\n', '类别: 企业集团\n类别: 上级部委\n');
      const { findings } = analyseChecked(text);
      const duplicate = only(findings, 'schema/duplicate-key');
      assert.equal(duplicate.length, 1, rules(findings).join());
      assert.equal(duplicate[0].message, '文件头中“类别”出现了两次：请删除重复的一项。');
      assert.deepEqual(duplicate[0].range, { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } });
    });

    it('no front matter: schema/front-matter with a fix that inserts one', () => {
      const text = CLEAN.slice(CLEAN.indexOf('# '));
      const { findings } = analyseChecked(text);
      assert.deepEqual(rules(findings), ['schema/front-matter']);
      assert.match(findings[0].message, /缺少文件头/);
      const fixed = applyEdits(text, fixesOf(findings[0])[0].edits);
      assert.equal(parseDocument(fixed).frontMatter.present, true);
      assert.ok(fixed.endsWith(text), 'the original text is kept after the inserted front matter');
    });

    it('an empty file: one finding at 0:0, with a fix', () => {
      const { findings } = analyseChecked('');
      assert.deepEqual(rules(findings), ['schema/front-matter']);
      assert.deepEqual(findings[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.ok(fixesOf(findings[0]).length);
    });

    it('a file of only "---" (with and without a line break, or two of them)', () => {
      for (const text of ['---', '---\n', '---\r\n', '--- \t']) {
        const { findings } = analyseChecked(text);
        assert.deepEqual(rules(findings), ['schema/syntax'], JSON.stringify(text));
        assert.match(findings[0].message, /缺少结束行/);
      }
      const { findings } = analyseChecked('---\n---\n');
      assert.ok(rules(findings).every((r) => r === 'schema/required' || r.startsWith('procedure/')), rules(findings).join());
      assert.ok(findings.some((f) => f.message.includes('文件头缺少“类别”')));
    });
  });

  describe('bytes and characters', () => {
    it('binary content and NUL bytes (decoded as latin1 and as UTF-8 with U+FFFD)', () => {
      let seed = 7;
      const bytes = Buffer.from(Array.from({ length: 64 * 1024 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff));
      for (const text of [bytes.toString('latin1'), bytes.toString('utf8'), '\u0000'.repeat(10000), `---\n文种: 协\u0000议书\n---\n一、\u0000合作原则\n\u0000\u0001\u0002`]) {
        const { findings } = analyseChecked(text);
        assert.ok(findings.length > 0, 'something is said about a binary file');
        assert.ok(findings.some((f) => f.rule.startsWith('schema/')), rules(findings).join());
      }
    });

    it('lone surrogates in front matter and body: the value gets its finding, positions count code units', () => {
      const text = CLEAN.replace('文种: 协议书', '文种: \uD800协议书').replace('本协议不设排他性条款。', '\uDC00\uD83D乙方享有独家合作权。');
      const { findings } = analyseChecked(text);
      const enumFinding = only(findings, 'schema/enum')[0];
      assert.ok(enumFinding, rules(findings).join());
      assert.deepEqual(enumFinding.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } });
      const exclusive = only(findings, 'clause/exclusive')[0];
      assert.equal(slice(text, exclusive), '独家合作权', 'the risky words to the end of their clause');
      // After 坚持企业主体地位，互利共赢。 (14), two lone surrogates (2) and 乙方享有 (4).
      assert.equal(exclusive.range.start.character, 20, 'lone surrogates count as one code unit each');
    });

    it('a BOM: the front matter is found and ranges count the BOM as one code unit of line 0', () => {
      const text = `\uFEFF${CLEAN.replace('牵头单位: 区商务局\n', '')}`;
      const { findings } = analyseChecked(text);
      const required = only(findings, 'schema/required');
      assert.equal(required.length, 1, rules(findings).join());
      assert.match(required[0].message, /文件头缺少“牵头单位”/);
      assert.deepEqual(required[0].range, { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } });
      const fixed = applyEdits(text, fixesOf(required[0])[0].edits);
      assert.ok(fixed.startsWith('\uFEFF---\n'), 'the BOM stays');
      // The added key holds a placeholder, flagged until the officer writes the name.
      assert.deepEqual(rules(analyseChecked(fixed).findings), ['format/placeholder']);
    });

    it('CRLF, CR-only and mixed line endings: the same findings at the same lines', () => {
      const lf = CLEAN.replace('本协议不设排他性条款。', '乙方享有独家合作权。').replace('五、法律责任', '六、法律责任');
      const crlf = lf.replace(/\n/g, '\r\n');
      const cr = lf.replace(/\n/g, '\r');
      let i = 0;
      const mixed = lf.replace(/\n/g, () => ['\r\n', '\n', '\r'][i++ % 3]);
      const expected = analyseChecked(lf).findings.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`);
      assert.ok(expected.some((e) => e.startsWith('clause/exclusive')) && expected.some((e) => e.startsWith('section/numbering')), expected.join());
      for (const text of [crlf, cr, mixed]) {
        const got = analyseChecked(text).findings.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`);
        assert.deepEqual(got, expected, JSON.stringify(text.slice(0, 8)));
      }
    });

    it('tabs and full-width spaces (U+3000) around heading numbers: still headings, names without the blanks', () => {
      const text = CLEAN.replace('二、合作内容', '\t二、\t合作内容\t').replace('四、保障措施', '\u3000四、\u3000保障措施\u3000');
      const { findings } = analyseChecked(text);
      assert.deepEqual(rules(findings), []);
      const names = parseDocument(text).sections.map((s) => s.name);
      assert.deepEqual(names, ['合作原则（宗旨）', '合作内容', '重点项目', '保障措施', '法律责任']);
      const misnumbered = text.replace('\u3000四、', '\u3000九、');
      const numbering = only(analyseChecked(misnumbered).findings, 'section/numbering')[0];
      assert.equal(slice(misnumbered, numbering), '九、');
      assert.equal(numbering.range.start.character, 1, 'after one U+3000');
    });

    it('emoji and CJK Extension B before a finding: the exact UTF-16 character offset', () => {
      // 😀 (2 units) 𠀀 (2) 𪚥 (2) then 8 characters, then 独家合作权 (the risky words to the end of their clause).
      const text = withBody('😀𠀀𪚥甲方同意乙方享有独家合作权。');
      const exclusive = only(analyseChecked(text).findings, 'clause/exclusive')[0];
      assert.ok(exclusive);
      const line = text.split('\n').length - 2;
      assert.deepEqual(exclusive.range, { start: { line, character: 14 }, end: { line, character: 19 } });
      assert.equal(slice(text, exclusive), '独家合作权');
    });
  });

  describe('size', () => {
    it('a single 1 MB line (no punctuation, Chinese with triggers, blanks, "#")', () => {
      const mb = 1024 * 1024;
      const lines = [
        '合'.repeat(mb),
        '甲方提供担保'.repeat(mb / 6),
        `# a${' '.repeat(mb)}b`,
        '# '.repeat(mb / 2),
        '<!--'.repeat(mb / 4),
        ' '.repeat(mb) + 'x',
      ];
      for (const line of lines) {
        const { findings } = analyseChecked(withBody(line));
        assert.ok(Array.isArray(findings));
      }
    });

    it('100,000 headings, numbered right (100 sections of 999 items each)', () => {
      const out = [CLEAN.slice(0, CLEAN.indexOf('# '))];
      const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
      const cn = (n: number) => (n === 100 ? '一百' : `${n >= 20 ? CN[Math.floor(n / 10)] : ''}${n >= 10 ? '十' : ''}${CN[n % 10]}`);
      for (let s = 1; s <= 100; s++) {
        out.push(`${cn(s)}、第${s}部分`);
        for (let i = 1; i <= 999; i++) out.push(`（${i}）条目`);
      }
      const text = out.join('\n');
      assert.equal(parseDocument(text).headings.length, 100 * 1000);
      const { findings } = analyseChecked(text);
      assert.deepEqual(only(findings, 'section/numbering'), []);
      const missing = only(findings, 'section/missing');
      assert.equal(missing.length, 1, rules(findings).slice(0, 10).join());
      assert.ok(fixesOf(missing[0]).length >= 5, 'one insert per missing section, and one for all');
    });

    // checkNumbering reports at most ten findings per sibling group plus a summary, all sharing
    // one renumbering fix: the edits grow with the list, not with its square.
    it('100,000 headings all numbered "1." (a pasted Markdown list) stay fast and small', () => {
      const text = `${CLEAN}${Array.from({ length: 100000 }, () => '1. 条目').join('\n')}\n`;
      const { findings } = analyseChecked(text);
      const fixes = new Set(findings.flatMap((f) => fixesOf(f)));
      const edits = [...fixes].reduce((n, x) => n + x.edits.length, 0);
      assert.ok(edits < 1_000_000, `${edits} edits`);
      assert.ok(only(findings, 'section/numbering').length <= 11);
    });

    // Once quadratic: a trigger was tested against every quoted span, and a finding against every
    // disabled region. Both are lookups in sorted spans now.
    it('one 900 KB line of quoted triggers ("“担保”" × 150,000)', () => {
      analyseChecked(withBody('“担保”'.repeat(150000)));
    });
    it('20,000 agreement-disable … agreement-enable pairs', () => {
      analyseChecked(withBody('<!-- agreement-disable clause/exclusive -->\n独家\n<!-- agreement-enable -->\n'.repeat(20000)));
    });

    it('a 50 MB string above maxSize: exactly one info finding format/too-large, fast', () => {
      const text = `${CLEAN}${'合作'.repeat(25 * 1024 * 1024)}`;
      const started = performance.now();
      const findings = analyzeText(text, testRules(), { maxSize: 5 * 1024 * 1024 });
      const ms = performance.now() - started;
      assert.equal(findings.length, 1);
      assert.equal(findings[0].rule, 'format/too-large');
      assert.equal(findings[0].severity, 'info');
      assert.match(findings[0].message, /文件过大.*已跳过检查/);
      assert.match(findings[0].message, /agreement\.maxFileSize/);
      assert.deepEqual(findings[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.ok(ms < 200, `${ms} ms: the size check must not parse`);
      assert.ok(ms < HANG_GUARD_MS);
    });
  });
});
