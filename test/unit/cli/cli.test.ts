/**
 * agreement-lint by exact output and exit code, option by option. Each test runs the
 * built CLI on a fresh copy of test/fixtures/cli (a project with .agreementrc.yaml, a
 * workspace pack, .gitignore and .agreementignore) with the built-in packs switched off,
 * so the expected text depends only on the fixtures.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, freshFixtures, frontMatter, lint, NO_BUILTIN, removeDir, ROOT, treeHashes } from './helpers';

const STYLISH_PROJECT = `docs/nested.agreement.md
  16:1    error   本句约定了排他性安排。删除排他性安排。（依据：测试〔2024〕1号 三）  clause/exclusive

findings.agreement.md
  16:7    error   本句约定了排他性安排。删除排他性安排。（依据：测试〔2024〕1号 三）  clause/exclusive
  16:16   warning 本句约定了土地价格优惠。依法出让土地。（依据：测试〔2024〕1号 三）  clause/land-price
  18:3    warning “保障措施”未写明“资金保障”。请补充资金保障的具体内容。（依据：测试〔2024〕1号 二）  element/missing

fixable.agreement.md
  15:1    warning 编号不连续：此处应为第2项，实为“三、”。请按顺序重新编号。  section/numbering
  16:7    error   本句约定了排他性安排。删除排他性安排。（依据：测试〔2024〕1号 三）  clause/exclusive

sub/broken-front-matter.agreement.md
  3:1     error   文件头 YAML 语法错误：缩进或符号不正确（Flow sequence in block collection must be sufficiently indented and end with a ]）  schema/syntax
  7:1     warning 编号不连续：此处应为第2项，实为“三、”。请按顺序重新编号。  section/numbering

warnings.agreement.md
  18:3    warning “保障措施”未写明“资金保障”。请补充资金保障的具体内容。（依据：测试〔2024〕1号 二）  element/missing

6 个文件，9 个问题（4 个错误，5 个警告，0 个提示）。
`;

describe('agreement-lint (CLI)', function () {
  this.timeout(60000);
  let root: string;
  let project: string;
  beforeEach(() => {
    root = freshFixtures();
    project = path.join(root, 'project');
  });
  afterEach(() => removeDir(root));

  describe('files, folders, globs and ignores', () => {
    it('checks every *.agreement.md under the cwd, honouring .gitignore, .agreementignore and .agreementrc.yaml', () => {
      const run = lint([NO_BUILTIN], project);
      assert.equal(run.stdout, STYLISH_PROJECT);
      assert.equal(run.stderr, '');
      assert.equal(run.code, 1);
    });

    it('--no-ignore also checks ignored folders (never notes.md)', () => {
      const run = lint([NO_BUILTIN, '--no-ignore', '-f', 'json'], project);
      const files = (JSON.parse(run.stdout) as Array<{ file: string }>).map((r) => path.relative(project, r.file));
      assert.deepEqual(files, [
        'build/generated.agreement.md',
        'clean.agreement.md',
        'docs/nested.agreement.md',
        'drafts/ignored.agreement.md',
        'findings.agreement.md',
        'fixable.agreement.md',
        'sub/broken-front-matter.agreement.md',
        'warnings.agreement.md',
      ]);
    });

    it('an explicitly named file is checked even inside an ignored folder', () => {
      const run = lint([NO_BUILTIN, '-f', 'json', 'drafts/ignored.agreement.md'], project);
      assert.deepEqual((JSON.parse(run.stdout) as Array<{ file: string }>).map((r) => path.relative(project, r.file)), ['drafts/ignored.agreement.md']);
    });

    it('a folder argument checks the agreements below it', () => {
      const run = lint([NO_BUILTIN, 'docs'], project);
      assert.equal(run.stdout, 'docs/nested.agreement.md\n  16:1    error   本句约定了排他性安排。删除排他性安排。（依据：测试〔2024〕1号 三）  clause/exclusive\n\n1 个文件，1 个问题（1 个错误，0 个警告，0 个提示）。\n');
      assert.equal(run.code, 1);
    });

    it('a glob selects files relative to the cwd, and ignores still apply', () => {
      const run = lint([NO_BUILTIN, '-f', 'json', '**/*.agreement.md', '!fix*'], project);
      assert.deepEqual(
        (JSON.parse(run.stdout) as Array<{ file: string }>).map((r) => path.relative(project, r.file)),
        ['clean.agreement.md', 'docs/nested.agreement.md', 'findings.agreement.md', 'sub/broken-front-matter.agreement.md', 'warnings.agreement.md'],
      );
    });

    it('a glob that matches nothing, and a missing path, are usage errors (exit 2)', () => {
      const none = lint([NO_BUILTIN, 'nothing/**/*.agreement.md'], project);
      assert.equal(none.code, 2);
      assert.equal(none.stdout, '');
      assert.equal(none.stderr, 'agreement-lint: 没有文件匹配：nothing/**/*.agreement.md\n');
      const missing = lint([NO_BUILTIN, 'missing.agreement.md'], project);
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr, 'agreement-lint: 找不到文件或文件夹：missing.agreement.md\n');
    });

    it('no agreement files: an empty report, a note on stderr, exit 0', () => {
      const empty = path.join(root, 'empty');
      fs.mkdirSync(empty);
      const run = lint([NO_BUILTIN, '-f', 'json'], empty);
      assert.equal(run.stdout, '[]\n');
      assert.equal(run.stderr, 'agreement-lint: 当前文件夹下没有 *.agreement.md 文件。\n');
      assert.equal(run.code, 0);
    });
  });

  describe('--format json (the documented contract)', () => {
    it('is an array of { file, findings: [{ rule, severity, message, range, citation }] } in sorted file order', () => {
      const run = lint([NO_BUILTIN, '--format', 'json', 'warnings.agreement.md', 'clean.agreement.md', 'findings.agreement.md'], project);
      assert.equal(run.code, 1);
      const report = JSON.parse(run.stdout);
      const citation2 = { document: '测试〔2024〕1号 《测试用合作协议规定》', article: '二', text: '保障措施应当写明资金保障。' };
      const citation3 = { document: '测试〔2024〕1号 《测试用合作协议规定》', article: '三', text: '协议不得有排他性条款。' };
      const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
      assert.deepEqual(report, [
        { file: path.join(project, 'clean.agreement.md'), findings: [] },
        {
          file: path.join(project, 'findings.agreement.md'),
          findings: [
            { rule: 'clause/exclusive', severity: 'error', message: '本句约定了排他性安排。删除排他性安排。', range: at(15, 6, 11), citation: citation3 },
            { rule: 'clause/land-price', severity: 'warning', message: '本句约定了土地价格优惠。依法出让土地。', range: at(15, 15, 20), citation: citation3 },
            { rule: 'element/missing', severity: 'warning', message: '“保障措施”未写明“资金保障”。请补充资金保障的具体内容。', range: at(17, 2, 6), citation: citation2 },
          ],
        },
        {
          file: path.join(project, 'warnings.agreement.md'),
          findings: [{ rule: 'element/missing', severity: 'warning', message: '“保障措施”未写明“资金保障”。请补充资金保障的具体内容。', range: at(17, 2, 6), citation: citation2 }],
        },
      ]);
    });

    it('a finding without a citation has citation null', () => {
      const run = lint([NO_BUILTIN, '-f', 'json', 'fixable.agreement.md'], project);
      const numbering = JSON.parse(run.stdout)[0].findings.find((f: { rule: string }) => f.rule === 'section/numbering');
      assert.equal(numbering.citation, null);
    });
  });

  describe('--format sarif', () => {
    it('is SARIF 2.1.0 with rule metadata, help text with the citation, helpUri, and 1-based UTF-16 regions', () => {
      fs.writeFileSync(path.join(project, 'emoji.agreement.md'), `${frontMatter('表情')}# 表情\n\n一、合作原则\n平等。\n\n二、合作内容\n😀😀甲方给予乙方独家经营权。\n\n三、保障措施\n资金保障：各自承担。\n`);
      const run = lint([NO_BUILTIN, '-f', 'sarif', 'emoji.agreement.md', 'findings.agreement.md'], project);
      assert.equal(run.code, 1);
      const log = JSON.parse(run.stdout);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const [sarifRun] = log.runs;
      assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
      assert.equal(sarifRun.tool.driver.name, 'agreement-lint');
      assert.equal(sarifRun.tool.driver.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
      const rules = sarifRun.tool.driver.rules as Array<Record<string, any>>;
      assert.deepEqual(rules.map((r) => r.id), ['clause/exclusive', 'clause/land-price', 'element/missing']);
      for (const rule of rules) {
        assert.ok(rule.shortDescription.text.length > 0, rule.id);
        assert.ok(rule.fullDescription.text.length > 0, rule.id);
        assert.match(rule.help.text, /依据：测试〔2024〕1号/);
        assert.equal(rule.helpUri, 'https://example.org/test-reg');
      }
      assert.equal(rules[0].shortDescription.text, '排他性条款');
      assert.equal(rules[0].help.text, '本句约定了排他性安排。删除排他性安排。\n依据：测试〔2024〕1号 三（《测试用合作协议规定》）：“协议不得有排他性条款。”');
      const results = sarifRun.results as Array<Record<string, any>>;
      assert.deepEqual(
        results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region]),
        [
          ['clause/exclusive', 'error', 'emoji.agreement.md', { startLine: 16, startColumn: 11, endLine: 16, endColumn: 16 }],
          ['clause/exclusive', 'error', 'findings.agreement.md', { startLine: 16, startColumn: 7, endLine: 16, endColumn: 12 }],
          ['clause/land-price', 'warning', 'findings.agreement.md', { startLine: 16, startColumn: 16, endLine: 16, endColumn: 21 }],
          ['element/missing', 'warning', 'findings.agreement.md', { startLine: 18, startColumn: 3, endLine: 18, endColumn: 7 }],
        ],
      );
      for (const result of results) {
        assert.equal(rules[result.ruleIndex].id, result.ruleId);
        assert.ok(result.message.text.startsWith('本句') || result.message.text.startsWith('“'), result.message.text);
        assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
        assert.ok(typeof result.partialFingerprints['agreementFinding/v1'] === 'string');
      }
      assert.equal(sarifRun.invocations[0].executionSuccessful, true);
    });

    it('percent-encodes Chinese file names in artifact URIs', () => {
      fs.copyFileSync(path.join(project, 'findings.agreement.md'), path.join(project, '协议.agreement.md'));
      const log = JSON.parse(lint([NO_BUILTIN, '-f', 'sarif', '协议.agreement.md'], project).stdout);
      assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, '%E5%8D%8F%E8%AE%AE.agreement.md');
    });
  });

  describe('--quiet and --max-warnings', () => {
    it('--quiet reports errors only; the exit code is unchanged', () => {
      const run = lint([NO_BUILTIN, '--quiet', 'findings.agreement.md', 'warnings.agreement.md'], project);
      assert.equal(run.stdout, 'findings.agreement.md\n  16:7    error   本句约定了排他性安排。删除排他性安排。（依据：测试〔2024〕1号 三）  clause/exclusive\n\n2 个文件，1 个问题（1 个错误，0 个警告，0 个提示）。\n');
      assert.equal(run.code, 1);
      const warnings = lint([NO_BUILTIN, '-q', 'warnings.agreement.md'], project);
      assert.equal(warnings.stdout, '1 个文件，未发现问题。\n');
      assert.equal(warnings.code, 0);
    });

    it('warnings alone exit 0, unless there are more than --max-warnings', () => {
      assert.equal(lint([NO_BUILTIN, 'warnings.agreement.md'], project).code, 0);
      assert.equal(lint([NO_BUILTIN, '--max-warnings', '1', 'warnings.agreement.md'], project).code, 0);
      const over = lint([NO_BUILTIN, '--max-warnings=0', 'warnings.agreement.md'], project);
      assert.equal(over.code, 1);
      assert.equal(over.stderr, 'agreement-lint: 警告数 1 超过了 --max-warnings 0。\n');
      // --quiet hides warnings but they still count.
      assert.equal(lint([NO_BUILTIN, '-q', '--max-warnings', '0', 'warnings.agreement.md'], project).code, 1);
    });
  });

  describe('--fix and --fix-dry-run', () => {
    it('--fix applies only safe fixes, atomically, keeping the file mode; unsafe findings remain', () => {
      const file = path.join(project, 'fixable.agreement.md');
      fs.chmodSync(file, 0o640);
      const before = fs.readFileSync(file, 'utf8');
      const run = lint([NO_BUILTIN, '--fix', 'fixable.agreement.md'], project);
      assert.equal(run.stdout, 'fixable.agreement.md\n  16:7    error   本句约定了排他性安排。删除排他性安排。（依据：测试〔2024〕1号 三）  clause/exclusive\n\n1 个文件，1 个问题（1 个错误，0 个警告，0 个提示）。已自动修复 1 个文件中的 1 处问题。\n');
      assert.equal(run.code, 1);
      const after = fs.readFileSync(file, 'utf8');
      assert.equal(after, before.replace('三、合作内容', '二、合作内容').replace('四、保障措施', '三、保障措施'));
      assert.ok(after.includes('甲方给予乙方独家经营权。'), 'the unsafe clause fix is not applied');
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      assert.deepEqual(fs.readdirSync(project).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left behind');
    });

    it('--fix leaves files with a broken front matter and invalid UTF-8 untouched', () => {
      const broken = path.join(project, 'sub/broken-front-matter.agreement.md');
      const gbk = path.join(project, 'sub/gbk.agreement.md');
      fs.writeFileSync(gbk, Buffer.concat([Buffer.from('---\n文种: 协议书\n---\n一、合作原则\n三、'), Buffer.from([0xba, 0xcf, 0xd7, 0xf7]), Buffer.from('\n')]));
      const hashes = treeHashes(path.join(project, 'sub'));
      const run = lint([NO_BUILTIN, '--fix', 'sub'], project);
      assert.deepEqual(treeHashes(path.join(project, 'sub')), hashes);
      assert.equal(run.code, 2);
      assert.match(run.stdout, /sub\/broken-front-matter\.agreement\.md\n {2}未修复 {2}文件头无法解析，未自动修复；请先改正文件头。\n/);
      assert.ok(fs.readFileSync(broken, 'utf8').includes('三、合作内容'));
      assert.equal(run.stderr, 'agreement-lint: sub/gbk.agreement.md：不是有效的 UTF-8 编码（第 5 行，字节偏移 51 处：BA CF D7 F7），可能是 GBK/GB18030 编码。请用编辑器另存为 UTF-8 后再检查；本文件未检查，也不会被修改。\n');
    });

    it('--fix-dry-run prints a unified diff and writes nothing', () => {
      const hashes = treeHashes(root);
      const run = lint([NO_BUILTIN, '--fix-dry-run', 'fixable.agreement.md', 'clean.agreement.md'], project);
      assert.deepEqual(treeHashes(root), hashes);
      assert.equal(
        run.stdout,
        [
          '--- a/fixable.agreement.md',
          '+++ b/fixable.agreement.md',
          '@@ -12,8 +12,8 @@',
          ' 一、合作原则',
          ' 平等互利。',
          ' ',
          '-三、合作内容',
          '+二、合作内容',
          ' 甲方给予乙方独家经营权。',
          ' ',
          '-四、保障措施',
          '+三、保障措施',
          ' 经费保障：双方各自承担。',
          'fixable.agreement.md',
          '  16:7    error   本句约定了排他性安排。删除排他性安排。（依据：测试〔2024〕1号 三）  clause/exclusive',
          '',
          '2 个文件，1 个问题（1 个错误，0 个警告，0 个提示）。可自动修复 1 个文件中的 1 处问题（--fix-dry-run：未写入）。',
          '',
        ].join('\n'),
      );
      assert.equal(run.code, 1);
    });

    it('--fix moves a misplaced section to its place: every byte of the officer’s text is kept, only moved, and the numbering follows', () => {
      const order = path.join(root, 'order');
      fs.mkdirSync(order);
      const file = path.join(order, 'order.agreement.md');
      // CRLF, trailing blanks, a full-width space, and no final line break: all kept as written.
      const head = frontMatter('顺序').replace(/\n/g, '\r\n');
      const before = [
        '一、合作内容', '　双方在智能制造领域开展合作。  ', '（一）共建实验室；', '',
        '二、保障措施', '资金保障：双方各自承担。', '',
        '三、合作原则', '平等互利，优势互补。',
      ].join('\r\n');
      fs.writeFileSync(file, head + before);
      const run = lint([NO_BUILTIN, '--rule-pack', '../packs/test-pack.yaml', '--fix', 'order.agreement.md'], order);
      assert.equal(run.stdout, '1 个文件，未发现问题。已自动修复 1 个文件中的 1 处问题。\n');
      assert.equal(run.code, 0);
      const expected = [
        '一、合作原则', '平等互利，优势互补。', '',
        '二、合作内容', '　双方在智能制造领域开展合作。  ', '（一）共建实验室；', '',
        '三、保障措施', '资金保障：双方各自承担。',
      ].join('\r\n');
      assert.equal(fs.readFileSync(file, 'utf8'), head + expected);
    });

    it('--fix rewrites a forbidden clause with the pack’s compliant wording, naming the sentence’s own party', () => {
      const dir = path.join(root, 'reword');
      fs.mkdirSync(dir);
      const pack = fs.readFileSync(path.join(root, 'packs/test-pack.yaml'), 'utf8').replace('id: test/cli', 'id: test/cli-reword').replace('    any: [排他性, 独家, 唯一合作]', '    any: [排他性, 独家, 唯一合作]\n    replacement: 乙方依法平等参与竞争，不享有排他性权利。');
      fs.writeFileSync(path.join(dir, 'pack.yaml'), pack);
      const file = path.join(dir, 'a.agreement.md');
      const body = (sentence: string) => `${frontMatter('甲').replace('乙方: 某某有限公司', '乙方: 某某市商务局\n丙方: 华信智造科技有限公司')}# 甲\n\n一、合作原则\n平等互利。\n\n二、合作内容\n${sentence}\n\n三、保障措施\n资金保障：各自承担。\n`;
      fs.writeFileSync(file, body('甲方给予丙方本区域独家经营权。'));
      const run = lint([NO_BUILTIN, '--rule-pack', 'pack.yaml', '--fix', 'a.agreement.md'], dir);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      // 乙方 is a government office here: the company the sentence is about is 丙方.
      assert.equal(fs.readFileSync(file, 'utf8'), body('丙方依法平等参与竞争，不享有排他性权利。'));
    });

    it('--fix-dry-run with json adds the diff to each file; --fix with --fix-dry-run is a usage error', () => {
      const run = lint([NO_BUILTIN, '--fix-dry-run', '-f', 'json', 'fixable.agreement.md', 'clean.agreement.md'], project);
      const [clean, fixable] = JSON.parse(run.stdout);
      assert.deepEqual(clean.fix, { applied: 0, written: false, diff: '' });
      assert.equal(fixable.fix.applied, 1);
      assert.equal(fixable.fix.written, false);
      assert.match(fixable.fix.diff, /^--- a\/fixable\.agreement\.md\n\+\+\+ b\/fixable\.agreement\.md\n@@ /);
      assert.equal(lint([NO_BUILTIN, '--fix', '--fix-dry-run'], project).code, 2);
    });
  });

  describe('rule packs and .agreementrc.yaml', () => {
    it('--rule-pack adds a pack; a broken one is a configuration error naming the file (exit 2)', () => {
      const other = path.join(root, 'other');
      fs.mkdirSync(other);
      fs.writeFileSync(path.join(other, 'a.agreement.md'), `${frontMatter('甲')}# 甲\n\n一、合作原则\n甲方给予乙方独家经营权。\n\n二、合作内容\n共建。\n\n三、保障措施\n资金保障：各自承担。\n`);
      const ok = lint([NO_BUILTIN, '--rule-pack', '../packs/test-pack.yaml', '-q'], other);
      assert.equal(ok.stdout, 'a.agreement.md\n  13:7    error   本句约定了排他性安排。删除排他性安排。（依据：测试〔2024〕1号 三）  clause/exclusive\n\n1 个文件，1 个问题（1 个错误，0 个警告，0 个提示）。\n');
      assert.equal(ok.code, 1);

      const broken = lint([NO_BUILTIN, '--rule-pack', '../packs/test-pack.yaml', '--rule-pack', '../packs/broken-pack.yaml'], other);
      assert.equal(broken.code, 2);
      assert.equal(broken.stdout, '');
      assert.equal(
        broken.stderr,
        [
          `agreement-lint: 规则包 ${path.join('..', 'packs', 'broken-pack.yaml')}：缺少必填字段“title”`,
          `agreement-lint: 规则包 ${path.join('..', 'packs', 'broken-pack.yaml')}：不认识的字段“colour”`,
          'agreement-lint: 配置有误，未检查任何文件。',
          '',
        ].join('\n'),
      );
      const notYaml = lint([NO_BUILTIN, '--rule-pack', '../packs/not-yaml.yaml'], other);
      assert.equal(notYaml.code, 2);
      assert.match(notYaml.stderr, /^agreement-lint: 规则包 \.\.\/packs\/not-yaml\.yaml：规则包不是有效的 YAML：/);
      const missing = lint([NO_BUILTIN, '--rule-pack', 'nope.yaml'], other);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /^agreement-lint: 规则包 nope\.yaml：规则包文件不存在。/);
    });

    it('--rule overrides severities over .agreementrc.yaml; --no-config ignores the rc', () => {
      const off = lint([NO_BUILTIN, '-f', 'json', '--rule', 'clause/land-price=off', '--rule', 'element/missing=error', 'findings.agreement.md'], project);
      assert.deepEqual(JSON.parse(off.stdout)[0].findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`), ['clause/exclusive:error', 'element/missing:error']);
      const noConfig = lint([NO_BUILTIN, '--no-config', '-f', 'json', 'findings.agreement.md'], project);
      assert.deepEqual(JSON.parse(noConfig.stdout)[0].findings, [], 'without packs only schema and format checks run');
      assert.equal(noConfig.code, 0);
    });

    it('a broken .agreementrc.yaml is a configuration error (exit 2)', () => {
      fs.writeFileSync(path.join(project, '.agreementrc.yaml'), 'rules:\n  clause/exclusive: loud\n');
      const run = lint([NO_BUILTIN], project);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'agreement-lint: 配置文件 .agreementrc.yaml /rules/clause/exclusive：严重程度须为 error、warning、info、hint 或 off\nagreement-lint: 配置有误，未检查任何文件。\n');
    });

    it('with zero packs, only the front-matter schema is checked', () => {
      const bare = path.join(root, 'bare');
      fs.mkdirSync(bare);
      fs.writeFileSync(path.join(bare, 'a.agreement.md'), '---\n文种: 协议书\n类别: 不存在的类别\n---\n# 甲\n甲方给予乙方独家经营权。\n');
      const run = lint([NO_BUILTIN, '-f', 'json'], bare);
      const rules = JSON.parse(run.stdout)[0].findings.map((f: { rule: string }) => f.rule);
      assert.ok(rules.length > 0);
      assert.ok(rules.every((r: string) => r.startsWith('schema/') || r.startsWith('format/')), rules.join());
      assert.ok(rules.includes('schema/enum'));
      assert.equal(run.code, 1);
    });

    it('the built-in packs find forbidden clauses in the examples, with citations', () => {
      const run = lint(['-f', 'json', path.join(ROOT, 'examples')], project);
      assert.equal(run.code, 1);
      const findings = (JSON.parse(run.stdout) as Array<{ findings: Array<{ rule: string; citation: unknown }> }>).flatMap((r) => r.findings);
      const clauses = findings.filter((f) => f.rule.startsWith('clause/'));
      assert.ok(clauses.length > 0);
      assert.ok(clauses.every((f) => f.citation !== null));
    });
  });

  describe('errors and exit codes', () => {
    it('invalid UTF-8 that no accepted encoding decodes cleanly: a clear error for that file, the other files still checked, exit 2', () => {
      // 文字 in GBK, then a byte GBK does not have (GBK text itself is decoded: see word.test.ts).
      fs.writeFileSync(path.join(project, 'gbk.agreement.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xce, 0xc4, 0xd6, 0xd6, 0xff, 0x0a]));
      const run = lint([NO_BUILTIN, '-f', 'json', 'gbk.agreement.md', 'findings.agreement.md'], project);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'agreement-lint: gbk.agreement.md：不是有效的 UTF-8 编码（第 2 行，字节偏移 4 处：CE C4 D6 D6），可能是 GBK/GB18030 编码。请用编辑器另存为 UTF-8 后再检查；本文件未检查，也不会被修改。\n');
      const [findings, gbk] = JSON.parse(run.stdout);
      assert.equal(findings.findings.length, 3);
      assert.deepEqual(gbk.findings, []);
      assert.match(gbk.error, /不是有效的 UTF-8 编码/);
      const utf16 = path.join(project, 'utf16.agreement.md');
      fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\n', 'utf16le')]));
      // UTF-16 with a byte-order mark is read, and the output says so.
      const u = lint([NO_BUILTIN, '-f', 'json', 'utf16.agreement.md'], project);
      assert.equal(u.stderr, '');
      assert.equal(JSON.parse(u.stdout)[0].encoding, 'UTF-16LE');
    });

    it('a path that is not a regular file is a usage error; --max-file-size skips large files with one info finding', () => {
      const device = lint([NO_BUILTIN, '/dev/null'], project);
      assert.equal(device.code, 2);
      assert.equal(device.stderr, 'agreement-lint: 不是普通文件：/dev/null\n');
      const big = lint([NO_BUILTIN, '-f', 'json', '--max-file-size', '100', 'clean.agreement.md'], project);
      assert.equal(big.code, 0);
      const [finding] = JSON.parse(big.stdout)[0].findings;
      assert.equal(finding.rule, 'format/too-large');
      assert.equal(finding.severity, 'info');
    });

    it('a BOM and CRLF are read as they are (positions in UTF-16 units)', () => {
      const text = '\ufeff' + fs.readFileSync(path.join(project, 'findings.agreement.md'), 'utf8').replace(/\n/g, '\r\n');
      fs.writeFileSync(path.join(project, 'crlf.agreement.md'), text);
      const run = lint([NO_BUILTIN, '-f', 'json', 'crlf.agreement.md'], project);
      assert.deepEqual(JSON.parse(run.stdout)[0].findings[0].range, { start: { line: 15, character: 6 }, end: { line: 15, character: 11 } });
    });

    for (const [args, message] of [
      [['--bogus'], 'agreement-lint: 未知选项：--bogus'],
      [['--format', 'xml'], 'agreement-lint: 不支持的输出格式：xml（可用 stylish、json、sarif）。'],
      [['--format'], 'agreement-lint: --format 需要一个参数。'],
      [['--max-warnings', 'many'], 'agreement-lint: --max-warnings 需要一个非负整数，收到“many”。'],
      [['--rule', 'clause/exclusive'], 'agreement-lint: --rule 须写成 规则编号=error|warning|info|hint|off，收到“clause/exclusive”。'],
      [['--jobs', '0'], 'agreement-lint: --jobs 至少为 1。'],
      [['--fix', '--fix-dry-run'], 'agreement-lint: --fix 与 --fix-dry-run 不能同时使用。'],
      [['--quiet=yes'], 'agreement-lint: --quiet 不接受参数。'],
    ] as Array<[string[], string]>) {
      it(`usage error: ${args.join(' ')} → exit 2`, () => {
        const run = lint(args, project);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '');
        assert.equal(run.stderr, `${message}\n运行 agreement-lint --help 查看用法。\n`);
      });
    }

    it('--help and --version exit 0', () => {
      const help = lint(['--help'], project);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^用法：agreement-lint/);
      for (const option of ['--format', '--fix', '--fix-dry-run', '--rule-pack', '--max-warnings', '--quiet', '--jobs', '--no-ignore']) assert.ok(help.stdout.includes(option), option);
      const version = lint(['--version'], project);
      assert.equal(version.code, 0);
      assert.equal(version.stdout, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version + '\n');
    });

    it('bin/agreement-lint.js runs the same CLI', () => {
      const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
      const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/agreement-lint.js'), NO_BUILTIN, 'docs'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^docs\/nested\.agreement\.md\n/);
    });
  });

  describe('parallel checking', () => {
    it('all cores and one thread give the same output, in sorted order, with no progress bar off a terminal', () => {
      const many = path.join(root, 'many');
      fs.mkdirSync(many);
      const sources = ['findings', 'warnings', 'clean', 'fixable'].map((n) => fs.readFileSync(path.join(project, `${n}.agreement.md`), 'utf8'));
      // 320 files (above the progress threshold), named so that creation order differs from sorted order.
      for (let i = 0; i < 320; i++) fs.writeFileSync(path.join(many, `${String((i * 7919) % 320).padStart(3, '0')}.agreement.md`), sources[i % sources.length]);
      const pack = path.join(root, 'packs/test-pack.yaml');
      const parallel = lint([NO_BUILTIN, '--rule-pack', pack, '-f', 'json', '--jobs', '4'], many);
      const single = lint([NO_BUILTIN, '--rule-pack', pack, '-f', 'json', '--jobs', '1'], many);
      assert.equal(parallel.stderr, '');
      assert.equal(parallel.code, 1);
      assert.equal(parallel.stdout, single.stdout);
      const files = (JSON.parse(parallel.stdout) as Array<{ file: string }>).map((r) => path.basename(r.file));
      assert.equal(files.length, 320);
      assert.deepEqual(files, [...files].sort());
    });
  });
});

// Keep the fixture folder itself pristine: the tests only ever write to copies.
after(() => assert.ok(fs.existsSync(path.join(FIXTURES, 'project/fixable.agreement.md'))));
