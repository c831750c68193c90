/**
 * format/doc-type — 文种与类别不相配，例如对口合作类写成“协议书”而非“实施方案”.
 * Each category's usual 文种 come from its pack (`docTypes`), with the category's citation.
 */
import type { CheckContext } from '../context';

export const id = 'format/doc-type';

export function checkDocType(context: CheckContext): void {
  const { category, doc, rules } = context;
  if (!category?.docTypes?.length) return;
  const docType = doc.frontMatter.data['文种'];
  if (typeof docType !== 'string' || category.docTypes.includes(docType)) return;
  const entry = doc.frontMatter.entries.get('文种')!;
  context.report({
    rule: id,
    severity: 'warning',
    message: `${category.name}类文书通常采用${category.docTypes.join('或')}，此处为“${docType}”。请核对文种。`,
    span: entry.valueSpan,
    citation: rules.resolve(category.citation),
    fixes: category.docTypes.map((value) => ({ title: `改为“${value}”`, edits: [{ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: value }], safe: false })),
  });
}
