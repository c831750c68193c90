import type { AgreementDocument } from './parse';
import type { Span } from './types';

/**
 * A notice that carries the agreement as its attachment (关于印发《……合作协议》的通知 … 附件：…).
 * The agreement is what is checked: the notice's own lines are blanked out (line breaks and
 * offsets kept, so every finding lands where it is in the file).
 */
export interface AttachedAgreement {
  /** The notice's title line. */
  noticeSpan: Span;
  /** Where the attached agreement starts (its title line). */
  start: number;
  /** The text with the notice's body replaced by blanks. */
  masked: string;
}

const NOTICE_TITLE = /(关于)?(印发|转发|报送).{0,80}(的)?通知\s*$/;
const ATTACHMENT_MARK = /^[ \t\u3000]*附件[ \t\u3000]*\d*[：:]?[ \t\u3000]*(.*)$/;
const AGREEMENT_TITLE = /(协议|协议书|议定书|意向书|备忘录|宣言|实施方案|合同)[ \t\u3000]*$/;

export function findAttachedAgreement(doc: AgreementDocument): AttachedAgreement | null {
  const { text, lines } = doc;
  const firstLine = lines.positionAt(doc.frontMatter.bodyStart).line;
  let notice: Span | null = null;
  // The last 附件 mark followed by an agreement's title: the notice may list its attachments first.
  let agreementStart: number | null = null;
  for (let line = firstLine; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const content = text.slice(start, lines.lineContentEnd(line)).replace(/^#+[ \t]*/, '');
    if (content.trim().length === 0) continue;
    if (!notice) {
      if (!NOTICE_TITLE.test(content.trim())) return null;
      notice = { start, end: lines.lineContentEnd(line) };
      continue;
    }
    const mark = ATTACHMENT_MARK.exec(content);
    if (!mark) continue;
    // 附件：《……合作协议》 names it in the notice's list; the agreement itself starts at its own title below.
    const title = nextTitle(doc, mark[1].trim() ? line : line + 1);
    if (title !== null) agreementStart = title;
  }
  if (!notice || agreementStart === null) return null;
  const masked = text.slice(0, doc.frontMatter.bodyStart) + text.slice(doc.frontMatter.bodyStart, agreementStart).replace(/[^\r\n]/g, ' ') + text.slice(agreementStart);
  return { noticeSpan: notice, start: agreementStart, masked };
}

/** The first line from `from` on that is an agreement's own title (not a list item 1.《…》). */
function nextTitle(doc: AgreementDocument, from: number): number | null {
  const { text, lines } = doc;
  for (let line = from; line < Math.min(lines.lineCount, from + 6); line++) {
    const raw = text.slice(lines.lineStarts[line], lines.lineContentEnd(line));
    const content = raw.replace(/^#+[ \t]*/, '').replace(/^[ \t\u3000]*附件[ \t\u3000]*\d*[：:]?/, '').trim();
    if (content.length === 0) continue;
    if (AGREEMENT_TITLE.test(content.replace(/[《》]/g, '')) && !/^\d+[.．、]/.test(content)) return lines.lineStarts[line];
    if (!/^[《\d]/.test(content)) return null;
  }
  return null;
}
