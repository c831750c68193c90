import type { CategoryRule } from './pack/types';
import type { AgreementDocument } from './parse';

/** The document's 文种 as written in the front matter, trimmed; undefined when absent. */
export function documentDocType(doc: AgreementDocument): string | undefined {
  const value = doc.frontMatter.data['文种'];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * Does a section or element limited to `docTypes` apply to a document of `docType`? Always when
 * the rule names no 文种, and when the document's 文种 is unknown or not one of the category's
 * (a 备忘录 in a category of 议定书 and 协议书 gets the whole framework); otherwise only for
 * the named 文种.
 */
export function appliesToDocType(docTypes: string[] | undefined, docType: string | undefined, category: CategoryRule | undefined): boolean {
  if (!docTypes?.length || docType === undefined) return true;
  if (!category?.docTypes?.includes(docType)) return true;
  return docTypes.includes(docType);
}
