/**
 * procedure/lead-unit — 牵头单位. 河北政办〔2017〕47号 二(一)至(七) name the lead unit of each kind of
 * agreement: 兄弟地区 — 区合作交流办 (二(三)); 友好城市 — 区政府办公室 (二(五)); the others a
 * department of the 区政府 (对口部门, 主管部门, 相关部门), which a company or the counterparty is not.
 */
import type { CheckContext } from '../context';
import { looksLikeGovernment } from '../parties';
import { frontMatterUsable } from '../records/recordStep';
import { categoryOf, isHb47 } from '../records/scope';

export const id = 'procedure/lead-unit';

const NAMED: Record<string, { unit: string; test: RegExp; article: string }> = {
  兄弟地区: { unit: '区合作交流办', test: /合作交流/, article: '二(三)' },
  友好城市: { unit: '区政府办公室', test: /区(人民)?政府办公室|区政府办/, article: '二(五)' },
};
const ARTICLE: Record<string, string> = { 上级部委: '二(一)', 中央企业: '二(二)', 企业集团: '二(四)', 对口帮扶: '二(六)', 其他: '二(七)' };

export function checkLeadUnit(context: CheckContext): void {
  if (!frontMatterUsable(context) || !isHb47(context)) return;
  const entry = context.doc.frontMatter.entries.get('牵头单位');
  const value = context.doc.frontMatter.data['牵头单位'];
  if (!entry || typeof value !== 'string' || !value.trim()) return;
  const unit = value.trim();
  const category = categoryOf(context)!;
  const named = NAMED[category];
  if (named) {
    if (named.test.test(unit)) return;
    context.report({
      rule: id,
      severity: 'warning',
      message: `${category}类协议由${named.unit}牵头负责，文件头牵头单位为“${unit}”。请核对牵头单位。`,
      span: entry.valueSpan,
      citation: context.rules.resolve({ regulation: 'hb-2017-47', article: named.article }),
      fixes: () => [{ title: `改为“${named.unit}”`, edits: [{ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: named.unit }], safe: false }],
    });
    return;
  }
  const counterparty = context.parties.list.some((p) => !p.government && p.name.trim() === unit);
  if (looksLikeGovernment(unit) && !counterparty) return;
  context.report({
    rule: id,
    severity: 'warning',
    message: `牵头单位“${unit}”不是区政府所属部门。${category}类协议由区政府所属的对口、主管或相关部门牵头负责，请写明牵头部门。`,
    span: entry.valueSpan,
    citation: context.rules.resolve({ regulation: 'hb-2017-47', article: ARTICLE[category] ?? '二' }),
  });
}
