import type { ResolvedCitation } from './types';

/** The document a citation names: its 文号, or its title in 《》 when it has none. */
export function citationDocument(c: ResolvedCitation): string {
  return c.docNumber ? c.docNumber : `《${c.title}》`;
}

/** A short label: `河北政办〔2017〕47号 二(四)` or `《厅市会商工作管理办法》 第十五条`. */
export function citationLabel(c: ResolvedCitation): string {
  return c.article ? `${citationDocument(c)} ${c.article}` : citationDocument(c);
}

/**
 * The article as shown to officers: an article key recorded as not verified
 * (（条次未核）, （节号未核）) is not shown; the citation names the document alone.
 */
export function shownArticle(article: string): string {
  return /未核/.test(article) ? '' : article;
}
