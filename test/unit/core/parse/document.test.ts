import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../../server/src/core';

const FRONT = ['---', '文种: 协议书', '类别: 企业集团', '---'].join('\n');

describe('parseDocument', () => {
  it('reads front matter keys with their exact ranges', () => {
    const doc = parseDocument(`${FRONT}\n# 标题\n`);
    assert.equal(doc.frontMatter.present, true);
    assert.equal(doc.frontMatter.data['类别'], '企业集团');
    const entry = doc.frontMatter.entries.get('类别')!;
    assert.equal(doc.text.slice(entry.keySpan.start, entry.keySpan.end), '类别');
    assert.equal(doc.text.slice(entry.valueSpan.start, entry.valueSpan.end), '企业集团');
    assert.deepEqual(doc.lines.rangeOf(entry.valueSpan), { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } });
  });

  it('takes the first # heading as the title and builds the section tree from Chinese numbering', () => {
    const text = `${FRONT}\n# 某某合作协议\n一、合作原则\n坚持互利共赢。\n二、重点项目\n（一）产业园项目\n1．实施主体\n（二）物流项目\n三、法律责任\n`;
    const doc = parseDocument(text);
    assert.equal(doc.title?.text, '某某合作协议');
    assert.deepEqual(doc.sections.map((s) => s.name), ['合作原则', '重点项目', '法律责任']);
    const projects = doc.sections[1];
    assert.deepEqual(projects.children.map((s) => s.name), ['产业园项目', '物流项目']);
    assert.deepEqual(projects.children[0].children.map((s) => s.name), ['实施主体']);
    assert.equal(projects.children[0].depth, 2);
    assert.equal(projects.heading.marker, '二、');
    assert.equal(projects.heading.numberValue, 2);
  });

  it('accepts half-width and full-width numbering variants', () => {
    const doc = parseDocument('(一)甲\n（二）乙\n1.丙\n2．丁\n(1)戊\n（2）己\n');
    const styles = doc.allSections.map((s) => `${s.heading.style}:${s.heading.numberValue}:${s.name}`);
    assert.deepEqual(styles, ['cn-paren:1:甲', 'cn-paren:2:乙', 'arabic:1:丙', 'arabic:2:丁', 'arabic-paren:1:戊', 'arabic-paren:2:己']);
  });

  it('recognises 第一章 / 第一条 and Markdown headings with inner numbering', () => {
    const doc = parseDocument('第一章 总则\n第一条 合作目标\n第二条 合作内容\n## 三、保障措施\n');
    assert.equal(doc.sections[0].name, '总则');
    assert.deepEqual(doc.sections[0].children.map((s) => s.name), ['合作目标', '合作内容']);
    assert.equal(doc.allSections[3].name, '保障措施');
  });

  it('cuts a heading name at the first sentence punctuation', () => {
    const doc = parseDocument('1．坚持服务大局。开展合作要紧紧抓住机遇。\n');
    assert.equal(doc.allSections[0].name, '坚持服务大局');
  });

  it('does not take amounts or dates for headings', () => {
    const doc = parseDocument('1.5亿元用于建设。\n2025.06.30签署。\n三、五年内完成\n');
    assert.deepEqual(doc.allSections.map((s) => s.name), ['五年内完成']);
  });

  it('splits sentences on 。；！？ and line ends, and assigns them to sections', () => {
    const doc = parseDocument('一、合作内容\n双方合作。甲方支持；乙方投资！是否可行？\n下一行\n');
    assert.deepEqual(doc.sections[0].sentences.map((s) => s.text), ['一、合作内容', '双方合作。', '甲方支持；', '乙方投资！', '是否可行？', '下一行']);
  });

  it('keeps UTF-16 positions right with CRLF, a BOM and characters outside the BMP', () => {
    const text = '\uFEFF---\r\n文种: 协议书\r\n---\r\n一、𠀀𠀁合作原则\r\n😀排他\r\n';
    const doc = parseDocument(text);
    assert.equal(doc.frontMatter.data['文种'], '协议书');
    assert.equal(doc.sections[0].name, '𠀀𠀁合作原则');
    const nameRange = doc.lines.rangeOf(doc.sections[0].heading.nameSpan);
    assert.deepEqual(nameRange, { start: { line: 3, character: 2 }, end: { line: 3, character: 10 } });
    const at = text.indexOf('排他');
    assert.deepEqual(doc.lines.positionAt(at), { line: 4, character: 2 });
    assert.equal(doc.eol, '\r\n');
  });

  it('reports YAML syntax errors with a range inside the front matter and still parses the body', () => {
    const doc = parseDocument('---\n文种: [协议书\n---\n一、合作原则\n');
    assert.ok(doc.frontMatter.problems.length > 0);
    for (const p of doc.frontMatter.problems) assert.ok(p.span.start >= 4 && p.span.end <= doc.frontMatter.span.end, JSON.stringify(p));
    assert.equal(doc.sections[0].name, '合作原则');
  });

  it('reports front matter that is not a mapping, duplicate keys and an unclosed fence', () => {
    assert.equal(parseDocument('---\n- 甲\n- 乙\n---\n').frontMatter.problems[0].kind, 'shape');
    assert.equal(parseDocument('---\n文种: 协议书\n文种: 议定书\n---\n').frontMatter.problems[0].kind, 'duplicate');
    const unclosed = parseDocument('---\n文种: 协议书\n一、合作原则\n');
    assert.equal(unclosed.frontMatter.problems[0].kind, 'unclosed');
  });

  it('survives alias bombs without expanding them', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]', '---', ''].join('\n');
    const doc = parseDocument(bomb);
    assert.ok(doc.frontMatter.problems.length > 0);
  });

  it('reads inline disable directives', () => {
    const doc = parseDocument('<!-- agreement-disable clause/exclusive section/order -- 已经法制办同意 -->\n');
    assert.deepEqual(doc.directives[0].rules, ['clause/exclusive', 'section/order']);
    assert.equal(doc.directives[0].reason, '已经法制办同意');
  });
});

describe('sentences across lines', () => {
  it('continues a sentence when a line ends with a comma or enumeration mark', () => {
    const doc = parseDocument('如遇甲方换届，\n新一届政府可重新协商。\n下一句\n');
    assert.deepEqual(doc.sentences.map((s) => s.text), ['如遇甲方换届，\n新一届政府可重新协商。', '下一句']);
  });
});

describe('headings with a trailing comment', () => {
  it('leaves a trailing HTML comment out of the heading name', () => {
    const doc = parseDocument('一、合作原则 <!-- agreement-disable-line section/order -->\n');
    assert.equal(doc.sections[0].name, '合作原则');
  });
});
