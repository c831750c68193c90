import * as assert from 'node:assert/strict';
import { analyzeText, applyEdits, parseDocument } from '../../../../server/src/core';
import { snippetToText } from '../../../../server/src/core/authoring/snippets';
import { completionsAt, type CompletionCandidate } from '../../../../server/src/core/completion';
import { FRONT, RULES, toCrlf } from '../fixes/helpers';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const lines = (...l: string[]) => l.join('\n');

/** Completions at the `‸` in the text. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('‸');
  assert.ok(offset >= 0, 'no cursor ‸ in the text');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { text, offset, items: completionsAt(parseDocument(text), RULES, offset) };
}

/** Accept a candidate as an editor would: its snippet with default values, line breaks as the document's, plus its other edits. */
function accept(text: string, item: CompletionCandidate): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const inserted = (item.snippet ? snippetToText(item.insertText, '2025-06-30') : item.insertText).replace(/\n/g, eol);
  return applyEdits(text, [{ start: item.insert.start, end: item.insert.end, newText: inserted }, ...(item.additionalEdits ?? [])]);
}

const byLabel = (items: CompletionCandidate[], label: string) => {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no “${label}” among: ${items.map((i) => i.label).join(' | ')}`);
  return item;
};

describe('completion in the front matter', () => {
  it('proposes the keys not yet present, required ones first, with their descriptions', () => {
    const { items } = at(FRONT.replace('牵头单位: 区商务局\n', '‸\n'));
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('文种') && !labels.includes('甲方'));
    const sorted = [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
    assert.equal(sorted[0].label, '牵头单位');
    assert.equal(sorted[0].detail, '必填');
    assert.match(sorted[0].documentation ?? '', /牵头/);
    assert.ok(labels.includes('涉外') && labels.includes('有效期'));
  });

  it('inserts a key with a choice of its allowed values, which passes the schema', () => {
    const { text, items } = at(FRONT.replace('类别: 企业集团\n', '‸\n'));
    const fixed = accept(text, byLabel(items, '类别'));
    // The choices are the rule set's categories (here the test pack's one).
    assert.ok(fixed.includes('\n类别: 企业集团\n'), fixed);
    assert.ok(!analyzeText(fixed, RULES).some((f) => f.rule.startsWith('schema/')));
  });

  it('proposes the allowed values of the key on the line, with the category explained', () => {
    const { text, items } = at(FRONT.replace('类别: 企业集团', '类别: 企‸'));
    const item = byLabel(items, '企业集团');
    assert.match(item.documentation ?? '', /与企业集团签订的协议/);
    assert.equal(accept(text, item), FRONT);
  });

  it('adds the blank after a bare colon, and turns a full-width colon into YAML', () => {
    const bare = at(FRONT.replace('类别: 企业集团', '类别:‸'));
    assert.equal(accept(bare.text, byLabel(bare.items, '企业集团')), FRONT);
    const wide = at(FRONT.replace('类别: 企业集团', '类别：‸'));
    assert.equal(accept(wide.text, byLabel(wide.items, '企业集团')), FRONT);
  });

  it('puts the category’s own 文种 first', () => {
    const { items } = at(FRONT.replace('文种: 协议书', '文种: ‸'));
    assert.equal([...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1))[0].label, '协议书');
  });

  it('offers 待定 for 签署日期 before signing, and no date at all (the day is the officer’s to write)', () => {
    const draft = at(FRONT.replace('签署日期: 2025-06-30', '签署日期: ‸'));
    assert.deepEqual(draft.items.map((i) => i.label), ['待定']);
    assert.equal(accept(draft.text, draft.items[0]), FRONT.replace('签署日期: 2025-06-30', '签署日期: 待定'));
    assert.match(draft.items[0].documentation ?? '', /签署后写明实际日期/);
    const signed = at(FRONT.replace('签署日期: 2025-06-30', '阶段: 已签署\n签署日期: ‸'));
    assert.deepEqual(signed.items, []);
  });

  it('completes list items not yet chosen', () => {
    const { items } = at(FRONT.replace('---\n#', '涉及事项: [财务资金, ‸\n---\n#'));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('土地利用') && !labels.includes('财务资金'), labels.join(' '));
  });
});

describe('completion at the start of a body line', () => {
  const BODY = lines('一、合作原则', '互利共赢。', '二、合作内容', '智能制造。', '‸', '三、法律责任', '依法承担责任。', '');

  for (const [name, convert] of [['LF', (s: string) => s], ['CRLF', toCrlf]] as const) {
    it(`proposes the missing sections numbered where the cursor is, and renumbers the later ones (${name})`, () => {
      const { text, items } = at(convert(FRONT + BODY));
      const sections = items.filter((i) => i.kind === 'section');
      assert.deepEqual(sections.map((i) => i.label), ['三、重点项目', '三、保障措施', '三、其他事项']);
      assert.equal(sections[0].preselect, true);
      const fixed = accept(text, sections[0]);
      const after = analyzeText(fixed, RULES);
      assert.ok(!after.some((f) => f.message.includes('缺少“重点项目”')), after.map((f) => f.message).join('\n'));
      // Inserted, but still placeholders: reported as not yet written until the officer writes it.
      assert.ok(after.some((f) => f.rule === 'section/missing' && f.message.includes('“重点项目”一节尚未填写')), after.map((f) => f.message).join('\n'));
      assert.ok(after.some((f) => f.rule === 'format/placeholder'));
      assert.ok(!after.some((f) => f.rule === 'section/numbering' || f.rule === 'element/missing'), after.map((f) => f.message).join('\n'));
      assert.ok(fixed.includes(convert('三、重点项目\n（一）（项目名称）\n实施主体：……\n资金来源：……\n四、法律责任')), fixed);
    });
  }

  it('completes only the name after a typed number', () => {
    const { text, items } = at(FRONT + BODY.replace('‸', '三、‸'));
    const item = byLabel(items, '保障措施');
    assert.equal(text.slice(item.insert.start, item.insert.end), '');
    const fixed = accept(text, item);
    assert.ok(fixed.includes('三、保障措施\n（写明政策、人员、资金等保障。）\n（一）政策保障。……\n（二）人员保障。……\n（三）资金保障。……\n四、法律责任'), fixed);
  });

  it('proposes the elements the section lacks, numbered after its items, on `（` too', () => {
    const doc = FRONT + lines('一、合作原则', '互利共赢。', '二、保障措施', '（一）政策保障。落实政策。', '‸', '三、法律责任', '依法承担责任。', '');
    const blank = at(doc);
    const elements = blank.items.filter((i) => i.kind === 'element');
    assert.deepEqual(elements.map((i) => i.label), ['（二）人员保障', '（二）资金保障']);
    const paren = at(doc.replace('‸', '（‸'));
    const item = byLabel(paren.items, '（二）人员保障');
    assert.equal(paren.text.slice(item.insert.start, item.insert.end), '（');
    const fixed = accept(paren.text, item);
    assert.ok(fixed.includes('（一）政策保障。落实政策。\n（二）人员保障。……\n三、法律责任'), fixed);
    // Inserted, not yet written: no second insert is offered, and the element is reported as unfilled.
    const unfilled = analyzeText(fixed, RULES).filter((f) => f.rule === 'element/missing' && f.message.includes('人员保障'));
    assert.deepEqual(unfilled.map((f) => [f.message.includes('尚未填写'), fixesOf(f).length]), [[true, 0]]);
    // What the officer still has to write is flagged.
    assert.ok(analyzeText(fixed, RULES).some((f) => f.rule === 'format/placeholder' && f.range.start.line === fixed.split('\n').indexOf('（二）人员保障。……')));
    const typed = at(doc.replace('‸', '（二）‸'));
    assert.deepEqual(typed.items.filter((i) => i.kind === 'element').map((i) => i.label), ['人员保障', '资金保障']);
  });

  it('proposes a project item’s missing labels inside that item', () => {
    const { text, items } = at(FRONT + lines('一、合作原则', '互利共赢。', '二、重点项目', '（一）产业园项目', '实施主体：某某公司。', '‸', '（二）物流项目', '实施主体：某公司。', '资金来源：贷款。', ''));
    const item = byLabel(items, '资金来源');
    const fixed = accept(text, item);
    assert.ok(fixed.includes('实施主体：某某公司。\n资金来源：……\n（二）物流项目'), fixed);
    const after = analyzeText(fixed, RULES);
    // The label is there, its value is not: flagged until written.
    assert.deepEqual(after.filter((f) => f.rule === 'element/missing').map((f) => f.message), ['“重点项目”中的“产业园项目”中的“资金来源”尚未填写，只有占位内容。请写明资金来源的具体内容。']);
    assert.ok(after.some((f) => f.rule === 'format/placeholder' && f.message.startsWith('“……”')));
  });

  it('stays quiet in the middle of a sentence, inside comments and without a known category', () => {
    assert.deepEqual(at(FRONT + BODY.replace('‸', '双方同意，‸')).items, []);
    assert.deepEqual(at(FRONT + BODY.replace('‸', '<!-- ‸ -->')).items, []);
    assert.deepEqual(at(FRONT.replace('类别: 企业集团', '类别: 未知') + BODY).items, []);
    assert.deepEqual(at(FRONT + BODY.replace('‸', '‸甲方')).items, []);
  });
});
