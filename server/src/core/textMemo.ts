/**
 * The results of a pure function of a text, kept across analyses: a document re-analysed
 * after an edit computes them again only for the passages whose text changed. Two
 * generations of at most `generationChars` characters of keys bound the memory; a key is a
 * flat copy, so a remembered passage never keeps an old version of the whole document
 * alive, and the function is applied to that copy (what it returns may point into it).
 */
let epoch = 0;

/** Forget every result kept across analyses: what an analysis that reuses nothing gives is what tests compare with. */
export function forgetRemembered(): void {
  epoch++;
}

/** Changes whenever `forgetRemembered` is called: memos of their own include it in their key. */
export function rememberedEpoch(): number {
  return epoch;
}

export class TextMemo<T> {
  private epoch = epoch;
  private current = new Map<string, { key: string; value: T }>();
  private previous = new Map<string, { key: string; value: T }>();
  private currentChars = 0;

  constructor(
    private readonly compute: (text: string) => T,
    private readonly generationChars: number,
  ) {}

  /**
   * `compute` overrides the memo's function for this call (the caller keys by all it reads);
   * `chars`: what the entry counts against the generation's size when it holds more than its key.
   */
  get(text: string, compute: (text: string) => T = this.compute, chars = text.length): T {
    return this.entry(text, compute, true, chars).value;
  }

  /**
   * The same for a text that is itself a remembered key of another memo (a piece's text, see
   * `Piece.id`): kept as it is, not copied, as it pins no document and is held anyway.
   */
  getKept(text: string, compute: (text: string) => T = this.compute): T {
    return this.entry(text, compute, false).value;
  }

  /**
   * The remembered key and value: the key is one string for a text as long as the text is
   * remembered, so the caller can key further memos by it (its hash is computed once, and a
   * lookup by the same string compares no characters).
   */
  entry(text: string, compute: (text: string) => T = this.compute, copy = true, chars = text.length): { key: string; value: T } {
    if (this.epoch !== epoch) {
      this.epoch = epoch;
      this.current = new Map();
      this.previous = new Map();
      this.currentChars = 0;
    }
    const hit = this.current.get(text);
    if (hit) return hit;
    const old = this.previous.get(text);
    if (text.length > this.generationChars) return old ?? { key: text, value: compute(text) };
    let entry = old;
    if (!entry) {
      // (' ' + text).slice(1) is a flat copy: the key must not pin the document the text was sliced from.
      const key = copy ? (' ' + text).slice(1) : text;
      entry = { key, value: compute(key) };
    }
    if (this.currentChars + chars > this.generationChars) {
      this.previous = this.current;
      this.current = new Map();
      this.currentChars = 0;
    }
    this.current.set(entry.key, entry);
    this.currentChars += chars;
    return entry;
  }
}
