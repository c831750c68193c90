/**
 * The TextMate grammar, checked without a TextMate engine: every pattern compiles as a
 * JavaScript RegExp (the grammar keeps to the syntax both engines share), and a small
 * tokenizer that follows TextMate's rule — at each position the earliest match wins,
 * ties go to the first pattern — gives sample lines the expected scopes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../../../server/src/packs/packageRoot';

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  contentName?: string;
  include?: string;
  captures?: Record<string, { name: string }>;
  patterns?: Rule[];
}

const root = packageRoot(__dirname);
const grammar = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes', 'agreement.tmLanguage.json'), 'utf8')) as { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> };

/** Oniguruma-only anchors the grammar may use, and their JavaScript stand-ins for single-line tests. */
const toJs = (source: string) => source.replace(/\\A/g, '^');

function compile(source: string): RegExp {
  return new RegExp(toJs(source), 'g');
}

/** Expand includes into a flat list of match/begin rules. */
function flatten(rules: Rule[]): Rule[] {
  return rules.flatMap((rule) => {
    if (rule.include?.startsWith('#')) return flatten([grammar.repository[rule.include.slice(1)]]);
    if (rule.include) return [];
    if (!rule.match && !rule.begin && rule.patterns) return flatten(rule.patterns);
    return [rule];
  });
}

interface Token {
  text: string;
  scopes: string[];
}

/** Tokenize one body line (no front matter). */
function tokenize(line: string, rules = flatten(grammar.repository.body.patterns!), outer: string[] = []): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < line.length) {
    let best: { rule: Rule; m: RegExpExecArray } | null = null;
    for (const rule of rules) {
      const re = compile(rule.match ?? rule.begin!);
      re.lastIndex = pos;
      const m = re.exec(line);
      if (m && m[0].length > 0 && (!best || m.index < best.m.index)) best = { rule, m };
    }
    if (!best) {
      tokens.push({ text: line.slice(pos), scopes: outer });
      break;
    }
    const { rule, m } = best;
    if (m.index > pos) tokens.push({ text: line.slice(pos, m.index), scopes: outer });
    const scopes = rule.name ? [...outer, rule.name] : outer;
    if (rule.match) {
      pushCaptures(tokens, m, rule, scopes);
      pos = m.index + m[0].length;
    } else {
      const end = compile(rule.end!);
      end.lastIndex = m.index + m[0].length;
      const e = end.exec(line);
      const stop = e ? e.index + e[0].length : line.length;
      const inner = line.slice(m.index + m[0].length, e ? e.index : line.length);
      tokens.push({ text: m[0], scopes });
      tokens.push(...tokenize(inner, flatten(rule.patterns ?? []), scopes));
      if (e) tokens.push({ text: e[0], scopes });
      pos = stop;
    }
  }
  return tokens.filter((t) => t.text.length > 0);
}

function pushCaptures(tokens: Token[], m: RegExpExecArray, rule: Rule, scopes: string[]): void {
  if (!rule.captures) {
    tokens.push({ text: m[0], scopes });
    return;
  }
  // Captures in order of appearance (the grammar's captures do not nest).
  let at = 0;
  for (let i = 1; i < m.length; i++) {
    const text = m[i];
    if (!text) continue;
    const start = m[0].indexOf(text, at);
    if (start > at) tokens.push({ text: m[0].slice(at, start), scopes });
    const name = rule.captures[String(i)]?.name;
    tokens.push({ text, scopes: name ? [...scopes, name] : scopes });
    at = start + text.length;
  }
  if (at < m[0].length) tokens.push({ text: m[0].slice(at), scopes });
}

function scopesOf(line: string, text: string): string[] {
  const token = tokenize(line).find((t) => t.text === text);
  assert.ok(token, `no token “${text}” in ${JSON.stringify(tokenize(line))}`);
  return token.scopes;
}

describe('TextMate grammar (syntaxes/agreement.tmLanguage.json)', () => {
  it('compiles every pattern as a JavaScript RegExp', () => {
    const sources: string[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if ((key === 'match' || key === 'begin' || key === 'end') && typeof v === 'string') sources.push(v);
          else walk(v);
        }
      }
    };
    walk(grammar);
    assert.ok(sources.length > 10);
    for (const source of sources) assert.doesNotThrow(() => compile(source), source);
  });

  it('embeds the front matter as YAML, only at the top of the document', () => {
    const fm = grammar.repository['front-matter'];
    assert.equal(grammar.scopeName, 'text.agreement');
    assert.deepEqual(fm.patterns, [{ include: 'source.yaml' }]);
    assert.match(fm.contentName!, /^meta\.embedded\.block\.frontmatter source\.yaml$/);
    assert.ok(fm.begin!.startsWith('\\A'), 'the front matter begins only at the start of the document');
    assert.ok(compile(fm.begin!).test('---'));
    assert.ok(compile(fm.end!).test('---'));
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const contributed = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'agreement');
    assert.equal(contributed.scopeName, 'text.agreement');
    assert.equal(contributed.embeddedLanguages['meta.embedded.block.frontmatter'], 'yaml');
  });

  it('gives each heading level its own scope, and the name its own', () => {
    const cases: Array<[string, string, string]> = [
      ['一、合作原则', '一、', 'markup.heading.1.agreement'],
      ['（一）政策保障。落实政策。', '（一）', 'markup.heading.2.agreement'],
      ['(二)人员保障', '(二)', 'markup.heading.2.agreement'],
      ['1．实施主体', '1．', 'markup.heading.3.agreement'],
      ['2.资金来源', '2.', 'markup.heading.3.agreement'],
      ['（1）项目选址', '（1）', 'markup.heading.4.agreement'],
      ['第一章 总则', '第一章', 'markup.heading.chapter.agreement'],
      ['第十二条 合作内容', '第十二条', 'markup.heading.article.agreement'],
      ['## 三、保障措施', '##', 'markup.heading.markdown.agreement'],
    ];
    for (const [line, marker, scope] of cases) {
      assert.ok(scopesOf(line, marker).includes(scope), `${line}: ${scopesOf(line, marker)}`);
      assert.ok(scopesOf(line, marker).includes('punctuation.definition.heading.agreement'), line);
    }
    assert.ok(scopesOf('一、合作原则（宗旨）', '合作原则（宗旨）').includes('entity.name.section.agreement'));
    assert.ok(scopesOf('（一）政策保障。落实政策。', '政策保障').includes('entity.name.section.agreement'));
    assert.ok(!scopesOf('（一）政策保障。落实政策。', '。落实政策。').some((s) => s.startsWith('markup.heading')));
  });

  it('does not take amounts, dates or prose for headings', () => {
    assert.ok(scopesOf('1.5亿元用于建设。', '1.5亿元').includes('constant.numeric.amount.agreement'));
    assert.ok(!tokenize('2025.06.30签署').some((t) => t.scopes.some((s) => s.startsWith('markup.heading'))));
    assert.ok(!tokenize('双方同意一、二期同步建设').some((t) => t.scopes.some((s) => s.startsWith('markup.heading'))));
  });

  it('marks parties, dates, amounts, 文号 and 《》 titles', () => {
    const line = '根据河北政办〔2017〕47号《关于规范区政府及其所属部门对外签署合作协议的规定》，甲方于2025年6月30日向乙方拨付人民币5000万元，占比40%，2025-07-01前到位，二〇二五年六月完成，另有十亿元、1,200元、￥300。';
    const expect: Array<[string, string]> = [
      ['河北政办〔2017〕47号', 'constant.other.document-number.agreement'],
      ['《关于规范区政府及其所属部门对外签署合作协议的规定》', 'string.quoted.other.title.agreement'],
      ['甲方', 'variable.language.party.agreement'],
      ['乙方', 'variable.language.party.agreement'],
      ['2025年6月30日', 'constant.numeric.date.agreement'],
      ['人民币5000万元', 'constant.numeric.amount.agreement'],
      ['40%', 'constant.numeric.percentage.agreement'],
      ['2025-07-01', 'constant.numeric.date.agreement'],
      ['二〇二五年六月', 'constant.numeric.date.agreement'],
      ['十亿元', 'constant.numeric.amount.agreement'],
      ['1,200元', 'constant.numeric.amount.agreement'],
      ['￥300', 'constant.numeric.amount.agreement'],
    ];
    for (const [text, scope] of expect) assert.ok(scopesOf(line, text).includes(scope), `${text}: ${scopesOf(line, text)}`);
    assert.ok(scopesOf('见国办发〔2017〕22号', '国办发〔2017〕22号').includes('constant.other.document-number.agreement'));
    assert.ok(scopesOf('双方商定', '双方').includes('variable.language.party.agreement'));
  });

  it('marks comments, and inside them the directive and the rule ids', () => {
    const line = '<!-- agreement-disable clause/exclusive section/* -- 经区政府常务会议研究 -->';
    assert.ok(scopesOf(line, '<!--').includes('comment.block.html.agreement'));
    assert.ok(scopesOf(line, 'agreement-disable').includes('keyword.control.directive.agreement'));
    assert.ok(scopesOf(line, 'clause/exclusive').includes('constant.other.rule-id.agreement'));
    assert.ok(scopesOf(line, 'section/*').includes('constant.other.rule-id.agreement'));
    assert.ok(scopesOf(line, '-->').includes('comment.block.html.agreement'));
    assert.ok(scopesOf('<!-- 普通注释 甲方 -->', ' 普通注释 甲方 ').includes('comment.block.html.agreement'), 'no body scopes inside comments');
  });
});
