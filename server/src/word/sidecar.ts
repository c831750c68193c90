/**
 * The sidecar beside a Word file, `draft.docx.agreement.yaml`: front-matter values the
 * officer writes once (类别, 牵头单位 …) because the draft itself cannot state them. Values
 * given there win over values inferred from the text.
 */
import { parse } from 'yaml';

export const SIDECAR_SUFFIX = '.agreement.yaml';
export const MAX_SIDECAR_BYTES = 64 * 1024;

export type Sidecar = { ok: true; values: Record<string, unknown> } | { ok: false; message: string };

export function parseSidecar(text: string, name: string): Sidecar {
  if (text.length > MAX_SIDECAR_BYTES) return { ok: false, message: `配套文件头 ${name} 过大（超过 64 KB）。` };
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 16 });
  } catch (error) {
    return { ok: false, message: `配套文件头 ${name} 不是有效的 YAML：${(error as Error).message.split('\n')[0]}` };
  }
  if (value === null || value === undefined) return { ok: true, values: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: `配套文件头 ${name} 应是“键: 值”的列表（如 类别: 企业集团）。` };
  return { ok: true, values: value as Record<string, unknown> };
}
