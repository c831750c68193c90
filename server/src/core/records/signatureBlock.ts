/**
 * Signers read from the signature block at the end of the text, when the front matter
 * records no 签署人:
 *
 *   甲方：某某区人民政府（盖章）          某某市人民政府（盖章）
 *   代表（签字）：区长 周文远             市长（签字）：梁清海
 *   签字：副区长 韩立新                   厅长：孙维岳（签字）
 *
 * Each signing line belongs to the party line above it (by its role, else by the party's
 * name); a line left blank for a signature is no signer.
 */
import type { CheckContext } from '../context';
import type { Span } from '../types';
import type { LineIndex } from '../parse';
import { postOf, readSigners, type Signer } from './signers';

/** How far from the end the block is looked for. */
const BLOCK_LINES = 30;

/** `label（签字）：value`, `签字：value`, `签署人：value`. */
const SIGN_AFTER = /^(.{0,12}?)[（(]?(?:签字|签名|签署|签章)(?:人)?[)）]?[：:]\s*(.*)$/;
/** `市长：梁清海（签字）`. */
const SIGN_BEFORE = /^(.{0,12}?)[：:]\s*(.+?)\s*[（(](?:签字|签名)[)）]\s*$/;
const ROLE_LINE = /^([甲乙丙丁戊己]方)/;

export interface BlockSigner extends Signer {
  span: Span;
}

/** 签署人 from the front matter, else the signers of the signature block. */
export function recordedSigners(context: CheckContext): Signer[] {
  const recorded = readSigners(context.doc.frontMatter.data['签署人']);
  return recorded.length > 0 ? recorded : signatureBlockSigners(context);
}

/**
 * The last `count` lines of `text` from `from` on (the first one from `from` when it starts
 * inside a line), without their line breaks; no empty line after a final line break. Read
 * from the line index, back from the end: a long document's body is not split again.
 */
export function lastLines(index: LineIndex, text: string, from: number, count: number): Array<{ text: string; start: number }> {
  const lines: Array<{ text: string; start: number }> = [];
  if (from >= text.length) return lines;
  const starts = index.lineStarts;
  let k = starts.length - 1;
  if (starts[k] >= text.length) k--;
  for (; k >= 0 && lines.length < count; k--) {
    const start = Math.max(starts[k], from);
    lines.push({ text: text.slice(start, index.lineContentEnd(k)), start });
    if (starts[k] <= from) break;
  }
  return lines.reverse();
}

export function signatureBlockSigners(context: CheckContext): BlockSigner[] {
  const { text } = context.doc;
  const bodyStart = context.doc.frontMatter.present ? context.doc.frontMatter.span.end : 0;
  const signers: BlockSigner[] = [];
  let role: string | undefined;
  // Parties side by side (甲方（盖章）　　乙方（盖章）): the signing line below them is read column by column.
  let columns: string[] = [];
  for (const line of lastLines(context.doc.lines, text, bodyStart, BLOCK_LINES)) {
    const parts = segments(line.text, line.start);
    const roles: string[] = [];
    parts.forEach((segment, i) => {
      const roleHere = partyRole(context, segment.text);
      if (roleHere) {
        role = roleHere.role;
        roles.push(roleHere.role);
      }
      const signer = signerOf(segment.text.slice(roleHere?.consumed ?? 0));
      if (!signer) return;
      const column = !roleHere && parts.length > 1 && columns.length === parts.length ? columns[i] : undefined;
      signers.push({ ...signer, role: signer.role ?? column ?? role, span: { start: segment.start, end: segment.start + segment.text.length } });
    });
    if (roles.length > 0) columns = roles;
  }
  return signers;
}

function segments(line: string, start: number): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = /[^　\t]+(?: [^ 　\t]+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const trimmed = m[0].trim();
    if (trimmed) out.push({ text: trimmed, start: start + m.index + m[0].indexOf(trimmed) });
  }
  return out;
}

/** The party a line opens: 甲方…, or a line naming a party with its seal. */
function partyRole(context: CheckContext, segment: string): { role: string; consumed: number } | undefined {
  const m = ROLE_LINE.exec(segment);
  if (m && !/^[甲乙丙丁戊己]方(?:授权)?代表/.test(segment)) {
    // 甲方（盖章）：某某区人民政府 — nothing after the party's name is a signer.
    return { role: m[1], consumed: /签字|签名/.test(segment) ? segment.search(/[^（(：:]*[（(]?(?:签字|签名)/) : segment.length };
  }
  if (!/盖章|公章|印章/.test(segment)) return undefined;
  const party = context.parties.list.find((p) => p.name.length > 1 && segment.includes(p.name));
  return party ? { role: party.role, consumed: segment.length } : undefined;
}

function signerOf(segment: string): Signer | undefined {
  const explicitRole = /^([甲乙丙丁戊己]方)/.exec(segment)?.[1];
  const m = SIGN_AFTER.exec(segment) ?? SIGN_BEFORE.exec(segment);
  if (!m) return undefined;
  const label = m[1].replace(/^[甲乙丙丁戊己]方/, '').trim();
  const value = m[2].replace(/[（(](?:签字|签名|盖章)[)）]/g, '').replace(/[_＿\s　]+$/, '').trim();
  // A blank left for the signature, a date, or only underscores.
  if (!value || /^[_＿.…\s　]*$/.test(value) || /^\d{4}\s*年|^[年月日\s　]+$/.test(value)) return undefined;
  const text = postOf(value) || !postOf(label) ? value : `${label} ${value}`;
  return { role: explicitRole, text, post: postOf(value) ?? postOf(label) };
}
