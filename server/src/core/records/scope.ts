/**
 * Which regulation's procedure a document follows, from its 类别 (and 标题):
 * the seven categories of 河北政办〔2017〕47号 二(一)至(七); 厅市会商; 政府合同 — and the
 * 框架协议、战略合作协议 of the 47号 categories, which 海安市信用办通知 二(一)11 also counts as
 * government contracts.
 */
import type { CheckContext } from '../context';

export const HB47_CATEGORIES = ['上级部委', '中央企业', '兄弟地区', '企业集团', '友好城市', '对口帮扶', '其他'];

export function categoryOf(context: CheckContext): string | undefined {
  const given = context.doc.frontMatter.data['类别'];
  return typeof given === 'string' ? given.trim() : undefined;
}

/** Whether the rule set carries a regulation (a workspace that loads other packs is not held to it). */
export function hasRegulation(context: CheckContext, id: 'hb-2017-47' | 'haian-2024-lyjn' | 'hbkjt-tsh'): boolean {
  return context.rules.regulations.has(id);
}

export function isHb47(context: CheckContext): boolean {
  const category = categoryOf(context);
  return category !== undefined && HB47_CATEGORIES.includes(category) && hasRegulation(context, 'hb-2017-47');
}

const STRATEGIC = /战略合作|框架协议|合作框架|框架合作/;

/** A 47号 agreement that is a 框架协议 or 战略合作协议 (by 合同类型 or its title). */
export function isStrategicAgreement(context: CheckContext): boolean {
  if (!isHb47(context) || !hasRegulation(context, 'haian-2024-lyjn')) return false;
  const data = context.doc.frontMatter.data;
  if (data['合同类型'] === '框架协议战略合作协议') return true;
  const title = typeof data['标题'] === 'string' ? data['标题'] : '';
  return STRATEGIC.test(title);
}

/** 政府合同, or a 47号 strategic/framework agreement (海安市信用办通知 二(一)11). */
export function isGovernmentContract(context: CheckContext): boolean {
  return (categoryOf(context) === '政府合同' && hasRegulation(context, 'haian-2024-lyjn')) || isStrategicAgreement(context);
}

export function isTsh(context: CheckContext): boolean {
  return categoryOf(context) === '厅市会商' && hasRegulation(context, 'hbkjt-tsh');
}

/** 重大合作事项 as the record says: 涉及事项 重大决策/全局性/政策性, or 审批方式 常务会议 (47号 三(四)). */
export function isMajorMatter(context: CheckContext): boolean {
  const data = context.doc.frontMatter.data;
  const matters = Array.isArray(data['涉及事项']) ? data['涉及事项'].map(String) : [];
  return matters.some((m) => m === '重大决策' || m === '全局性' || m === '政策性') || data['审批方式'] === '常务会议';
}
