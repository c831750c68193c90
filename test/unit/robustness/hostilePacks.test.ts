/**
 * A workspace rule pack that is too large, not YAML, not a pack,
 * or carries a catastrophic regular expression is refused by loadPack with a
 * message naming the file and the path inside it; the other packs keep working,
 * and an accepted pattern runs in linear time.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildRuleSet, loadPack } from '../../../server/src/core';
import { MAX_PACK_CHARS } from '../../../server/src/core/pack/load';
import { compileLinear, unsafeRegexReason } from '../../../server/src/core/pack/safeRegex';
import { setPatternClock } from '../../../server/src/core/pack/patternBudget';
import { withLinearUniqueItems } from '../../../server/src/core/pack/linearSchema';
import packSchema from '../../../schemas/rule-pack.schema.json';
import { analyzeText } from '../../../server/src/core';
import { parseUntrustedYaml } from '../../../server/src/core/parse/yamlGuard';
import { loadPacks, readPackFile } from '../../../server/src/packs/loadPacks';
import { analyseChecked } from './check';
import { CLEAN, TEST_PACK_YAML } from './testPack';

/** The test pack with its 开工时间 pattern replaced (YAML single-quoted). */
const withPattern = (pattern: string) => TEST_PACK_YAML.replace(`pattern: '\\d{4}年\\d{1,2}月开工'`, () => `pattern: '${pattern.replace(/'/g, "''")}'`);
const PATTERN_PATH = '/categories/0/sections/2/elements/2/pattern';

describe('robustness: hostile rule packs', function () {
  this.timeout(30000);

  it('the test pack itself loads (baseline)', () => {
    const result = loadPack(TEST_PACK_YAML, 'test.pack.yaml');
    assert.deepEqual(result.problems, []);
    assert.ok(result.pack);
    assert.ok(withPattern('x').includes("pattern: 'x'"));
  });

  it('refuses a pack that is too large, naming it', () => {
    const result = loadPack(`# ${'x'.repeat(MAX_PACK_CHARS)}\n${TEST_PACK_YAML}`, 'big.pack.yaml');
    assert.equal(result.pack, undefined);
    assert.equal(result.problems[0].source, 'big.pack.yaml');
    assert.match(result.problems[0].message, /规则包过大/);
  });

  it('refuses invalid YAML, naming the file and the line', () => {
    const result = loadPack('id: x\ntitle: [未闭合\nclauses: {', 'broken.pack.yaml');
    assert.equal(result.pack, undefined);
    assert.equal(result.problems[0].source, 'broken.pack.yaml');
    assert.match(result.problems[0].message, /规则包不是有效的 YAML：.*（第 \d+ 行）/);
  });

  it('refuses YAML bombs: deep nesting, complex keys, alias expansion', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');
    const cases: Array<[string, RegExp]> = [
      [`id: x\ntitle: t\nextra: ${'['.repeat(50000)}`, /嵌套过深/],
      [`id: x\ntitle: t\n${'? '.repeat(400)}x: 1`, /嵌套过深/],
      [`id: x\ntitle: t\n? [a]\n: 1`, /键应为简单文字/],
      [`id: x\ntitle: t\n${bomb}`, /不是有效的 YAML|Excessive alias/],
    ];
    for (const [text, message] of cases) {
      const started = performance.now();
      const result = loadPack(text, 'bomb.pack.yaml');
      assert.ok(performance.now() - started < 2000, text.slice(0, 30));
      assert.equal(result.pack, undefined, text.slice(0, 30));
      assert.equal(result.problems[0].source, 'bomb.pack.yaml');
      assert.match(result.problems[0].message, message, text.slice(0, 30));
    }
  });

  it('refuses a schema-invalid pack with the path of each problem, and never throws on odd shapes', () => {
    const result = loadPack('id: x\ntitle: t\nclauses:\n  - id: clause/x\n    severity: fatal\n', 'schema.pack.yaml');
    assert.equal(result.pack, undefined);
    assert.ok(result.problems.length > 0);
    assert.ok(result.problems.every((p) => p.source === 'schema.pack.yaml'));
    assert.ok(result.problems.some((p) => p.path.startsWith('/clauses/0')), JSON.stringify(result.problems));
    for (const odd of ['[]', '42', '~', '""', 'id: x\ntitle: t\ncategories: 5', 'id: x\ntitle: t\ncategories: [{sections: 3}]', 'id: x\ntitle: t\nclauses: [null]']) {
      const loaded = loadPack(odd, 'odd.pack.yaml');
      assert.ok(loaded.pack === undefined ? loaded.problems.length > 0 : true, odd);
      if (loaded.pack) assert.doesNotThrow(() => buildRuleSet([loaded.pack!]), odd);
    }
  });

  it('refuses catastrophic and unsupported regular expressions, naming the file and the JSON path', () => {
    const refused: Array<[string, RegExp]> = [
      ['(a+)+$', /嵌套的重复/],
      ['(a|aa)*b', /嵌套的重复/],
      ['(a*)*', /嵌套的重复/],
      ['(?:a+){2,}', /嵌套的重复/],
      ['(a|a)*', /嵌套的重复/],
      ['(a?){20}a{20}', /嵌套的重复/],
      ['((ab)?c)+', /嵌套的重复/],
      ['(?<y>\\d+)+年', /嵌套的重复/],
      ['(a)\\1', /反向引用/],
      ['(?<x>a)\\k<x>', /反向引用/],
      ['(?=年)\\d', /前瞻或后顾/],
      ['(?<!中国)法律', /前瞻或后顾/],
      ['\\d'.repeat(150), /过长/],
      ['[', /无效/],
    ];
    for (const [pattern, message] of refused) {
      const result = loadPack(withPattern(pattern), 'regex.pack.yaml');
      assert.equal(result.pack, undefined, pattern);
      assert.equal(result.problems.length, 1, pattern);
      assert.equal(result.problems[0].source, 'regex.pack.yaml');
      assert.equal(result.problems[0].path, PATTERN_PATH);
      assert.match(result.problems[0].message, message, pattern);
      assert.match(result.problems[0].message, /已拒绝加载此规则包/);
    }
  });

  it('accepts ordinary patterns, and even an accepted greedy one runs in linear time on a 1 MB line', () => {
    for (const pattern of ['\\d{4}年\\d{1,2}月', '(19|20)\\d{2}年', '[一二三四五六七八九十]+年', '年.*月', '\\d+(?:\\.\\d+)?亿元', '[\\u4e00-\\u9fa5]{2,4}公司', 'a{2}b?c*']) {
      assert.equal(unsafeRegexReason(pattern), null, pattern);
      assert.ok(loadPack(withPattern(pattern), 'ok.pack.yaml').pack, pattern);
    }
    assert.equal(compileLinear('[\\u4e00-\\u9fa5]{2}公司').test('某某公司'), true);
    assert.equal(compileLinear('\\d{4}年').test('签署于2025年'), true);
    // 年.*月 (or \d*\d*x) backtracks quadratically or worse in V8 on a long line without 月;
    // on the linear engine it does not.
    const pack = loadPack(withPattern('年.*月开工'), 'greedy.pack.yaml').pack!;
    const text = CLEAN.replace('开工时间：2025年10月开工。', `工期：${'年'.repeat(1024 * 1024)}`);
    const { findings, ms } = analyseChecked(text, buildRuleSet([pack]), {}, 3000);
    assert.ok(findings.some((f) => f.rule === 'element/missing' && f.message.includes('开工时间')), findings.map((f) => f.rule).join());
    assert.ok(ms < 3000);
  });

  it('parseUntrustedYaml (for .agreementrc.yaml and packs): refuses bombs with a message, never throws', () => {
    assert.deepEqual(parseUntrustedYaml('rules:\n  clause/exclusive: off\n'), { ok: true, data: { rules: { 'clause/exclusive': 'off' } } });
    for (const text of [`rules: ${'['.repeat(50000)}`, `rules:\n  ${'? '.repeat(400)}x: off`, 'rules: {a: 1, a: 2}', 'rules: [', 'a: *nope']) {
      const started = performance.now();
      const result = parseUntrustedYaml(text);
      assert.ok(performance.now() - started < 2000);
      assert.equal(result.ok, false, text.slice(0, 20));
      if (!result.ok) assert.match(result.message, /[\u4e00-\u9fff]/);
    }
  });

  it('loadPacks: broken workspace packs are reported by file, the other packs keep working', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-packs-'));
    try {
      const files = {
        good: path.join(dir, 'good.pack.yaml'),
        regex: path.join(dir, 'regex.pack.yaml'),
        yaml: path.join(dir, 'yaml.pack.yaml'),
        binary: path.join(dir, 'binary.pack.yaml'),
        folder: path.join(dir, 'folder.pack.yaml'),
        missing: path.join(dir, 'missing.pack.yaml'),
        huge: path.join(dir, 'huge.pack.yaml'),
      };
      fs.writeFileSync(files.good, TEST_PACK_YAML);
      fs.writeFileSync(files.regex, withPattern('(a+)+$').replace('id: test/robustness', 'id: test/regex'));
      fs.writeFileSync(files.yaml, 'id: [');
      fs.writeFileSync(files.binary, Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0x1b]));
      fs.mkdirSync(files.folder);
      fs.writeFileSync(files.huge, 'x'.repeat(MAX_PACK_CHARS * 3 + 1));
      const builtinOnly = loadPacks();
      const loaded = loadPacks(Object.values(files));
      const bad = [files.regex, files.yaml, files.binary, files.folder, files.missing, files.huge];
      for (const file of bad) assert.ok(loaded.problems.some((p) => p.source === file), `no problem reported for ${path.basename(file)}`);
      assert.ok(!loaded.problems.some((p) => p.source === files.good), JSON.stringify(loaded.problems.filter((p) => p.source === files.good)));
      assert.equal(loaded.packs.length, builtinOnly.packs.length + 1, 'the built-in packs and the good pack load');
      assert.ok(loaded.ruleSet.categories.has('企业集团'));
      const { findings } = analyseChecked(CLEAN.replace('本协议不设排他性条款。', '乙方享有独家合作权。'), loaded.ruleSet);
      assert.ok(findings.some((f) => f.rule === 'clause/exclusive'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses counted repetition that unrolls into a huge pattern (.{1000}), which made a 3 MB document take minutes', () => {
    assert.match(unsafeRegexReason('.{1000}') ?? '', /计数重复过大/);
    assert.match(unsafeRegexReason('.{100}.{100}.{100}x') ?? '', /计数重复过大/);
    assert.equal(unsafeRegexReason('\\d{4}年\\d{1,2}月'), null);
    const result = loadPack(withPattern('.{1000}'), 'slow.pack.yaml');
    assert.equal(result.pack, undefined);
    assert.equal(result.problems[0].path, PATTERN_PATH);
  });

  it('pack patterns run within a time budget; a spent budget is one finding, not a blocked editor', () => {
    const rules = buildRuleSet([loadPack(TEST_PACK_YAML, 'test.pack.yaml').pack!]);
    let now = 0;
    setPatternClock(() => (now += 1000));
    try {
      // Without the words 开工时间 the element check runs the pack's pattern.
      const text = CLEAN.replace('开工时间：2025年10月开工。', '2025年10月开工。');
      const findings = analyzeText(text, rules, { patternBudgetMs: 500 });
      assert.ok(findings.some((f) => f.rule === 'format/analysis-budget'), findings.map((f) => f.rule).join());
      assert.ok(!analyzeText(text, rules).some((f) => f.rule === 'format/analysis-budget'), 'no budget, no such finding');
    } finally {
      setPatternClock(undefined);
    }
  });

  it('validates in linear time: every unique list has a scalar item type ajv can hash, and many keys are not compared pairwise', () => {
    const linear = withLinearUniqueItems(packSchema) as unknown;
    const lists: unknown[] = [];
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.uniqueItems === true) lists.push(n.items);
      Object.values(n).forEach(walk);
    };
    walk(linear);
    assert.ok(lists.length > 0);
    for (const items of lists) assert.ok(['string', 'number', 'integer', 'boolean'].includes((items as { type?: string }).type ?? ''), JSON.stringify(items));
    // 40,000 phrases and 30,000 provision keys: seconds before (quadratic), well under that now. A generous hang guard.
    const phrases = Array.from({ length: 40000 }, (_, i) => `          - 词${i}`).join('\n');
    const keys = Array.from({ length: 30000 }, (_, i) => `      第${i}条: 文字${i}`).join('\n');
    const started = Date.now();
    loadPack(`id: t/x\ntitle: t\nversion: 1.0.0\nclauses:\n  - id: clause/x\n    all:\n      -\n${phrases}\n`, 'big.yaml');
    loadPack(`id: t/x\ntitle: t\nversion: 1.0.0\nregulations:\n  - id: r\n    provisions:\n${keys}\n`, 'keys.yaml');
    assert.ok(Date.now() - started < 8000, `${Date.now() - started} ms`);
    assert.match(parseUntrustedYaml('a: 1\nb: 2\na: 3\n').ok ? '' : (parseUntrustedYaml('a: 1\nb: 2\na: 3\n') as { message: string }).message, /键“a”重复（第 3 行）/);
  });
});
