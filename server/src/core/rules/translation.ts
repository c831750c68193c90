/**
 * procedure/translation — 外事协议的中文译本与移交. 河北政办〔2017〕47号 四(一)：区政府签署的外事协议，
 * 应当在签署后5个工作日内到区政府办公室办理协议文本（协议正文及中文译本）移交手续.
 * 涉外 is read from the record or inferred (友好城市, a foreign party); once signed, the hand-over
 * date (译本移交日期) must fall within 5 working days of the signing, and not before it.
 */
import type { CheckContext } from '../context';
import { insertKeyFix } from '../checks/procedures';
import { addWorkingDays, isoOf, workingDaysBetween } from '../records/dates';
import { foreignness } from '../records/foreign';
import { hasRegulation } from '../records/scope';
import { readRecord } from '../records/record';
import { frontMatterAnchor, frontMatterUsable } from '../records/recordStep';
import { documentStage, isSigned } from '../stage';

export const id = 'procedure/translation';
const LIMIT = 5;

export function checkTranslation(context: CheckContext): void {
  if (!frontMatterUsable(context) || !hasRegulation(context, 'hb-2017-47')) return;
  const f = foreignness(context);
  if (!f.foreign) return;
  const fm = context.doc.frontMatter;
  const data = fm.data;
  const note = f.inferred ? `（${f.inferred}，按涉外协议办理。）` : '';
  const citation = context.rules.resolve({ regulation: 'hb-2017-47', article: '四(一)' });
  const seeAlso = [context.rules.resolve({ regulation: 'treaty-procedure-law', article: '第13条' })].filter((c) => c !== undefined);
  const copy = readRecord(data['中文译本']);
  if (copy.kind !== 'given') {
    context.report({
      rule: id,
      severity: 'warning',
      message: `本协议为涉外协议，文件头${copy.kind === 'negative' ? `“中文译本: ${copy.text}”表明没有中文译本` : fm.entries.has('中文译本') ? '“中文译本”尚未填写实际内容' : '未记录中文译本'}。${note}请准备协议正文及中文译本，签署后5个工作日内到区政府办公室办理移交手续，并在文件头“中文译本”中注明。`,
      span: frontMatterAnchor(context, '中文译本', '涉外', '类别'),
      citation,
      seeAlso,
      fixes: () => fm.entries.has('中文译本') ? [] : [insertKeyFix(context, '中文译本', '（写明协议正文及中文译本的准备情况）')],
    });
    return;
  }
  if (!isSigned(documentStage(data))) return;
  const signed = isoOf(data['签署日期']);
  if (!signed) return;
  const handed = isoOf(data['译本移交日期']);
  const deadline = addWorkingDays(signed, LIMIT, context.calendar);
  if (!handed) {
    context.report({
      rule: id,
      severity: 'warning',
      message: `涉外协议已签署（${signed}），文件头未记录“译本移交日期”。${note}应在签署后5个工作日内（${deadline}前）到区政府办公室移交协议正文及中文译本，并记录移交日期。`,
      span: frontMatterAnchor(context, '译本移交日期', '签署日期'),
      citation,
      seeAlso,
    });
    return;
  }
  const span = fm.entries.get('译本移交日期')!.valueSpan;
  if (handed < signed) {
    context.report({ rule: id, severity: 'warning', message: `译本移交日期（${handed}）早于签署日期（${signed}）：移交的是签署后的协议文本。请核对日期。`, span, citation });
    return;
  }
  const used = workingDaysBetween(signed, handed, context.calendar);
  if (used > LIMIT) {
    context.report({ rule: id, severity: 'warning', message: `译本移交日期（${handed}）在签署后第${used}个工作日，超过5个工作日的期限（${deadline}）。`, span, citation });
  }
}
