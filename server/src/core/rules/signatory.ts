/**
 * procedure/signatory — 签署人. 河北政办〔2017〕47号 二：合作协议由区政府领导同志（或区长授权有关负责
 * 同志）以个人签名的形式签署；三(五)：本着相对对等的原则安排双方签署人.
 * 《厅市会商工作管理办法》第十五条、第十六条(四)：科技厅与市政府签订议定书，由科技厅厅长和市长签订.
 * Read from 签署人 (by party or in the parties' order) and 签署授权, else from the signature
 * block at the end of the text (代表（签字）：区长 某某); once signed, a signer found in
 * neither is asked for.
 */
import type { CheckContext } from '../context';
import { readRecord } from '../records/record';
import { frontMatterAnchor, frontMatterUsable } from '../records/recordStep';
import { isHb47, isTsh } from '../records/scope';
import { foreignness } from '../records/foreign';
import { isDistrictGovernment, signersByParty, type Signer } from '../records/signers';
import { recordedSigners } from '../records/signatureBlock';
import { documentStage, isSigned } from '../stage';

export const id = 'procedure/signatory';
/** Grades apart beyond which two government signers are not 相对对等 (区长 and 副部长). */
const GRADE_GAP = 3;

export function checkSignatory(context: CheckContext): void {
  if (!frontMatterUsable(context)) return;
  if (isTsh(context)) return checkTshSigners(context);
  if (!isHb47(context)) return;
  const data = context.doc.frontMatter.data;
  const signers = recordedSigners(context);
  const at = (signer?: Signer) =>
    context.doc.frontMatter.entries.get('签署人')?.valueSpan ?? signer?.span ?? frontMatterAnchor(context, '签署人');
  const cite = (article: string) => context.rules.resolve({ regulation: 'hb-2017-47', article });
  if (signers.length === 0) {
    if (!isSigned(documentStage(data))) return;
    context.report({
      rule: id,
      severity: 'info',
      message: '协议已签署，文件头未记录签署人。请写明双方签署人及其职务（如“签署人: {甲方: 区长 张某某, 乙方: 董事长 李某某}”）；由区长授权的负责同志签署的，另在“签署授权”中记录授权情况。',
      span: frontMatterAnchor(context, '签署日期', '签署人'),
      citation: cite('二'),
      seeAlso: [cite('三(五)'), cite('四(一)')].filter((c) => c !== undefined),
    });
    return;
  }
  const paired = signersByParty(context, signers);
  const ours = paired.find((p) => isDistrictGovernment(p.party));
  if (ours?.signer.post && !ours.signer.post.districtLeader && readRecord(data['签署授权']).kind !== 'given') {
    context.report({
      rule: id,
      severity: 'warning',
      message: `${ours.party!.role}“${ours.party!.name}”的签署人为“${ours.signer.text}”，不是区政府领导同志。合作协议应由区政府领导同志（或区长授权的负责同志）签名：由区长授权签署的，请在文件头“签署授权”中写明授权人、被授权人和授权文件。`,
      span: at(ours.signer),
      citation: cite('二'),
    });
  }
  if (!ours?.signer.post || foreignness(context).foreign) return;
  for (const other of paired) {
    if (other === ours || !other.signer.post) continue;
    const gap = unequal(ours.signer, other.signer);
    if (!gap) continue;
    context.report({
      rule: id,
      severity: 'warning',
      message: `双方签署人不相对对等：${ours.party!.role}由${ours.signer.post.name}签署，${other.party?.role ?? '对方'}由${other.signer.post.name}签署（${gap}）。请本着相对对等的原则与对方协商安排签署人。`,
      span: at(other.signer),
      citation: cite('三(五)'),
    });
  }
}

function unequal(a: Signer, b: Signer): string | null {
  const pa = a.post!;
  const pb = b.post!;
  if (pa.grade && pb.grade && Math.abs(pa.grade - pb.grade) >= GRADE_GAP) return '职级相差较大';
  if (pa.districtLeader && pb.enterprise === 'staff') return '对方签署人为一般管理人员';
  return null;
}

function checkTshSigners(context: CheckContext): void {
  const data = context.doc.frontMatter.data;
  const cite = (article: string) => context.rules.resolve({ regulation: 'hbkjt-tsh', article });
  const names = context.parties.list.map((p) => p.name);
  const bureau = names.some((n) => /科学技术厅|科技厅/.test(n));
  const city = names.some((n) => /市人民政府$|市政府$/.test(n));
  if (!bureau || !city) {
    context.report({
      rule: id,
      severity: 'warning',
      message: `厅市会商由科技厅与市人民政府签订，签约方中${!bureau ? '没有河北省科学技术厅' : '没有市人民政府'}（现为：${names.join('、') || '未写明'}）。请核对甲方、乙方。`,
      span: frontMatterAnchor(context, !bureau ? '甲方' : '乙方'),
      citation: cite('第十五条'),
    });
  }
  if (data['文种'] !== '议定书') return;
  const signers = recordedSigners(context);
  if (signers.length === 0) {
    if (!isSigned(documentStage(data))) return;
    context.report({
      rule: id,
      severity: 'info',
      message: '议定书已签署，文件头未记录签署人。议定书由科技厅厅长和市长签订：请写明“签署人: {甲方: 厅长 某某, 乙方: 市长 某某}”。',
      span: frontMatterAnchor(context, '签署日期'),
      citation: cite('第十六条'),
    });
    return;
  }
  const posts = signers.map((s) => s.post?.name);
  const missing = [!posts.includes('厅长') ? '科技厅厅长' : '', !posts.includes('市长') ? '市长' : ''].filter(Boolean);
  if (missing.length === 0) return;
  context.report({
    rule: id,
    severity: 'warning',
    message: `议定书由科技厅厅长和市长签订，签署人中没有${missing.join('和')}（现为：${signers.map((s) => s.text).join('、')}）。`,
    span: context.doc.frontMatter.entries.get('签署人')?.valueSpan ?? signers[0].span ?? frontMatterAnchor(context, '签署日期'),
    citation: cite('第十六条'),
  });
}
