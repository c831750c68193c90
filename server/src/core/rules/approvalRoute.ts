/**
 * procedure/approval-route — 审批方式与协议内容不相适应.
 *
 * 河北政办〔2017〕47号 三(四)：意向性、框架性协议可采用审签方式；涉及财务资金使用、
 * 土地利用等单一事项的，提交区长办公会议审议；事关全局性、政策性的，提交区政府常务会议审议.
 * What the agreement involves is read from 涉及事项 and from the body together (land in 亩,
 * 平方米 or 公顷, in Arabic or Chinese numerals — 二百亩; government money in 万元/亿元): a
 * 框架协议 that supplies land still needs the 区长办公会议. Without 审批方式, the body decides:
 * when it needs a meeting, the finding says which one to record (47号 categories only).
 */
import type { CheckContext } from '../context';
import { insertKeyFix } from '../checks/procedures';
import { frontMatterAnchor, frontMatterUsable } from '../records/recordStep';
import { isGovernmentContract, isHb47 } from '../records/scope';
import { documentStage } from '../stage';

export const id = 'procedure/approval-route';

const NUM = '(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二三四五六七八九十百千万两〇零]+)';
const LAND = new RegExp(`土地出让|供地|用地指标|建设用地|土地使用权|(?:提供|出让|供应|划拨|安排|预留|保障)[^，。；]{0,6}(?:土地|用地)|(?:用地|土地|占地)[^。；]{0,12}?${NUM}\\s*(?:亩|公顷|万?平方米)|${NUM}\\s*亩`);
const GOVERNMENT_MONEY = new RegExp(
  `(安排|拨付|设立|给予|提供)[^，。；]{0,8}(财政资金|专项资金|财政补贴|奖补资金|引导基金)|(甲方|区政府|政府|财政)[^，。；]{0,16}(安排|提供|给予|拨付|出资|投入|补贴|补助|奖励|支付|承担)[^，。；]{0,20}${NUM}\\s*(万元|亿元)`,
);
/**
 * Necessary for a match, and much cheaper than the patterns (whose numeral alternatives are
 * tried at every position): every alternative of LAND holds 地 or 亩; every alternative of
 * GOVERNMENT_MONEY holds 金 (资金, 基金), 补贴 or 元.
 */
function mayBeLand(text: string): boolean {
  return text.includes('地') || text.includes('亩');
}

function mayBeMoney(text: string): boolean {
  return text.includes('金') || text.includes('元') || text.includes('补贴');
}

const RANK: Record<string, number> = { 审签: 0, 区长办公会议: 1, 常务会议: 2 };
const MEETING: Record<string, string> = { 区长办公会议: '区长办公会议', 常务会议: '区政府常务会议' };

interface Need {
  route: '区长办公会议' | '常务会议';
  why: string;
  /** The body shows it although 涉及事项 does not list it. */
  fromBody?: string;
}

function needed(context: CheckContext): Need | null {
  const { doc } = context;
  const declared = Array.isArray(doc.frontMatter.data['涉及事项']) ? (doc.frontMatter.data['涉及事项'] as unknown[]).map(String) : [];
  if (declared.some((d) => d === '重大决策' || d === '全局性' || d === '政策性')) return { route: '常务会议', why: '事关重大决策、全局性或政策性事项' };
  if (declared.includes('土地利用')) return { route: '区长办公会议', why: '涉及土地利用' };
  if (declared.includes('财务资金')) return { route: '区长办公会议', why: '涉及财务资金使用' };
  const land = doc.sentences.find((s) => mayBeLand(s.text) && LAND.test(s.text));
  if (land) return { route: '区长办公会议', why: '正文涉及土地利用', fromBody: excerpt(land.text, LAND) };
  const money = doc.sentences.find((s) => mayBeMoney(s.text) && GOVERNMENT_MONEY.test(s.text));
  if (money) return { route: '区长办公会议', why: '正文涉及财政资金使用', fromBody: excerpt(money.text, GOVERNMENT_MONEY) };
  return null;
}

function excerpt(text: string, re: RegExp): string {
  const m = re.exec(text);
  return m ? m[0].slice(0, 30) : text.slice(0, 30);
}

export function checkApprovalRoute(context: CheckContext): void {
  if (!frontMatterUsable(context) || !(isHb47(context) || isGovernmentContract(context))) return;
  const fm = context.doc.frontMatter;
  const route = fm.data['审批方式'];
  const citation = context.rules.resolve({ regulation: 'hb-2017-47', article: '三(四)' });
  const need = needed(context);
  if (!need) return;
  const body = need.fromBody ? `（正文：“${need.fromBody}”${Array.isArray(fm.data['涉及事项']) ? '；文件头“涉及事项”未列出' : ''}）` : '';
  if (route === undefined || route === null || route === '') {
    // Without a declared route the 47号 route is asked for only where 47号 governs (a 政府合同
    // follows its own collective discussion, procedure/collective-discussion).
    if (!isHb47(context) || !['送审', '已签署', '已归档'].includes(documentStage(fm.data))) return;
    context.report({
      rule: id,
      severity: 'warning',
      message: `协议${need.why}${body}，应提交${MEETING[need.route]}审议，文件头未记录审批方式。请在文件头“审批方式”中写明“${need.route}”及审议情况。`,
      span: frontMatterAnchor(context, '涉及事项', '签署日期', '阶段'),
      citation,
      fixes: () => [insertKeyFix(context, '审批方式', need.route)],
    });
    return;
  }
  if (typeof route !== 'string' || !(route in RANK) || RANK[route] >= RANK[need.route]) return;
  const entry = fm.entries.get('审批方式')!;
  context.report({
    rule: id,
    severity: 'warning',
    message: `审批方式为“${route}”，但协议${need.why}${body}，应提交${MEETING[need.route]}审议。`,
    span: entry.valueSpan,
    citation,
    fixes: () => [{ title: `改为“${need.route}”`, edits: [{ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: need.route }], safe: false, preferred: true }],
  });
}
