import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseUntrustedYaml } from '../core/parse/yamlGuard';
import { readRegularTextFile } from '../files/readRegularFile';
import type { PackProblem, SeverityOrOff } from '../core';
import type { WorkCalendar } from '../core/records/dates';
import { isoOf } from '../core/records/dates';
import { RC_FILE } from './rcFile';

export { RC_FILE };

/** `.agreementrc.yaml` holds a few keys; anything larger is not a configuration file. */
export const MAX_RC_BYTES = 256 * 1024;

/** What a workspace adds: pack files and severity overrides, from `.agreementrc.yaml` and settings. */
export interface WorkspaceConfig {
  packFiles: string[];
  severities: Record<string, SeverityOrOff>;
  /** `clauseModel: false` in `.agreementrc.yaml` turns the clause model off for the workspace. */
  clauseModel: boolean;
  /** `holidays` and `workdays` (调休上班): the working-day limits of 用印 and 译本移交 skip the holidays. */
  calendar?: WorkCalendar;
  problems: PackProblem[];
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Read `.agreementrc.yaml` from a folder (and settings' pack paths, relative to it).
 * Data only: nothing from the workspace is executed.
 */
export function readWorkspaceConfig(folder: string | undefined, settingPacks: string[], { confine = true }: { confine?: boolean } = {}): WorkspaceConfig {
  const config: WorkspaceConfig = { packFiles: [], severities: {}, clauseModel: true, problems: [] };
  // Packs are named relative to the folder and must stay inside it: an absolute path, `../` or a
  // symbolic link that leads out of the workspace is refused, so a workspace cannot load files from
  // elsewhere on the machine.
  // The command line (`confine: false`) runs on the user's own say-so and resolves paths as given.
  const addPack = (p: string, source: string, at: string) => {
    if (!confine) {
      config.packFiles.push(folder && !path.isAbsolute(p) ? path.join(folder, p) : p);
      return;
    }
    const inside = folder ? insideFolder(folder, p) : null;
    if (inside) config.packFiles.push(inside);
    else config.problems.push({ source, path: at, message: `规则包路径须在工作区文件夹之内（相对于该文件夹）：${p}` });
  };
  if (folder) {
    const rc = path.join(folder, RC_FILE);
    const read = readRegularTextFile(rc, MAX_RC_BYTES);
    if (!read.ok && !read.missing) config.problems.push({ source: rc, path: '', message: read.message });
    if (read.ok) {
      try {
        const text = read.text;
        const parsed = parseUntrustedYaml(text, 50);
        if (!parsed.ok) throw new Error(parsed.message);
        const data = parsed.data as { rulePacks?: unknown; rules?: unknown; clauseModel?: unknown; holidays?: unknown; workdays?: unknown } | null;
        if (data && data.clauseModel !== undefined) {
          if (typeof data.clauseModel === 'boolean') config.clauseModel = data.clauseModel;
          else config.problems.push({ source: rc, path: '/clauseModel', message: 'clauseModel 须为 true 或 false' });
        }
        const calendar = readCalendar(data, rc, config.problems);
        if (calendar) config.calendar = calendar;
        if (data && Array.isArray(data.rulePacks)) {
          data.rulePacks.forEach((p, i) => {
            if (typeof p === 'string') addPack(p, rc, `/rulePacks/${i}`);
          });
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
  settingPacks.forEach((p, i) => addPack(p, 'agreement.rulePacks', `/${i}`));
  return config;
}

/** `holidays: [2026-01-01, …]` and `workdays: [2026-01-04, …]`: dates as 2026-01-01 or 2026年1月1日. */
function readCalendar(data: { holidays?: unknown; workdays?: unknown } | null, rc: string, problems: PackProblem[]): WorkCalendar | undefined {
  if (!data || (data.holidays === undefined && data.workdays === undefined)) return undefined;
  const calendar: WorkCalendar = {};
  for (const key of ['holidays', 'workdays'] as const) {
    const list = data[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({ source: rc, path: `/${key}`, message: `${key} 应为日期列表，如 [2026-01-01, 2026-02-16]` });
      continue;
    }
    const dates: string[] = [];
    list.slice(0, 1000).forEach((value, i) => {
      // YAML reads an unquoted 2026-01-01 as a date.
      const iso = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : isoOf(value);
      if (iso) dates.push(iso);
      else problems.push({ source: rc, path: `/${key}/${i}`, message: '日期应写成 2026-01-01 或 2026年1月1日' });
    });
    calendar[key] = dates;
  }
  return calendar;
}

/** The pack's path when it lies inside `folder` once links are resolved; null otherwise. */
function insideFolder(folder: string, p: string): string | null {
  if (path.isAbsolute(p)) return null;
  const joined = path.resolve(folder, p);
  const root = realOr(folder);
  const real = realOr(joined);
  const within = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
  return within(path.resolve(folder, p), path.resolve(folder)) && within(real, root) ? joined : null;
}

function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    // A pack that does not exist yet: its folder decides (reading it will report that it is missing).
    try {
      return path.join(fs.realpathSync(path.dirname(p)), path.basename(p));
    } catch {
      return path.resolve(p);
    }
  }
}
