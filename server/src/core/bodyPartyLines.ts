import type { AgreementDocument } from './parse';
import { PARTY_SCOPE, partyLinesIn, type PartyLine } from './parties';
import { TextMemo } from './textMemo';

/**
 * The body's party lines (see `bodyParties`) read piece by piece, each remembered piece's lines kept
 * across analyses: a long document re-analysed after an edit reads the party-line pattern over the
 * edited piece only, not over the first 200,000 characters. A party line is one line and every piece
 * starts a line, so the pieces' lines in order are those of the whole text. Undefined, and the body is
 * read as a whole, for a short document, a piece that starts inside a line (a heading inside a line),
 * or a text with line breaks other than \n (\r, U+2028, U+2029).
 */
const MEMO_MIN_TEXT = 1 << 15;
const memo = new TextMemo<PartyLine[]>(partyLinesIn, 1 << 21);

export function bodyPartyLines(doc: AgreementDocument, bodyFrom: number): PartyLine[] | undefined {
  const { text, pieces } = doc;
  if (text.length < MEMO_MIN_TEXT || pieces.length === 0 || pieces[0].start < bodyFrom) return undefined;
  const scopeEnd = Math.min(text.length, bodyFrom + PARTY_SCOPE);
  const scope = text.slice(bodyFrom, scopeEnd);
  if (scope.indexOf('\r') >= 0 || scope.indexOf('\u2028') >= 0 || scope.indexOf('\u2029') >= 0) return undefined;
  for (const piece of pieces) {
    if (piece.start >= scopeEnd) break;
    if (piece.start > bodyFrom && text.charCodeAt(piece.start - 1) !== 10) return undefined;
  }
  const out: PartyLine[] = [];
  const add = (lines: PartyLine[]) => {
    for (const line of lines) out.push(line);
  };
  if (pieces[0].start > bodyFrom) add(partyLinesIn(text.slice(bodyFrom, Math.min(pieces[0].start, scopeEnd))));
  for (const piece of pieces) {
    if (piece.start >= scopeEnd) break;
    if (piece.end > scopeEnd) add(partyLinesIn(text.slice(piece.start, scopeEnd)));
    else add(piece.id !== 0 ? memo.getKept(piece.text) : partyLinesIn(text.slice(piece.start, piece.end)));
  }
  return out;
}
