/**
 * Where a document stands: 阶段 in the front matter (起草, 征求意见, 送审, 已签署, 已归档).
 * It decides which duties apply: 签署日期 may be 待定 or absent before signing,
 * 用印/归档 only once signed, legal review once the draft goes for approval.
 * Without 阶段, a document with a real 签署日期 counts as signed, else as a draft.
 */
export const STAGES = ['起草', '征求意见', '送审', '已签署', '已归档'] as const;
export type Stage = (typeof STAGES)[number];

/** 2026-01-10 or 2026年1月10日 (full-width digits allowed), a real calendar day. */
export function parseDate(value: unknown): { year: number; month: number; day: number } | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value.trim());
}

export function documentStage(data: Record<string, unknown>): Stage {
  const given = data['阶段'];
  if (isStage(given)) return given.trim() as Stage;
  return parseDate(data['签署日期']) ? '已签署' : '起草';
}

export function isSigned(stage: Stage): boolean {
  return stage === '已签署' || stage === '已归档';
}
