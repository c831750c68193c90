/**
 * clause/foreign-law — 涉外协议未约定适用中国法律.
 *
 * 河北政办〔2017〕47号 一(二)2：“涉外协议和备忘录应优先约定适用中国法律。”
 * A warning, not an error: "优先" is a preference, and no provision found makes
 * Chinese law mandatory for every foreign-related agreement.
 * Fires when the agreement is foreign-related — 涉外: true, or inferred from a 友好城市 category
 * or a foreign party — and neither 适用法律 nor the body names Chinese law; or when 适用法律 /
 * the body chooses another law. 涉外: false against such a category or party is itself a finding.
 */
import type { CheckContext } from '../context';
import { insertKeyFix } from '../checks/procedures';
import { foreignness } from '../records/foreign';

export const id = 'clause/foreign-law';
const CHINESE_LAW = /中华人民共和国法律|中国法律|中华人民共和国的法律|中国大陆法律/;
/** A choice of law: 适用…法律, or 受…法律管辖 (with a jurisdiction named in between). */
const LAW_CHOICE = /适用|准据法|受[^，。；]{1,16}法律管辖|(按照|依照)[^，。；]{1,16}法律(进行|解释|执行|履行)/;
const OTHER_LAW = /(适用|受|按照|依照|以)[^，。；]{0,12}(?<!中华人民共和国|中国|有关|相关|国家|现行)(国|州|地区)?法律/;

export function checkForeignLaw(context: CheckContext): void {
  const { doc, rules } = context;
  const fm = doc.frontMatter;
  const foreign = foreignness(context);
  if (!foreign.foreign) return;
  const note = foreign.inferred ? `（${foreign.inferred}，按涉外协议检查。）` : '';
  if (foreign.contradicted) {
    const declared = fm.entries.get('涉外')!;
    context.report({
      rule: id,
      severity: 'warning',
      message: `文件头写“涉外: false”，但${foreign.inferred}：本协议是涉外协议。请改为“涉外: true”。`,
      span: declared.valueSpan,
      citation: rules.resolve({ regulation: 'hb-2017-47', article: '一(二)2' }),
      fixes: () => [{ title: '改为“涉外: true”', edits: [{ start: declared.valueSpan.start, end: declared.valueSpan.end, newText: 'true' }], safe: false, preferred: true }],
    });
  }
  const chosen = fm.data['适用法律'];
  const citation = rules.resolve({ regulation: 'hb-2017-47', article: '一(二)2' });
  const bodyNamesChinese = doc.sentences.some((s) => LAW_CHOICE.test(s.text) && CHINESE_LAW.test(s.text));
  if (typeof chosen === 'string' && chosen.trim().length > 0) {
    if (CHINESE_LAW.test(chosen)) return;
    const entry = fm.entries.get('适用法律')!;
    context.report({
      rule: id,
      severity: 'warning',
      message: `涉外协议约定适用“${chosen}”。涉外协议和备忘录应优先约定适用中国法律；请改为“中华人民共和国法律”，或在报审材料中说明理由。`,
      span: entry.valueSpan,
      citation,
      fixes: () => [{ title: '改为“中华人民共和国法律”', edits: [{ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: '中华人民共和国法律' }], safe: false, preferred: true }],
    });
    return;
  }
  if (bodyNamesChinese) return;
  const other = doc.sentences.find((s) => LAW_CHOICE.test(s.text) && OTHER_LAW.test(s.text) && !CHINESE_LAW.test(s.text));
  const entry = fm.entries.get('涉外');
  context.report({
    rule: id,
    severity: 'warning',
    message: `涉外协议未约定适用中国法律。${note}涉外协议和备忘录应优先约定适用中国法律：请在文件头写明“适用法律: 中华人民共和国法律”，并在正文争议解决条款中约定。`,
    span: other ? other.span : entry ? entry.keySpan : { start: fm.span.start, end: fm.span.start + 3 },
    citation,
    fixes: () => [insertKeyFix(context, '适用法律', '中华人民共和国法律')],
  });
}
