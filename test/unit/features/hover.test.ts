import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../../server/src/core/authoring/explain';
import { hover } from '../../../server/src/features/hover';
import { FRONT, RULES } from '../core/fixes/helpers';
import { analysisOf } from './helpers';

const lines = (...l: string[]) => l.join('\n');
const TEXT = FRONT + lines('一、合作原则', '互利共赢。', '二、合作内容', '甲方给予乙方独家合作权。', '三、法律责任', '依法承担责任。', '');

function hoverAt(text: string, needle: string, delta = 1): string {
  const analysis = analysisOf(text, RULES);
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const result = hover(analysis, analysis.doc.lines.positionAt(at + delta));
  assert.ok(result, `no hover at ${needle}`);
  return (result.contents as { value: string }).value;
}

describe('hover', () => {
  it('on a finding, adds the provision’s words and a link to open it, not the message VS Code already shows', () => {
    const value = hoverAt(TEXT, '独家');
    assert.ok(!value.includes('协议不得设置排他性条款。请删除'), value);
    assert.ok(!value.includes('clause/exclusive'), value);
    assert.match(value, /^\*\*依据\*\*：测试办〔2017〕1号 《测试合作协议管理办法》 三\n\n> 不得设置排他性条款。/);
    assert.match(value, /\[打开条文\]\(command:agreement\.openProvision\?/);
    const args = JSON.parse(decodeURIComponent(/openProvision\?([^ )]+)/.exec(value)![1]));
    assert.deepEqual(args[0].file, 'test-reg.txt');
  });

  it('on a heading, says what the section must contain for the category and cites the provision', () => {
    const value = hoverAt(TEXT, '合作原则');
    assert.match(value, /\*\*合作原则\*\*（企业集团类必备部分）/);
    assert.match(value, /也可写作：合作宗旨/);
    assert.match(value, /> （写明双方合作遵循的原则。）/);
    assert.match(value, /\*\*依据\*\*：测试办〔2017〕1号/);
  });

  it('on a front-matter key, its description and whether it is required', () => {
    const value = hoverAt(TEXT, '类别:', 0);
    assert.match(value, /^\*\*类别\*\*（文件头，必填）/);
    // The allowed values are the rule set's categories (here the test pack's one).
    assert.match(value, /可选值：企业集团/);
  });

  it('on the title, the missing sections’ provision once, however many sections are missing', () => {
    const text = FRONT + lines('一、合作原则', '互利共赢。', '');
    const findings = analysisOf(text, RULES).findings.filter((f) => f.rule === 'section/missing');
    assert.equal(findings.length, 1, 'one finding lists all missing sections');
    const value = hoverAt(text, '# 某区', 2);
    assert.equal(value.split('与企业集团签订的合作协议，应包括').length - 1, 1, value);
  });

  it('on the 类别 value, the category: its framework and provision', () => {
    const value = hoverAt(TEXT, '企业集团\n');
    assert.match(value, /^\*\*类别：企业集团\*\*/);
    assert.match(value, /与企业集团签订的协议。/);
    assert.match(value, /必备部分：合作原则、合作内容、重点项目、保障措施、法律责任/);
    assert.match(value, /\*\*依据\*\*：/);
  });

  it('on another enumerated value, the allowed values with the current one marked', () => {
    const value = hoverAt(TEXT, '协议书\n');
    assert.match(value, /^\*\*文种：协议书\*\*/);
    assert.match(value, /可选值：\*\*协议书\*\*、议定书/);
    const wrong = hoverAt(TEXT.replace('文种: 协议书', '文种: 协议'), '协议\n');
    assert.match(wrong, /\*\*文种：协议\*\*（不在可选值中）/);
  });

  it('escapes Markdown in document text', () => {
    assert.equal(escapeMarkdown('*重点*_项目_ [1] <b>'), '\\*重点\\*\\_项目\\_ \\[1\\] \\<b\\>');
  });
});
