import { findPlaceholders } from '../placeholders';

/**
 * Inserted text as a snippet: each placeholder becomes a tab stop the officer fills in
 * turn (`${1:（甲方全称）}`), the rest is escaped. Null when the text has no placeholder.
 */
export function placeholderSnippet(text: string): string | null {
  const found = findPlaceholders(text);
  if (found.length === 0) return null;
  const escape = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
  let out = '';
  let cursor = 0;
  found.forEach((p, i) => {
    out += escape(text.slice(cursor, p.span.start)) + `\${${i + 1}:${escape(p.text)}}`;
    cursor = p.span.end;
  });
  return out + escape(text.slice(cursor));
}
