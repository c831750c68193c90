import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../../server/src/core';
import { FRONT, TEST_RULES } from '../../helpers';

const placeholders = (body: string) => analyzeText(`${FRONT}\n${body}`, TEST_RULES).filter((f) => f.rule === 'format/placeholder');
const shown = (body: string) => placeholders(body).map((f) => (`${FRONT}\n${body}`).slice(f.span.start, f.span.end));

describe('format/placeholder: unfilled blanks', () => {
  it('flags ……, ____, 【】, instructions in parentheses, 某某 and XX used as blanks', () => {
    assert.deepEqual(shown('一、合作原则\n甲方投入资金……万元。\n'), ['……']);
    assert.deepEqual(shown('一、合作原则\n合作期限为____年。\n'), ['____']);
    assert.deepEqual(shown('一、合作原则\n由【牵头部门】负责。\n'), ['【牵头部门】']);
    assert.deepEqual(shown('一、合作原则\n（甲方全称）与（乙方全称）合作。\n'), ['（甲方全称）', '（乙方全称）']);
    assert.deepEqual(shown('一、合作原则\n（写明合作的领域和范围。）\n'), ['（写明合作的领域和范围。）']);
    assert.deepEqual(shown('一、合作原则\n乙方投资某某万元，联系人XX。\n'), ['某某', 'XX']);
    assert.deepEqual(shown('一、合作原则\n本协议一式×份。\n'), ['×']);
    const f = placeholders('一、合作原则\n甲方投入资金……万元。\n')[0];
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /尚未填写/);
  });

  it('leaves written text alone: anonymised names, 以下简称, item numbers, signature blanks, comments and code', () => {
    assert.deepEqual(shown('一、合作原则\n某某集团有限公司（以下简称“乙方”）与甲方合作。\n（一）互利共赢。\n'), []);
    assert.deepEqual(shown('一、合作原则\n互利共赢。\n\n甲方代表（签字）：________\n日期：____年__月__日\n'), []);
    assert.deepEqual(shown('一、合作原则\n互利共赢。<!-- 待补充…… -->\n```\n……\n```\n'), []);
  });

  it('flags placeholders in the front matter too', () => {
    const text = FRONT.replace('牵头单位: 区商务局', '牵头单位: （牵头单位名称）') + '\n一、合作原则\n互利共赢。\n';
    const found = analyzeText(text, TEST_RULES).filter((f) => f.rule === 'format/placeholder');
    assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)), ['（牵头单位名称）']);
  });

  it('a section holding only placeholders is not written: section/missing says so on its heading', () => {
    const findings = analyzeText(`${FRONT}\n# 测试协议\n一、合作原则\n（写明双方合作遵循的原则。）\n二、重点项目\n（一）甲项目\n实施主体：甲。资金来源：乙。\n三、法律责任\n……\n`, TEST_RULES);
    const missing = findings.filter((f) => f.rule === 'section/missing').map((f) => f.message);
    assert.deepEqual(missing, ['“合作原则”一节尚未填写，只有占位内容。请写明合作原则的实际内容。', '“法律责任”一节尚未填写，只有占位内容。请写明法律责任的实际内容。']);
  });

  it('reports at most 100 placeholders one by one, then one summary', () => {
    const many = placeholders(`一、合作原则\n${'甲方……。\n'.repeat(150)}`);
    assert.equal(many.length, 101);
    assert.match(many[100].message, /另有 50 处/);
  });
});
