/**
 * Text from documents and file names, made safe for a terminal or a CI log. A document can
 * hold escape sequences (ESC [ 2 K erases a line; OSC 52 writes the clipboard) and
 * bidirectional overrides that reorder what is shown: every control character other than
 * newline and tab, and every bidi control, is shown as a visible `\xNN` / `\u{NNNN}` escape.
 */
// C0 controls but \t and \n, DEL, C1 controls; bidi embeddings, overrides and isolates; the line/paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** The same for one line: a newline inside a message or a file name is escaped too. */
export function printableLine(text: string): string {
  return printable(text).replace(/\n/g, '\\n');
}
