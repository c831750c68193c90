import type { Connection } from 'vscode-languageserver';
import type { AnalyzeOptions, SeverityOrOff } from './core';
import { DEFAULT_MAX_SIZE } from './core';

/** The `agreement.*` settings, per resource. */
export interface Settings {
  enable: boolean;
  rules: Record<string, SeverityOrOff>;
  rulePacks: string[];
  /** `agreement.clauseModel`: let the statistical clause model judge too. */
  clauseModel: boolean;
  maxFileSize: number;
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, rulePacks: [], clauseModel: true, maxFileSize: DEFAULT_MAX_SIZE, debounceMs: 200 };

/** In the editor, rule-pack patterns may spend this long on one version of a document; then the analysis says it stopped. */
export const PATTERN_BUDGET_MS = 2000;

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Pulls settings per URI from the client, caches them, and forgets them on change. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly options = new Map<string, AnalyzeOptions>();
  constructor(private readonly connection: Connection, private readonly supportsConfiguration: () => boolean) {}

  get(uri: string): Promise<Settings> {
    if (!this.supportsConfiguration()) return Promise.resolve(DEFAULT_SETTINGS);
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'agreement' })
        .then((raw) => sanitize(raw), () => DEFAULT_SETTINGS);
      this.cache.set(uri, pending);
    }
    return pending;
  }

  /** Stable analyse options object per URI and settings, so analyses can be cached by identity. */
  analyzeOptions(uri: string, settings: Settings, extraSeverities: Record<string, SeverityOrOff>, calendar?: AnalyzeOptions['calendar']): AnalyzeOptions {
    const key = JSON.stringify([settings.rules, settings.maxFileSize, extraSeverities, calendar ?? null]);
    const cached = this.options.get(uri);
    if (cached && (cached as { key?: string }).key === key) return cached;
    const options = { severities: { ...extraSeverities, ...settings.rules }, maxSize: settings.maxFileSize, patternBudgetMs: PATTERN_BUDGET_MS, ...(calendar ? { calendar } : {}), key } as AnalyzeOptions & { key: string };
    this.options.set(uri, options);
    return options;
  }

  clear(uri?: string): void {
    if (uri) {
      this.cache.delete(uri);
      this.options.delete(uri);
    } else {
      this.cache.clear();
      this.options.clear();
    }
  }
}

export function sanitize(raw: unknown): Settings {
  const value = (raw ?? {}) as Partial<Record<keyof Settings, unknown>>;
  const rules: Record<string, SeverityOrOff> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[id] = severity as SeverityOrOff;
    }
  }
  return {
    enable: value.enable !== false,
    rules,
    rulePacks: Array.isArray(value.rulePacks) ? value.rulePacks.filter((p): p is string => typeof p === 'string') : [],
    clauseModel: value.clauseModel !== false,
    maxFileSize: typeof value.maxFileSize === 'number' && value.maxFileSize > 0 ? value.maxFileSize : DEFAULT_MAX_SIZE,
    debounceMs: typeof value.debounceMs === 'number' && value.debounceMs >= 0 ? Math.min(value.debounceMs, 5000) : 200,
  };
}
