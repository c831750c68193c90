/**
 * The clause model's say on a sentence (clause/model/): the most likely risk family, when
 * the model is sure enough, the family's rule applies to the document's category and no
 * rule reported that family on the sentence already. The finding carries the family's rule,
 * citation and advice, its message says it is a model's judgement and how sure the model
 * is, it offers no rewording, and it is never more than a warning.
 *
 * Where rules reported the sentence, their findings stand as they made them (an explicit
 * match is explained by its words; bigram weights are not, and they lean towards the topics
 * of the sentences they were trained on), and the model may only add a family they did not
 * name: 按“一企一策”原则给予专项扶持，具体内容另行商定 wakes the open-ended-reward rule, and
 * reads as a case-by-case policy too.
 */
import { bigramRowOf, featureRows, judge, judgeBeside, probabilitiesOf, riskOf, type ClauseModel } from '../clause/model/classifier';
import { clauseStart, negatedBefore } from '../clause/language';
import { modelSymbols, symbolsText } from '../clause/model/features';
import type { CheckContext } from '../context';
import type { CompiledClause, RuleSet } from '../pack/ruleSet';
import type { Severity } from '../pack/types';
import type { ClauseHit } from './clauses';

/** Shorter prepared texts (a label, a heading fragment) say too little to judge. */
const MIN_MODEL_TEXT = 8;
const TRIMMED_START = /^[\s\u3000]*/;
const TRIMMED_END = /[\s\u3000。；;！!？?、，,]*$/;
/** Beside the rules' findings, a family is added when it holds this share of the risk the model sees (chosen on the fifth development set). */
const BESIDE_SHARE = 0.4;

const byId = new WeakMap<RuleSet, Map<string, CompiledClause>>();

export function withModel(context: Pick<CheckContext, 'rules' | 'parties'>, text: string, category: string | undefined, leadIn: string | undefined, ruleHits: ClauseHit[]): ClauseHit[] {
  const model = context.rules.clauseModel;
  if (!model) return ruleHits;
  const ruled = ruleHits.length > 0;
  const { units, length } = modelSymbols(leadIn ? `${leadIn}${text}` : text, context.parties.mentions);
  if (length < MIN_MODEL_TEXT) return ruleHits;
  const found = featureRows(model, units, length);
  // The gate asks "risk or none?": a rule has answered that already.
  if (!ruled && riskOf(model, found) < model.gate.threshold) return ruleHits;
  const p = probabilitiesOf(model, found);
  const clauses = clausesById(context.rules);
  const applies = (family: string) => {
    const clause = clauses.get(family);
    return clause !== undefined && (!category || !clause.rule.categories || clause.rule.categories.includes(category)) && !ruleHits.some((hit) => hit.clause === clause);
  };
  const verdict = ruled ? judgeBeside(model, p, applies, BESIDE_SHARE) : judge(model, p, applies);
  if (!verdict) return ruleHits;
  const clause = clauses.get(verdict.family)!;
  if (saysItIsNegated(model, clause, symbolsText(units, length), verdict.family)) return ruleHits;
  const start = TRIMMED_START.exec(text)?.[0].length ?? 0;
  const end = Math.max(start, text.length - (TRIMMED_END.exec(text)?.[0].length ?? 0));
  if (end <= start) return ruleHits;
  return [...ruleHits, { clause, start, end, model: verdict.probability }];
}

/**
 * Character bigrams do not read negation scope: 甲方不直接将特许经营权授予乙方 looks like a
 * grant. Where the words that weigh most for the family stand under a negation in their own
 * comma-clause (the same reading the rules' negation cues give), the model keeps quiet —
 * unless the family's own rule reads a negation as the risk (不予补偿, 不再追究: a slot that
 * is not negatable).
 */
function saysItIsNegated(model: ClauseModel, clause: CompiledClause, text: string, family: string): boolean {
  if (clause.patterns.some((p) => p.slots.some((slot) => !slot.negatable))) return false;
  const at = strongestFeature(model, text, model.classes.indexOf(family));
  return at >= 0 && negatedBefore(text, clauseStart(text, at), at);
}

/** Where the feature that weighs most for class k against no risk starts. */
function strongestFeature(model: ClauseModel, text: string, k: number): number {
  const K = model.classes.length;
  let best = -1;
  let bestWeight = 0;
  const weigh = (row: number, at: number) => {
    if (row < 0) return;
    const w = model.rows[row * K + k] - model.rows[row * K];
    if (w > bestWeight) {
      bestWeight = w;
      best = at;
    }
  };
  for (let i = 0; i < text.length; i++) {
    weigh(model.unigramRow[text.charCodeAt(i)], i);
    if (i > 0) weigh(bigramRowOf(model, text.charCodeAt(i - 1), text.charCodeAt(i)), i - 1);
  }
  return best;
}


function clausesById(rules: RuleSet): Map<string, CompiledClause> {
  let map = byId.get(rules);
  if (!map) {
    map = new Map(rules.clauses.map((c) => [c.rule.id, c]));
    byId.set(rules, map);
  }
  return map;
}

export function modelMessage(title: string, probability: number, advice: string): string {
  return `本句的写法与“${title}”一类风险条款相近（条款模型判断，置信度 ${Math.min(99, Math.round(probability * 100))}%），请人工核对是否存在该风险。${advice}`;
}

export function modelSeverity(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : severity;
}
