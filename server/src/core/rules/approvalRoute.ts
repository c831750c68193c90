/**
 * procedure/approval-route — 审批方式与协议内容不相适应.
 *
 * 河北政办〔2017〕47号 三(四)：意向性、框架性协议可采用审签方式；涉及财务资金使用、
 * 土地利用等单一事项的，提交区长办公会议审议；事关全局性、政策性的，提交区政府常务会议审议。
 * The content is read from front matter 涉及事项, else inferred from the body
 * (land area in 亩, land transfer, money amounts committed by the government).
 */
import type { CheckContext } from '../context';

export const id = 'procedure/approval-route';

const LAND = /土地出让|供地|用地指标|建设用地|[0-9０-９.]+\s*亩/;
const MONEY = /(财政资金|专项资金|财政补贴|奖补资金|安排资金|[0-9０-９.]+\s*(万元|亿元))/;
const RANK: Record<string, number> = { 审签: 0, 区长办公会议: 1, 常务会议: 2 };

export function checkApprovalRoute(context: CheckContext): void {
  const { doc, rules } = context;
  const fm = doc.frontMatter;
  const route = fm.data['审批方式'];
  if (typeof route !== 'string' || !(route in RANK)) return;
  const declared = Array.isArray(fm.data['涉及事项']) ? (fm.data['涉及事项'] as unknown[]).map(String) : [];
  let needed: { route: string; why: string } | null = null;
  if (declared.some((d) => d === '重大决策' || d === '全局性' || d === '政策性')) {
    needed = { route: '常务会议', why: '事关重大决策、全局性或政策性事项' };
  } else if (declared.some((d) => d === '财务资金' || d === '土地利用')) {
    needed = { route: '区长办公会议', why: '涉及财务资金使用或土地利用' };
  } else if (declared.length === 0) {
    const land = doc.sentences.find((s) => LAND.test(s.text));
    const money = doc.sentences.find((s) => MONEY.test(s.text) && /甲方|政府|财政/.test(s.text));
    if (land) needed = { route: '区长办公会议', why: '正文涉及土地利用' };
    else if (money) needed = { route: '区长办公会议', why: '正文涉及财政资金使用' };
  }
  if (!needed || RANK[route] >= RANK[needed.route]) return;
  const entry = fm.entries.get('审批方式')!;
  context.report({
    rule: id,
    severity: 'warning',
    message: `审批方式为“${route}”，但协议${needed.why}，应提交${needed.route === '常务会议' ? '区政府常务会议' : '区长办公会议'}审议。`,
    span: entry.valueSpan,
    citation: rules.resolve({ regulation: 'hb-2017-47', article: '三(四)' }),
    fixes: [{ title: `改为“${needed.route}”`, edits: [{ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: needed.route }], safe: false, preferred: true }],
  });
}
