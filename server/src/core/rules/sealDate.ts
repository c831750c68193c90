/**
 * procedure/seal-date — 用印日期. 河北政办〔2017〕47号 三(五)：协议文本需加盖区人民政府印章的，应在协议
 * 签署后5个工作日内，由牵头单位到区政府办公室办理用印手续. Never before the signing.
 */
import type { CheckContext } from '../context';
import { addWorkingDays, isoOf, workingDaysBetween } from '../records/dates';
import { frontMatterUsable } from '../records/recordStep';
import { hasRegulation } from '../records/scope';

export const id = 'procedure/seal-date';
const LIMIT = 5;

export function checkSealDate(context: CheckContext): void {
  if (!frontMatterUsable(context) || !hasRegulation(context, 'hb-2017-47')) return;
  const data = context.doc.frontMatter.data;
  const sealed = isoOf(data['用印日期']);
  const signed = isoOf(data['签署日期']);
  if (!sealed || !signed) return;
  const span = context.doc.frontMatter.entries.get('用印日期')!.valueSpan;
  const citation = context.rules.resolve({ regulation: 'hb-2017-47', article: '三(五)' });
  if (sealed < signed) {
    context.report({ rule: id, severity: 'warning', message: `用印日期（${sealed}）早于签署日期（${signed}）：用印手续在协议签署后办理。请核对日期。`, span, citation });
    return;
  }
  const used = workingDaysBetween(signed, sealed, context.calendar);
  if (used > LIMIT) {
    context.report({
      rule: id,
      severity: 'warning',
      message: `用印日期（${sealed}）在签署后第${used}个工作日，超过签署后5个工作日内办理用印的期限（${addWorkingDays(signed, LIMIT, context.calendar)}）。请核对日期，逾期的说明原因。`,
      span,
      citation,
    });
  }
}
