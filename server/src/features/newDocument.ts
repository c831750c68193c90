import { allowedValues } from '../core/authoring/explain';
import { buildSkeleton, skeletonText } from '../core/authoring/skeleton';
import { skeletonSnippet } from '../core/authoring/snippets';
import type { RuleSet } from '../core';
import type { CategoriesResult, NewDocumentParams, NewDocumentResult } from '../protocol';

/** `agreement/categories`: the 文种 and the categories of the rule set, for the 新建协议文书 pickers. */
export function categories(ruleSet: RuleSet): CategoriesResult {
  return {
    docTypes: allowedValues('文种'),
    categories: [...ruleSet.categories.values()].map((c) => ({
      name: c.name,
      description: c.description,
      docTypes: c.docTypes ?? [],
      sections: c.sections.filter((s) => s.required !== false).map((s) => s.name),
    })),
  };
}

/** `agreement/newDocument`: the new document from the category's skeleton, as text and as a snippet. */
export function newDocument(ruleSet: RuleSet, params: NewDocumentParams): NewDocumentResult {
  const category = ruleSet.categories.get(params.category);
  const skeleton = buildSkeleton(ruleSet, category, {
    docType: params.docType,
    partyA: params.partyA,
    partyB: params.partyB,
    date: params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : undefined,
  });
  // 文种 was chosen already: no choice to tab through.
  const docTypeLine = skeleton.frontMatter.find((line) => line.key === '文种');
  if (docTypeLine) docTypeLine.choices = undefined;
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');
  return {
    text: skeletonText(skeleton),
    snippet: skeletonSnippet(skeleton).join('\n'),
    fileName: `${safe(params.category) || '协议'}-${safe(skeleton.docType)}.agreement.md`,
  };
}
