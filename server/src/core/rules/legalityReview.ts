/**
 * procedure/legality-review — 合法性审查. 河北政办〔2017〕47号 三(三)：上报区政府领导或常务会议审议前，
 * 由区政府办公室会同区法制办和相关职能部门审核；海安市信用办通知 四(二)：拟订的合同须履行合法性审查。
 * The legal adviser's opinion (procedure/legal-review) does not stand for it.
 */
import type { CheckContext } from '../context';
import { checkRecordStep, type RecordStep } from '../records/recordStep';
import { categoryOf, isGovernmentContract, isHb47 } from '../records/scope';

export const id = 'procedure/legality-review';

const step: RecordStep = {
  id,
  key: '合法性审查',
  label: '合法性审查',
  stages: ['送审', '已签署', '已归档'],
  applies: (c) =>
    isHb47(c) ? '报区政府领导或常务会议审议前须由区政府办公室会同区法制办进行合法性审查' : isGovernmentContract(c) ? `${categoryOf(c)}拟订时须履行合法性审查程序` : null,
  advice: '请履行合法性审查程序，并在文件头“合法性审查”中写明审查单位、日期和结论（法律顾问意见另行记录）。',
  insertValue: '（写明审查单位、日期和结论）',
  citation: { regulation: 'hb-2017-47', article: '三(三)' },
  seeAlso: [{ regulation: 'haian-2024-lyjn', article: '四(二)' }],
};

export function checkLegalityReview(context: CheckContext): void {
  checkRecordStep(context, step);
}
