/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
 * One run; `tool.driver.rules` describes every rule that has a result (id, names,
 * Chinese short and full descriptions, help text with the citation, `helpUri` when
 * the regulation has a public address); results carry `ruleId`/`ruleIndex`, `level`,
 * the Chinese message, and a region with 1-based lines and columns counted in UTF-16
 * code units (`columnKind: utf16CodeUnits`). Paths are relative to the folder the
 * command ran in (`%SRCROOT%`), as code scanning expects repository-relative paths.
 */
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { citationLabel, type RuleSet } from '../core';
import type { FileOutcome, OutFinding } from './check';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'agreement-lint';

/** Descriptions of rules that are code, not pack data. Pack clause and procedure rules describe themselves. */
const BUILTIN_RULES: Record<string, { short: string; full: string }> = {
  'schema/front-matter': { short: '缺少文件头', full: '文件开头应有用两行“---”围起的文件头，写明文种、类别、标题、甲方、乙方、牵头单位、签署日期等要素；没有类别，无法按规定检查必备内容。' },
  'schema/syntax': { short: '文件头无法解析', full: '文件头（YAML）语法错误：缩进、冒号或引号不正确，或缺少结束行“---”。' },
  'schema/duplicate-key': { short: '文件头键重复', full: '文件头中同一个键出现了两次。' },
  'schema/required': { short: '文件头缺少必填项', full: '文件头缺少 schemas/agreement.schema.json 规定的必填项。' },
  'schema/enum': { short: '文件头取值不在列表中', full: '文件头某项的取值不在规定的可选值之中（如文种、类别、审批方式）。' },
  'schema/type': { short: '文件头取值类型不对', full: '文件头某项的取值类型不对（如“涉外”应为 true 或 false）。' },
  'schema/format': { short: '文件头取值格式不对', full: '文件头某项的写法不符合要求（如日期应写成 2026-01-10 或 2026年1月10日）。' },
  'schema/unknown-key': { short: '文件头键名疑似写错', full: '文件头中有不认识的键，且与某个已知键只差一个字（如“类型”应为“类别”）；不认识的键不参与检查。' },
  'schema/empty': { short: '文件头取值为空', full: '文件头某项不能为空。' },
  'schema/invalid': { short: '文件头不符合要求', full: '文件头不符合 schemas/agreement.schema.json。' },
  'section/missing': { short: '缺少必备部分', full: '缺少所属类别规定的框架部分；各类别的必备部分及其依据见规则包。' },
  'section/order': { short: '部分顺序不符合规定', full: '框架部分的顺序与所属类别规定的顺序不一致。' },
  'section/numbering': { short: '编号不连续', full: '同级标题的编号不连续或重复（如一、二、四，或两个三、）。' },
  'element/missing': { short: '未写明必备要素', full: '某部分未写明须写明的要素（如保障措施须写明政策保障、人员保障、资金保障；重点项目须写明实施主体、资金来源、规划选址、开工竣工时间、预期效果）。' },
  'clause/foreign-law': { short: '涉外协议未约定适用中国法律', full: '涉外协议和备忘录应优先约定适用中国法律。' },
  'procedure/approval-route': { short: '审批方式与协议内容不相适应', full: '意向性、框架性协议可采用审签方式；涉及财务资金使用、土地利用等单一事项的，提交区长办公会议审议；事关全局性、政策性的，提交区政府常务会议审议。' },
  'procedure/counterparty-assessment': { short: '合作方主体评估', full: '除国家机关和国有企事业单位外，对合作方的主体资格、资产状况、资质信用、履约能力等情况进行调研评估。' },
  'procedure/project-assessment': { short: '合作项目调研评估', full: '签约前对合作项目进行调研评估，并在文件头“项目评估”中记录。' },
  'procedure/risk-assessment': { short: '风险评估', full: '对政府签约履约风险进行论证分析；政府合同（含框架协议、战略合作协议）须履行风险评估程序。' },
  'procedure/consultation': { short: '征求意见', full: '协议文本起草后，要征求相关部门和地区的意见。' },
  'procedure/expert-review': { short: '专家论证', full: '政府合同须履行专家论证程序；重大、疑难事项应召开专家参加的座谈会、论证会。' },
  'procedure/legal-review': { short: '法律顾问意见', full: '协议文本起草过程中，要征求牵头单位的法律顾问意见。' },
  'procedure/legality-review': { short: '合法性审查', full: '报区政府领导或常务会议审议前，由区政府办公室会同区法制办进行合法性审查；政府合同拟订时须履行合法性审查。' },
  'procedure/public-participation': { short: '公众参与', full: '拟订的政府合同须履行公众参与程序。' },
  'procedure/collective-discussion': { short: '集体讨论研究', full: '拟订的政府合同须经集体讨论研究。' },
  'procedure/professional-advice': { short: '法律部门、专业机构意见', full: '对专业性强的合同，还要充分咨询法律部门、专业机构意见。' },
  'procedure/party-committee-report': { short: '向区委报告', full: '凡属重大合作事项需向区委报告。' },
  'procedure/lead-unit': { short: '牵头单位与类别不符', full: '兄弟地区协议由区合作交流办牵头，友好城市协议由区政府办公室牵头，其他类别由区政府所属部门牵头。' },
  'procedure/signatory': { short: '签署人', full: '合作协议由区政府领导同志（或区长授权的负责同志）签名，本着相对对等的原则安排双方签署人；厅市会商议定书由科技厅厅长和市长签订。' },
  'procedure/seal-date': { short: '用印日期', full: '协议文本需加盖区政府印章的，应在协议签署后5个工作日内办理用印手续。' },
  'procedure/seal-instruction': { short: '凭批示件用印', full: '区政府领导同志未在协议文本上签字的，须持区政府领导同志批示件办理用印。' },
  'procedure/translation': { short: '涉外协议中文译本', full: '区政府签署的外事协议，应当在签署后5个工作日内到区政府办公室办理协议文本（协议正文及中文译本）移交手续。' },
  'procedure/archive': { short: '归档', full: '协议文本原件及时送交区政府办公室统一归档，并出具简要说明（签署背景、时间、地点、签署人）；用印不等于归档。' },
  'format/doc-type': { short: '文种与类别不相配', full: '所属类别通常采用的文种与前言“文种”不一致。' },
  'format/placeholder': { short: '占位内容尚未填写', full: '文中留有尚未填写的占位内容：……、____、【】、（甲方全称）之类的括注说明、作空白用的“某某”“XX”。请写明实际内容。' },
  'format/attachment': { short: '印发通知，按附件中的协议检查', full: '本文是印发通知，协议文本在附件中：按附件中的协议检查，通知正文不检查。' },
  'format/too-large': { short: '文件过大，未检查', full: '文件超过大小上限（agreement.maxFileSize 或 --max-file-size），已跳过检查。' },
};

type Citation = NonNullable<OutFinding['citation']>;

function citationText(c: Citation | undefined): string {
  if (!c) return '';
  return `依据：${citationLabel(c)}${c.title && c.docNumber ? `（《${c.title}》）` : ''}${c.text ? `：“${c.text}”` : ''}`;
}

interface RuleDoc {
  short: string;
  full: string;
  citation?: Citation;
}

/** What the packs say about a rule id, if it is a pack rule. */
function packRuleDoc(id: string, ruleSet: RuleSet | undefined): RuleDoc | undefined {
  if (!ruleSet) return undefined;
  const clause = ruleSet.clauses.find((c) => c.rule.id === id)?.rule;
  if (clause) return { short: clause.title, full: `${clause.message}${clause.advice}`, citation: ruleSet.resolve(clause.citation) };
  const check = ruleSet.checks.find((c) => c.id === id);
  if (check) return { short: check.title, full: `${check.message}${check.advice}`, citation: ruleSet.resolve(check.citation) };
  return undefined;
}

function pascal(id: string): string {
  return id
    .split(/[/-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function level(severity: OutFinding['severity']): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A repository-relative URI: each path segment percent-encoded (Chinese file names stay valid URIs). */
export function relativeUri(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return pathToFileURL(file).href;
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

export function formatSarif(results: FileOutcome[], options: { cwd: string; version: string; ruleSet?: RuleSet; commandLine?: string }): string {
  const { cwd } = options;
  const ruleIndex = new Map<string, number>();
  const rules: object[] = [];
  const ruleFor = (f: OutFinding): number => {
    let index = ruleIndex.get(f.rule);
    if (index !== undefined) return index;
    const doc: RuleDoc = packRuleDoc(f.rule, options.ruleSet) ?? { ...(BUILTIN_RULES[f.rule] ?? { short: f.rule, full: f.message }), citation: f.citation };
    const citation = doc.citation ?? f.citation;
    const help = [doc.full, citationText(citation)].filter(Boolean).join('\n');
    index = rules.length;
    ruleIndex.set(f.rule, index);
    rules.push({
      id: f.rule,
      name: pascal(f.rule),
      shortDescription: { text: doc.short },
      fullDescription: { text: doc.full },
      help: { text: help, markdown: help.replace(/\n/g, '\n\n') },
      ...(citation?.url ? { helpUri: citation.url } : {}),
      defaultConfiguration: { level: level(f.severity) },
      properties: { tags: [f.rule.split('/')[0]], ...(citation ? { citation: citationLabel(citation) } : {}) },
    });
    return index;
  };
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  for (const r of results) {
    const uri = relativeUri(r.file, cwd);
    if (r.error) {
      notifications.push({
        level: 'error',
        message: { text: `${uri}：${r.error}` },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' } } }],
      });
    }
    const seen = new Map<string, number>();
    for (const f of r.findings) {
      const index = ruleFor(f);
      const { start, end } = f.range;
      const region = {
        startLine: start.line + 1,
        startColumn: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
      };
      // Stable across unrelated edits above: rule, message and occurrence count, not the line number.
      const key = `${f.rule}|${f.message}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      const fingerprint = crypto.createHash('sha256').update(`${key}|${occurrence}`).digest('hex').slice(0, 32);
      const citation = f.citation ? citationText(f.citation) : '';
      // A Word file is binary: no line/column region; the paragraph and words go in the message and properties.
      const where = f.location ? `位置：${f.location.paragraph === null ? '文件头' : `第${f.location.paragraph}段`}${f.location.excerpt ? `「${f.location.excerpt}」` : ''}` : '';
      const properties = {
        ...(f.severity === 'info' || f.severity === 'hint' ? { severity: f.severity } : {}),
        ...(f.location ? { paragraph: f.location.paragraph, excerpt: f.location.excerpt } : {}),
      };
      sarifResults.push({
        ruleId: f.rule,
        ruleIndex: index,
        level: level(f.severity),
        message: { text: [f.message, citation, where].filter(Boolean).join('\n') },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, ...(f.location ? {} : { region }) } }],
        partialFingerprints: { 'agreementFinding/v1': fingerprint },
        ...(Object.keys(properties).length > 0 ? { properties } : {}),
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            semanticVersion: options.version,
            version: options.version,
            language: 'zh-CN',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            ...(options.commandLine ? { commandLine: options.commandLine } : {}),
            toolExecutionNotifications: notifications,
          },
        ],
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
