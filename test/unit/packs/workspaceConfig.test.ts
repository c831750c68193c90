import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeText } from '../../../server/src/core';
import { loadPacks } from '../../../server/src/packs/loadPacks';
import { readWorkspaceConfig } from '../../../server/src/packs/workspaceConfig';

const { ruleSet } = loadPacks();

/** Signed on Friday 2025-09-26, sealed on Thursday 2025-10-09: five working days on weekdays alone is 2025-10-03. */
const SEALED = [
  '---',
  '文种: 协议书',
  '类别: 企业集团',
  '标题: 某区人民政府与某集团有限公司合作协议',
  '甲方: 天津市河北区人民政府',
  '乙方: 某集团有限公司',
  '乙方性质: 国有企业',
  '牵头单位: 区商务局',
  '签署日期: 2025-09-26',
  '用印日期: 2025-10-09',
  '---',
  '# 某区人民政府与某集团有限公司合作协议',
  '',
].join('\n');

describe('.agreementrc.yaml: the working-day calendar', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-calendar-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads holidays and worked weekend days, and names a date it cannot read', () => {
    fs.writeFileSync(path.join(dir, '.agreementrc.yaml'), 'holidays: [2025-10-01, 2025年10月2日, "2025-10-03", 2025-10-06, 2025-10-07, 2025-10-08, 国庆]\nworkdays: [2025-09-28]\n');
    const config = readWorkspaceConfig(dir, []);
    assert.deepEqual(config.calendar, { holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'], workdays: ['2025-09-28'] });
    assert.deepEqual(config.problems.map((p) => [p.path, p.message]), [['/holidays/6', '日期应写成 2026-01-01 或 2026年1月1日']]);
  });

  it('the 5-working-day limit of 用印 skips the configured holidays', () => {
    const seal = (calendar?: { holidays?: string[]; workdays?: string[] }) => analyzeText(SEALED, ruleSet, { calendar }).filter((f) => f.rule === 'procedure/seal-date');
    assert.match(seal()[0]?.message ?? '', /超过签署后5个工作日/);
    assert.deepEqual(seal(readWorkspaceConfig(dir, []).calendar), []);
  });

  it('a calendar that is not a list is a problem, not a crash', () => {
    fs.writeFileSync(path.join(dir, '.agreementrc.yaml'), 'holidays: 2025-10-01\n');
    const config = readWorkspaceConfig(dir, []);
    assert.deepEqual(config.problems.map((p) => p.path), ['/holidays']);
  });
});
