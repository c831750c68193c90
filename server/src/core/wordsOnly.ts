/**
 * `text.replace(/[\s\p{P}\p{S}]/gu, '')`: a text without blanks, punctuation and symbols, the
 * words it says. The same result by a per-character table filled on first sight of each
 * character (from that very expression), with unchanged runs copied as slices: this runs on
 * every line of the sections the element and placeholder checks read.
 */
const NOT_A_WORD = /[\s\p{P}\p{S}]/u;

/** Per BMP code unit: 0 not yet seen, 1 dropped, 2 kept. */
const seen = new Uint8Array(0x10000);

function dropped(c: number): boolean {
  let known = seen[c];
  if (known === 0) {
    known = NOT_A_WORD.test(String.fromCharCode(c)) ? 1 : 2;
    seen[c] = known;
  }
  return known === 1;
}

export function wordsOnly(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // A supplementary character: one code point, tested as such.
        if (NOT_A_WORD.test(text.slice(i, i + 2))) {
          out += text.slice(copied, i);
          copied = i + 2;
        }
        i++;
        continue;
      }
    }
    if (dropped(c)) {
      out += text.slice(copied, i);
      copied = i + 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}
