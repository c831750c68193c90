/**
 * procedure/seal-instruction — 凭批示件用印. 河北政办〔2017〕47号 三(五)：区政府领导同志在协议文本上
 * 签字的，直接用印；未在协议文本上签字的，须持区政府领导同志批示件办理. Applies once 用印日期 is
 * recorded and the 区人民政府's signer is not a 区政府领导.
 */
import type { CheckContext } from '../context';
import { insertKeyFix } from '../checks/procedures';
import { isoOf } from '../records/dates';
import { readRecord } from '../records/record';
import { frontMatterAnchor, frontMatterUsable } from '../records/recordStep';
import { isHb47 } from '../records/scope';
import { isDistrictGovernment, signersByParty } from '../records/signers';
import { recordedSigners } from '../records/signatureBlock';

export const id = 'procedure/seal-instruction';

export function checkSealInstruction(context: CheckContext): void {
  if (!frontMatterUsable(context) || !isHb47(context)) return;
  const fm = context.doc.frontMatter;
  if (!isoOf(fm.data['用印日期'])) return;
  const ours = signersByParty(context, recordedSigners(context)).find((p) => isDistrictGovernment(p.party));
  if (!ours?.signer.post || ours.signer.post.districtLeader) return;
  const record = readRecord(fm.data['批示件']);
  if (record.kind === 'given') return;
  context.report({
    rule: id,
    severity: 'warning',
    message: `区政府领导同志未在协议文本上签字（签署人为“${ours.signer.text}”），用印须持区政府领导同志批示件办理${record.kind === 'negative' ? `；“批示件: ${record.text}”不是批示件记录` : fm.entries.has('批示件') ? '；“批示件”尚未填写实际内容' : ''}。请在文件头“批示件”中写明批示的领导、日期和文号。`,
    span: frontMatterAnchor(context, '批示件', '用印日期'),
    citation: context.rules.resolve({ regulation: 'hb-2017-47', article: '三(五)' }),
    fixes: () => fm.entries.has('批示件') ? [] : [insertKeyFix(context, '批示件', '（写明批示的区政府领导、日期和文号）')],
  });
}
