/**
 * Fixes on demand. Analysis reports findings without fix edits: a keystroke in a long
 * document computes no rewording, no section insert and no renumbering. A finding's fixes
 * are computed when they are asked for (a code action, fix-all, `--fix`, the hover that lists
 * them), once, from the text that was analysed.
 */
import type { FixSource } from '../context';
import { snapEdit } from '../textBoundaries';
import type { Finding, Fix } from '../types';

const sources = new WeakMap<Finding, () => Fix[]>();

/** Called by `analyze` for each finding it returns: how its fixes are computed on `text`. */
export function attachFixes(finding: Finding, text: string, source: FixSource): void {
  let fixes: Fix[] | undefined;
  sources.set(finding, () => (fixes ??= wholeCharacters(text, typeof source === 'function' ? source() : source)));
}

/**
 * The fixes of a finding `analyze` returned, computed now (and kept with the finding). A finding
 * that `analyze` did not return — a copy sent between threads, one read back from a cache, a
 * forged one — has none here: use `fixesFor` with the document's text.
 */
export function fixesOf(finding: Finding): Fix[] {
  return sources.get(finding)?.() ?? [];
}

/** Whether `analyze` returned this very finding (so `fixesOf` can answer for it). */
export function analysedFinding(finding: Finding): boolean {
  return sources.has(finding);
}

/** Fix edits on whole characters (see textBoundaries.ts); a fix already on them is kept as it is. */
function wholeCharacters(text: string, fixes: Fix[]): Fix[] {
  return fixes.map((fix) => {
    const edits = fix.edits.map((edit) => snapEdit(text, edit));
    return edits.every((edit, i) => edit === fix.edits[i]) ? fix : { ...fix, edits };
  });
}
