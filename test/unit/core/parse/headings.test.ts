import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../../server/src/core';

const names = (text: string) => parseDocument(text).allSections.map((s) => s.name);

describe('headings in traditional characters', () => {
  it('recognises 第X條, 第X章 and 一、 headings written in traditional characters', () => {
    const doc = parseDocument('第一章 總則\n第一條 合作原則\n第二條 合作內容\n第兩條 其他\n');
    assert.deepEqual(doc.allSections.map((s) => `${s.heading.style}:${s.heading.numberValue}:${s.name}`), [
      'chapter:1:總則',
      'article:1:合作原則',
      'article:2:合作內容',
      'article:2:其他',
    ]);
    assert.deepEqual(names('一、合作原則\n二、保障措施\n'), ['合作原則', '保障措施']);
  });
});

describe('a heading with its text on the same line', () => {
  it('names the heading by the words before the first punctuation or blank, and keeps the text in the section', () => {
    const doc = parseDocument('第一条 总则。本协议由甲乙双方签订。\n第二条 合作内容 双方在产业园区建设方面开展合作。\n');
    assert.deepEqual(doc.sections.map((s) => s.name), ['总则', '合作内容']);
    assert.deepEqual(doc.sections[1].sentences.map((s) => s.text), ['第二条 合作内容 双方在产业园区建设方面开展合作。']);
    assert.equal(names('一、合作 原则\n')[0], '合作 原则');
  });
});

describe('headings inside one long line', () => {
  const articles = [
    '第一条 总则 为推进双方合作，本着平等互利的原则，经友好协商，订立本协议。',
    '第二条 合作内容 双方在产业园区、科技创新和人才交流等方面开展合作，根据第三条的规定建立协调机制。',
    '第三条 保障措施 双方建立联席会议制度，本协议第二条所列事项由双方共同推进。',
    '第四条 法律责任 任何一方违反本协议第三条规定的，应当承担相应责任。',
  ];

  it('finds every article of an agreement pasted as one line, and no reference to an article', () => {
    const line = articles.join(' ').repeat(1);
    const doc = parseDocument(`# 合作协议\n${line}\n`);
    assert.deepEqual(doc.sections.map((s) => s.name), ['总则', '合作内容', '保障措施', '法律责任']);
    assert.deepEqual(doc.sections.map((s) => s.heading.inline), [false, true, true, true]);
    for (const section of doc.sections) {
      assert.equal(doc.text.slice(section.heading.markerSpan.start, section.heading.markerSpan.end), section.heading.marker);
      assert.ok(doc.text.slice(section.span.start, section.span.end).startsWith(section.heading.marker));
    }
    // Each section holds its own sentences, none straddles two articles.
    assert.ok(doc.sections[1].sentences.every((s) => !s.text.includes('第三条 保障措施')));
    assert.equal(doc.sections[3].sentences[0].text, '第四条 法律责任 任何一方违反本协议第三条规定的，应当承担相应责任。');
  });

  it('splits after sentence punctuation without blanks, and in traditional characters', () => {
    const doc = parseDocument('第一條 總則。本協議由雙方簽訂。第二條 合作內容。雙方開展合作。第三條 保障措施。\n');
    assert.deepEqual(doc.sections.map((s) => s.name), ['總則', '合作內容', '保障措施']);
  });

  it('leaves references such as 根据第三条的规定 and 第三条第二款 in a short line alone', () => {
    assert.deepEqual(names('第一条 总则\n根据第二条的规定，本协议第二条第二款、第二条至第四条约定的事项。依照第二条规定执行。\n'), ['总则']);
    // Out of sequence: 第五条 after 第一条 is a reference.
    assert.deepEqual(names('第一条 总则 双方同意按照本协议开展合作。 第五条 所列事项另行约定。\n'), ['总则']);
  });

  it('finds 一、 and （一） inside a long pasted line only', () => {
    const filler = '双方本着平等互利、优势互补、共同发展的原则开展合作，建立长期稳定的合作关系。'.repeat(8);
    const long = `一、合作原则 ${filler}二、合作内容 ${filler}（一）产业合作 ${filler}（二）人才交流 ${filler}三、保障措施 ${filler}`;
    assert.deepEqual(names(long), ['合作原则', '合作内容', '产业合作', '人才交流', '保障措施']);
    assert.deepEqual(names('一、合作内容\n双方约定：一、甲方负责；二、乙方负责。\n'), ['合作内容']);
  });

  it('stays linear on a huge pasted line full of markers', () => {
    const line = Array.from({ length: 900 }, (_, i) => `第${i + 1}条 事项 根据第${i + 1}条的规定办理。`).join('');
    const noise = '。第一条的规定 一、 （一） 第二条'.repeat(40_000);
    const started = Date.now();
    const doc = parseDocument(line);
    assert.equal(doc.sections.length, 900);
    parseDocument(noise);
    // Quadratic work would take minutes here.
    assert.ok(Date.now() - started < 4000, `${Date.now() - started} ms`);
  });

  it('does not take a marker inside a comment for a heading', () => {
    assert.deepEqual(names('第一条 总则 <!-- 第二条 合作内容 待定 --> 双方同意。\n'), ['总则']);
  });
});
