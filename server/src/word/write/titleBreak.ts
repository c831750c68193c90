/**
 * Where a long 公文 title breaks (GB/T 9704-2012 7.3.1: 回行时词意完整，排列对称，长短适宜，
 * 梯形或菱形): at a word boundary officers use — after 与/和/关于, before the 文种 — with lines
 * as even as possible, the upper one no longer than the lower (梯形); never inside a name when
 * such a boundary exists.
 */
const AFTER = /与|和|及|关于|同/g;
const BEFORE = /(?:战略|全面|深化|框架|友好)?(?:合作)?(?:协议书?|议定书|意向书|备忘录|宣言|实施方案|合同)$/;

/** Break offsets (into the title) for lines of at most `capacity` characters; [] when it fits on one line. */
export function titleBreaks(title: string, capacity: number): number[] {
  const chars = [...title];
  if (capacity <= 0 || chars.length <= capacity) return [];
  const candidates = new Set<number>();
  for (const m of title.matchAll(AFTER)) candidates.add(m.index! + m[0].length);
  const tail = BEFORE.exec(title);
  if (tail && tail.index > 0) candidates.add(tail.index);
  const lines = Math.ceil(chars.length / capacity);
  if (lines === 2) {
    let best: { at: number; score: number } | null = null;
    for (const at of candidates) {
      const first = [...title.slice(0, at)].length;
      const second = chars.length - first;
      if (first > capacity || second > capacity || first === 0 || second === 0) continue;
      // Even lines first; an upper line longer than the lower (an inverted trapezoid) costs a little.
      const score = Math.abs(first - second) + (first > second ? 3 : 0);
      if (!best || score < best.score) best = { at, score };
    }
    if (best) return [best.at];
  }
  // No usable boundary, or three lines and more: as even as the count of lines allows.
  const per = Math.ceil(chars.length / lines);
  const out: number[] = [];
  for (let i = 1; i < lines; i++) out.push(chars.slice(0, i * per).join('').length);
  return out;
}
