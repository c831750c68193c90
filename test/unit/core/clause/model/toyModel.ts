import { modelText } from '../../../../../server/src/core/clause/model/features';
import { DEFAULT_TRAINING, trainClauseModel, type TrainingExample } from '../../../../../server/src/core/clause/model/train';
import type { ClauseModelData } from '../../../../../server/src/core/clause/model/classifier';

export const TOY_MENTIONS = [
  { text: '甲方', government: true },
  { text: '乙方', government: false },
];

const risky = (label: string, texts: string[]) => texts.map((t) => ({ text: modelText(t, TOY_MENTIONS), label }));

/** A small model on a few sentences: enough to tell tax rebates and exclusivity from ordinary clauses. */
export function toyExamples(): TrainingExample[] {
  return [
    ...risky('clause/tax-rebate', ['甲方将乙方缴纳的税收返还乙方', '甲方按乙方纳税额的一半奖励乙方', '乙方缴纳税款的地方留成部分由甲方返还', '甲方按税收贡献返还乙方', '乙方上缴税收由甲方全额返还']),
    ...risky('clause/exclusive', ['甲方不再引进与乙方同类的企业', '乙方享有园区内独家经营权', '甲方承诺不与其他企业合作同类项目', '乙方是本区唯一的合作企业', '甲方保证乙方在本区独家经营']),
    ...risky('none', ['乙方依法纳税', '双方加强沟通协调', '乙方按期完成项目建设', '甲方依法依规提供政务服务', '本协议一式四份', '双方友好协商解决争议', '乙方自行承担经营风险', '甲方依法监督乙方履约']),
  ];
}

export function toyModelData(overrides: Partial<ClauseModelData> = {}): ClauseModelData {
  const data = trainClauseModel(toyExamples(), { sentences: 18, sha256: 'toy' }, { ...DEFAULT_TRAINING, epochs: 40, minCount: 1, threshold: 0.5, gate: 0.05 });
  return { ...data, ...overrides };
}
