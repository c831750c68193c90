import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../../server/src/core';
import { pinyinInitials } from '../../../../server/src/core/authoring/pinyin';
import { buildSnippets, snippetsJson, snippetToText } from '../../../../server/src/core/authoring/snippets';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { packageRoot } from '../../../../server/src/packs/packageRoot';
import { RULES, TEST_PACK } from '../fixes/helpers';

const root = packageRoot(__dirname);
const { packs, ruleSet } = loadPacks();

describe('snippets', () => {
  it('snippets/agreement.json is what scripts/generate-snippets.mjs makes from the packs (not stale)', () => {
    const file = path.join(root, 'snippets', 'agreement.json');
    assert.ok(fs.existsSync(file), 'snippets/agreement.json is missing: run node scripts/generate-snippets.mjs');
    assert.equal(fs.readFileSync(file, 'utf8'), snippetsJson(packs), 'snippets/agreement.json is stale: run node scripts/generate-snippets.mjs');
  });

  it('has a whole-document snippet per category with pinyin and Chinese prefixes', () => {
    const snippets = buildSnippets([TEST_PACK]);
    assert.deepEqual(snippets['全文：企业集团'].prefix, ['xy-qyjt', '企业集团协议']);
    assert.deepEqual(snippets['部分：合作原则'].prefix, ['zj-hzyz', '合作原则']);
    assert.match(snippets['全文：企业集团'].description, /测试办〔2017〕1号 二\(四\)/);
  });

  it('expands (every placeholder at its default) to a draft flagged only where it is still to be written', () => {
    const body = buildSnippets([TEST_PACK])['全文：企业集团'].body.join('\n');
    const text = snippetToText(body, '2025-06-30');
    assert.match(text, /^---\n文种: 协议书\n类别: 企业集团\n标题: （协议全称）\n/);
    // No date is made up: a new draft's 签署日期 is 待定 until the officer writes it.
    assert.ok(text.includes('\n签署日期: 待定\n阶段: 起草\n'), text);
    assert.ok(!text.includes('2025-06-30'));
    assert.ok(text.includes('\n# （协议全称）\n'), 'the title line mirrors 标题');
    const findings = analyzeText(text, RULES);
    const other = findings.filter((f) => /^(schema|section|element)\//.test(f.rule) && !(f.rule === 'section/missing' && f.message.includes('尚未填写')));
    assert.deepEqual(other.map((f) => f.message), []);
    assert.ok(findings.some((f) => f.rule === 'format/placeholder' && f.message.includes('（协议全称）')));
  });

  it('every built-in category and section name has pinyin initials, and every body is well-formed', () => {
    for (const category of ruleSet.categories.values()) {
      assert.ok(pinyinInitials(category.name), `no pinyin initials for ${category.name}: extend server/src/core/authoring/pinyin.ts`);
      for (const section of category.sections) assert.ok(pinyinInitials(section.name), `no pinyin initials for ${section.name}: extend pinyin.ts`);
    }
    assert.equal(pinyinInitials('企业集团'), 'qyjt');
    assert.equal(pinyinInitials('上级部委'), 'sjbw');
    assert.equal(pinyinInitials('重点项目'), 'zdxm');
    for (const [name, snippet] of Object.entries(buildSnippets(packs))) {
      const body = snippet.body.join('\n');
      // Every $ and } is either snippet syntax or escaped: expanding never leaves ${ behind.
      assert.ok(!snippetToText(body).includes('${'), `${name}: unbalanced snippet syntax`);
      assert.ok(snippet.prefix.length > 0 && snippet.description.length > 0, name);
    }
  });
});
