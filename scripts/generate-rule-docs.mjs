// Writes the rule table in README.md (between the rules markers) from the rule packs,
// so the documentation never drifts from the data. `--check` exits 1 when README is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ORDER = ['national.yaml', 'national-fiscal.yaml', 'hebei-2017-47.yaml', 'hebei-kjt-tsh.yaml', 'duikou-hezuo.yaml', 'government-contract.yaml'];
const packs = ORDER.filter((f) => fs.existsSync(path.join(root, 'rules', f))).map((f) => parse(fs.readFileSync(path.join(root, 'rules', f), 'utf8')));
const regulations = new Map(packs.flatMap((p) => p.regulations ?? []).map((r) => [r.id, r]));
const cite = (ref) => {
  const r = ref && regulations.get(ref.regulation);
  return r ? `${r.docNumber || `《${r.title}》`} ${ref.article}` : '';
};

const rows = [
  ['schema/*', 'error', '文件头不符合 `schemas/agreement.schema.json`：缺少必填项、取值不在列表中（类别、文种取自已加载的规则包）、日期格式（2026-01-10 或 2026年1月10日）、空值、疑似写错的键名（类型 → 类别）、类型、重复键、YAML 语法', '各键的说明中注明依据（河北政办〔2017〕47号 二、三、四 等）'],
  ['section/missing', 'error', '缺少所属类别规定的框架部分（按类别见下表）', '河北政办〔2017〕47号 二(一)至(七)；《厅市会商工作管理办法》；国办发〔2017〕22号 四(二)；海安市信用办通知'],
  ['section/order', 'warning', '框架部分的顺序与规定不一致', '同上'],
  ['section/numbering', 'warning', '同级标题编号不连续或重复（一、二、四；两个三、）', '格式检查，无条文依据'],
  ['element/missing', 'warning', '某部分未写明须写明的要素（保障措施→政策/人员/资金保障；重点项目→实施主体、资金来源…）', '按类别见下表'],
];
const seen = new Set();
for (const pack of packs) {
  for (const c of pack.clauses ?? []) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    rows.push([c.id, c.severity, c.title, cite(c.citation)]);
  }
}
rows.push(['clause/foreign-law', 'warning', '涉外协议未约定适用中国法律', cite({ regulation: 'hb-2017-47', article: '一(二)2' })]);
rows.push(['clause/land-investment', 'warning', '写明了用地面积，却没有可对照的投资规模或投资强度', cite({ regulation: 'hb-2017-47', article: '一(二)3' })]);
for (const pack of packs) {
  for (const c of pack.checks ?? []) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    rows.push([c.id, c.severity, c.title, cite(c.citation)]);
  }
}
rows.push(['procedure/approval-route', 'warning', '审批方式与协议内容不相适应（审签／区长办公会议／常务会议；土地、资金也从正文读取，含二百亩等中文数字）；厅市会商议定书须经厅长办公会审定并有市政府正式行文', `${cite({ regulation: 'hb-2017-47', article: '三(四)' })}；${cite({ regulation: 'hbkjt-tsh', article: '第十六条' })}`]);
// Procedure records (front matter), coded in server/src/core/rules/: one row each.
const records = [
  ['procedure/counterparty-assessment', 'warning', '非国家机关、非国有企事业单位的合作方（乙方、丙方、丁方……）未记录主体评估；性质既未写明也无法从名称判断的，提示写明“某方性质”', { regulation: 'hb-2017-47', article: '三(一)' }],
  ['procedure/project-assessment', 'warning', '送审后未记录合作项目调研评估（项目评估）', { regulation: 'hb-2017-47', article: '三(一)' }],
  ['procedure/risk-assessment', 'warning', '送审后未记录风险评估（47号各类协议、政府合同，含战略合作协议、框架协议）；“风险评估: 无”不算记录', { regulation: 'hb-2017-47', article: '三(一)' }],
  ['procedure/consultation', 'warning', '送审后未记录征求相关部门和地区意见（征求意见）', { regulation: 'hb-2017-47', article: '三(二)' }],
  ['procedure/expert-review', 'warning', '未记录专家论证（政府合同、战略合作协议、框架协议；47号重大事项的论证会），与风险评估分别记录', { regulation: 'haian-2024-lyjn', article: '四(二)' }],
  ['procedure/legal-review', 'warning', '送审后未记录牵头单位法律顾问意见（与合法性审查分别记录；日期不得晚于合法性审查、签署日期）', { regulation: 'hb-2017-47', article: '三(三)' }],
  ['procedure/legality-review', 'warning', '送审后未记录合法性审查（法律顾问意见不能代替）', { regulation: 'hb-2017-47', article: '三(三)' }],
  ['procedure/public-participation', 'warning', '政府合同未记录公众参与（确不适用的写“不适用”及理由）', { regulation: 'haian-2024-lyjn', article: '四(二)' }],
  ['procedure/collective-discussion', 'warning', '政府合同未记录集体讨论研究（区长办公会议、常务会议审议即为集体讨论）', { regulation: 'haian-2024-lyjn', article: '四(二)' }],
  ['procedure/professional-advice', 'warning', '专业性强的政府合同（PPP、特许经营、国有资产等）未记录法律部门、专业机构意见', { regulation: 'haian-2024-lyjn', article: '四(二)' }],
  ['procedure/party-committee-report', 'warning', '重大合作事项（涉及事项重大决策、全局性、政策性，或常务会议审议）未记录向区委报告', { regulation: 'hb-2017-47', article: '三(四)' }],
  ['procedure/lead-unit', 'warning', '牵头单位与类别不符（兄弟地区→区合作交流办，友好城市→区政府办公室，其他类别→区政府所属部门）', { regulation: 'hb-2017-47', article: '二' }],
  ['procedure/signatory', 'warning', '签署人：区政府一方应为区政府领导同志或区长授权的负责同志（签署授权），双方相对对等；厅市会商由科技厅与市政府签订，议定书由厅长和市长签署；已签署未记录签署人时提示', { regulation: 'hb-2017-47', article: '二' }],
  ['procedure/seal-date', 'warning', '用印日期早于签署日期，或超过签署后5个工作日（跳过周末和配置的节假日）', { regulation: 'hb-2017-47', article: '三(五)' }],
  ['procedure/seal-instruction', 'warning', '区政府领导同志未在文本上签字而已用印，未记录领导批示件', { regulation: 'hb-2017-47', article: '三(五)' }],
  ['procedure/translation', 'warning', '涉外协议（含按友好城市类别、境外签约方推断的）未记录中文译本，或签署后5个工作日内未移交（译本移交日期）', { regulation: 'hb-2017-47', article: '四(一)' }],
  ['procedure/archive', 'hint', '已签署未记录归档日期（用印不等于归档）；归档日期早于签署日期；归档后未记录签署地点（简要说明）', { regulation: 'hb-2017-47', article: '四(一)' }],
];
for (const [id, severity, text, ref] of records) if (!seen.has(id)) rows.push([id, severity, text, cite(ref)]);
rows.push(['format/doc-type', 'warning', '文种与类别不相配', '所属类别的依据']);
rows.push(['format/placeholder', 'warning', '尚未填写的占位内容（……、____、【】、（甲方全称）、作空白用的某某/XX）；只有占位内容的一节不算已写', '—']);
rows.push(['format/too-large', 'info', '文件超过 `agreement.maxFileSize`，跳过检查', '—']);
rows.push(['format/too-many-findings', 'warning', '编辑器中一个文件的问题超过 1000 个：只显示前 999 个（错误优先），并提示其余数目', '—']);
rows.push(['format/analysis-budget', 'warning', '编辑器中规则包的正则表达式在本文件上耗时超过 2 秒：其余检查未完成', '—']);

const categories = packs.flatMap((p) => p.categories ?? []).map((c) =>
  `| ${c.name} | ${c.sections.filter((s) => s.required !== false).map((s) => s.name + (s.elements?.length ? `（${s.elements.map((e) => e.name).join('、')}）` : '')).join('；')} | ${cite(c.citation)} |`,
);

const table = [
  '| 规则 | 默认级别 | 说明 | 依据 |',
  '|---|---|---|---|',
  ...rows.map((r) => `| \`${r[0]}\` | ${r[1]} | ${r[2]} | ${r[3]} |`),
  '',
  '各类别的必备部分（括号内为须写明的要素）：',
  '',
  '| 类别 | 必备部分 | 依据 |',
  '|---|---|---|',
  ...categories,
].join('\n');

const readme = path.join(root, 'README.md');
const text = fs.readFileSync(readme, 'utf8');
const start = '<!-- rules:start (generated by scripts/generate-rule-docs.mjs) -->';
const end = '<!-- rules:end -->';
const i = text.indexOf(start);
const j = text.indexOf(end);
if (i < 0 || j < 0) throw new Error('README.md lacks the rules markers');
const next = `${text.slice(0, i + start.length)}\n${table}\n${text.slice(j)}`;
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('README.md rule table is stale: run node scripts/generate-rule-docs.mjs');
    process.exit(1);
  }
} else {
  fs.writeFileSync(readme, next);
  console.log(`README.md: ${rows.length} rules, ${categories.length} categories`);
}
