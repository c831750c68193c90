/**
 * Stable commitment ids: a hash of the agreement's key, the committing party and the
 * promise's normalised words, so an edit elsewhere in the agreement (a new clause, a
 * renumbering, a changed date in another clause) leaves every other id unchanged.
 * Two identical promises of the same party get `-2`, `-3` … in document order.
 */

/** Words only: blanks, punctuation and clause markers do not count; full-width digits count as digits. */
export function normalisePromise(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s　，。；：、！？,.;:!?“”"'‘’（）()《》【】\[\]<>—\-…·]/g, '');
}

/** 64 bits of FNV-1a (two 32-bit lanes with different seeds), base 36. */
export function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193) >>> 0;
  }
  return a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0');
}

export function commitmentId(documentKey: string, role: string, text: string): string {
  return `CN-${hash(`${documentKey}\u0000${role}\u0000${normalisePromise(text)}`).slice(0, 10).toUpperCase()}`;
}

/** Ids for a document's commitments, in order, with collisions numbered. */
export function commitmentIds(documentKey: string, items: Array<{ role: string; text: string }>): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = commitmentId(documentKey, item.role, item.text);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
