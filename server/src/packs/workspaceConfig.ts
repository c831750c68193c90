import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseUntrustedYaml } from '../core/parse/yamlGuard';
import type { PackProblem, SeverityOrOff } from '../core';

export const RC_FILE = '.agreementrc.yaml';

/** What a workspace adds: pack files and severity overrides, from `.agreementrc.yaml` and settings. */
export interface WorkspaceConfig {
  packFiles: string[];
  severities: Record<string, SeverityOrOff>;
  problems: PackProblem[];
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Read `.agreementrc.yaml` from a folder (and settings' pack paths, relative to it).
 * Data only: nothing from the workspace is executed.
 */
export function readWorkspaceConfig(folder: string | undefined, settingPacks: string[]): WorkspaceConfig {
  const config: WorkspaceConfig = { packFiles: [], severities: {}, problems: [] };
  const resolve = (p: string) => (folder && !path.isAbsolute(p) ? path.join(folder, p) : p);
  if (folder) {
    const rc = path.join(folder, RC_FILE);
    if (fs.existsSync(rc)) {
      try {
        const text = fs.readFileSync(rc, 'utf8');
        if (text.length > 256 * 1024) throw new Error('文件过大');
        const parsed = parseUntrustedYaml(text, 50);
        if (!parsed.ok) throw new Error(parsed.message);
        const data = parsed.data as { rulePacks?: unknown; rules?: unknown } | null;
        if (data && Array.isArray(data.rulePacks)) {
          for (const p of data.rulePacks) if (typeof p === 'string') config.packFiles.push(resolve(p));
        }
        if (data && data.rules && typeof data.rules === 'object') {
          for (const [id, severity] of Object.entries(data.rules as Record<string, unknown>)) {
            if (typeof severity === 'string' && SEVERITIES.has(severity)) config.severities[id] = severity as SeverityOrOff;
            else config.problems.push({ source: rc, path: `/rules/${id}`, message: `严重程度须为 error、warning、info、hint 或 off` });
          }
        }
      } catch (error) {
        config.problems.push({ source: rc, path: '', message: `无法读取：${(error as Error).message.split('\n')[0]}` });
      }
    }
  }
  for (const p of settingPacks) config.packFiles.push(resolve(p));
  return config;
}
