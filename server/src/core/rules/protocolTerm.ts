/**
 * procedure/protocol-term — 工作会商制度议定书的有效期（文件头“有效期”）偏离“一般为五年左右”.
 *
 * 《厅市会商工作管理办法》第十五条：会商工作制度的有效期视工作需要而定，一般为五年左右；
 * 有效期满，会商工作是否延续由双方另行商定。The body's own term is checked by the 有效期
 * section's element; this rule reads the record. A term of three to seven years counts as
 * about five; 长期 or a term outside that band is a warning (the regulation says 一般).
 */
import type { CheckContext } from '../context';
import { readNumber } from '../ledger/dates';

export const id = 'procedure/protocol-term';

const CATEGORY = '厅市会商';
const DOC_TYPE = '议定书';
const MIN_YEARS = 3;
const MAX_YEARS = 7;
const YEARS = /^\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*年\s*(?:左右)?\s*$/;
const RANGE = /^\s*(\d{4})[-年](\d{1,2})[-月](\d{1,2})日?\s*至\s*(\d{4})[-年](\d{1,2})[-月](\d{1,2})日?\s*$/;

export function checkProtocolTerm(context: CheckContext): void {
  const { category, doc, rules } = context;
  if (category?.name !== CATEGORY || doc.frontMatter.data['文种'] !== DOC_TYPE) return;
  const value = doc.frontMatter.data['有效期'];
  const entry = doc.frontMatter.entries.get('有效期');
  if (typeof value !== 'string' || !entry) return;
  const years = termYears(value);
  if (years === undefined) return;
  if (years !== null && years >= MIN_YEARS && years <= MAX_YEARS) return;
  const written = years === null ? '长期有效' : `约${formatYears(years)}年`;
  context.report({
    rule: id,
    severity: 'warning',
    message: `工作会商制度议定书的有效期一般为五年左右，文件头记录的有效期为“${value.trim()}”（${written}）。请核对有效期；确因工作需要另定期限的，在议定书中写明理由，期满是否延续由双方另行商定。`,
    span: entry.valueSpan.end > entry.valueSpan.start ? entry.valueSpan : entry.keySpan,
    citation: rules.resolve({ regulation: 'hbkjt-tsh', article: '第十五条' }),
  });
}

/** Years of the term; null for 长期; undefined when the value cannot be read (the schema reports it). */
function termYears(value: string): number | null | undefined {
  if (value.trim() === '长期') return null;
  const years = YEARS.exec(value);
  if (years) return readNumber(years[1]) ?? undefined;
  const range = RANGE.exec(value);
  if (!range) return undefined;
  const [y1, m1, d1, y2, m2, d2] = range.slice(1).map(Number);
  return y2 - y1 + (m2 - m1) / 12 + (d2 - d1) / 365;
}

function formatYears(years: number): string {
  return String(Math.round(years * 10) / 10);
}
