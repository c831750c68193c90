/**
 * Shared helpers for the integration suite (runs inside a VS Code extension
 * host; see test/integration/index.ts). Waiting is done on VS Code events with
 * a timeout, never with fixed sleeps.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DiagnosticData } from '../../server/src/protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
};

/** `publisher.name` from package.json. */
export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;
export const LANGUAGE_ID = 'agreement';
/**
 * `Diagnostic.source` the language server sets (server/src/features/diagnostics.ts
 * SOURCE); AGREEMENT_DIAGNOSTIC_SOURCE overrides it.
 */
export const DIAGNOSTIC_SOURCE = process.env.AGREEMENT_DIAGNOSTIC_SOURCE ?? 'agreement';

/** How long to wait for the language server (first start compiles the rule packs). */
export const SERVER_TIMEOUT_MS = Number(process.env.AGREEMENT_TEST_SERVER_TIMEOUT ?? 30_000);

/** Rule ids look like `family/name`, e.g. `section/missing`, `clause/exclusive`. */
export const RULE_ID = /^[a-z]+\/[a-z0-9-]+$/;
/** At least one CJK ideograph. */
export const CHINESE = /[\u4e00-\u9fff]/;

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run has no workspace folder open');
  return folder.uri.fsPath;
}

export function fixtureUri(name: string): vscode.Uri {
  const file = path.join(workspaceRoot(), name);
  assert.ok(fs.existsSync(file), `fixture ${file} does not exist`);
  return vscode.Uri.file(file);
}

/** Opens a workspace file in an editor (as a user would) and returns it. */
export async function openFixture(name: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/**
 * Opens `uri` in an editor through the workbench (`vscode.open`), as a user
 * would. Unlike `workspace.openTextDocument`, this holds no extension-host
 * reference, so closing the editor closes the document at once.
 */
export async function openAsUser(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  const find = () => vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  await waitUntil(() => !!find(), [vscode.workspace.onDidOpenTextDocument], `${path.basename(uri.fsPath)} to open`);
  return find()!;
}

/**
 * Copies a fixture into `<workspace>/scratch/` (git-ignored) so a test may
 * edit and save it; returns the copy's URI. Call `removeScratch()` afterwards.
 */
export function scratchCopy(name: string, as?: string): vscode.Uri {
  const dir = path.join(workspaceRoot(), 'scratch');
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, as ?? `${Date.now()}-${name}`);
  fs.copyFileSync(fixtureUri(name).fsPath, target);
  return vscode.Uri.file(target);
}

export function removeScratch(): void {
  fs.rmSync(path.join(workspaceRoot(), 'scratch'), { recursive: true, force: true });
}

/** Closes every editor, discarding unsaved changes (so fixtures stay untouched and no "Save?" dialog blocks the run). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled')) {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The rule id of a diagnostic: `code` may be a string, a number or `{ value, target }`. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined || c === null) return undefined;
  if (typeof c === 'string' || typeof c === 'number') return String(c);
  return String(c.value);
}

/** Only our extension's diagnostics (other extensions may add their own). */
export function ours(diags: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diags.filter(d => d.source === DIAGNOSTIC_SOURCE);
}

export function ruleIds(diags: readonly vscode.Diagnostic[]): string[] {
  return [...new Set(diags.map(codeOf).filter((c): c is string => !!c))].sort();
}

export function describeDiagnostics(diags: readonly vscode.Diagnostic[]): string {
  if (diags.length === 0) return '(none)';
  return diags
    .map(d => `  ${d.range.start.line + 1}:${d.range.start.character + 1} [${d.source ?? '-'}] ${codeOf(d) ?? '-'} ${vscode.DiagnosticSeverity[d.severity]}: ${d.message}`)
    .join('\n');
}

/**
 * Resolves with the diagnostics of `uri` once `predicate` holds for them,
 * checking now and then on every `onDidChangeDiagnostics` event for that URI.
 * Rejects after `timeoutMs` with the diagnostics seen last.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diags: vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
  timeoutMs = SERVER_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diags = vscode.languages.getDiagnostics(uri);
      if (predicate(diags)) {
        finish();
        resolve(diags);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (e.uris.some(u => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `timed out after ${timeoutMs / 1000}s waiting for ${what} on ${path.basename(uri.fsPath)}; diagnostics now:\n` +
            describeDiagnostics(vscode.languages.getDiagnostics(uri)),
        ),
      );
    }, timeoutMs);
    function finish() {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** Waits until our extension reports at least one diagnostic for `uri`. */
export function waitForOurDiagnostics(uri: vscode.Uri, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, d => ours(d).length > 0, `diagnostics from "${DIAGNOSTIC_SOURCE}"`, timeoutMs).then(ours);
}

/** Waits until the diagnostics of `uri` include rule `rule`. */
export function waitForRule(uri: vscode.Uri, rule: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, d => ours(d).some(x => codeOf(x) === rule), `a ${rule} diagnostic`, timeoutMs).then(ours);
}

/**
 * Waits for the language server to have analysed `uri` even when it has no
 * findings: resolves on the first diagnostics event for that URI (or at once
 * if diagnostics are already there).
 */
export function waitForAnalysis(uri: vscode.Uri, timeoutMs = SERVER_TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  if (ours(vscode.languages.getDiagnostics(uri)).length > 0) return Promise.resolve(ours(vscode.languages.getDiagnostics(uri)));
  let first = true;
  return waitForDiagnostics(
    uri,
    () => {
      // The initial synchronous check must not count; any event for the URI does.
      if (first) {
        first = false;
        return false;
      }
      return true;
    },
    'the language server to publish diagnostics',
    timeoutMs,
  ).then(ours);
}

/** Resolves when `condition()` holds, re-checking on the given events; rejects after `timeoutMs`. */
export function waitUntil(
  condition: () => boolean,
  events: vscode.Event<unknown>[],
  what: string,
  timeoutMs = SERVER_TIMEOUT_MS,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = () => {
      clearTimeout(timer);
      clearInterval(poll);
      subs.forEach(s => s.dispose());
    };
    const check = () => {
      if (condition()) {
        done();
        resolve();
      }
    };
    for (const ev of events) subs.push(ev(check));
    // Some states (e.g. extension activation) have no event in the API: re-check now and then too.
    const poll = setInterval(check, 100);
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`));
    }, timeoutMs);
    check();
  });
}

/** Resolves with the first event for which `filter` holds; rejects after `timeoutMs`. */
export function waitForEvent<T>(event: vscode.Event<T>, filter: (e: T) => boolean, what: string, timeoutMs = SERVER_TIMEOUT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const sub = event(e => {
      if (!filter(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`));
    }, timeoutMs);
  });
}

/** Line number (0-based) of the first line containing `text`; fails the test if absent. */
export function lineOf(doc: vscode.TextDocument, text: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(text)) return i;
  assert.fail(`"${text}" not found in ${path.basename(doc.uri.fsPath)}`);
}

/** Position of the first occurrence of `text` (plus `delta` characters). */
export function positionOf(doc: vscode.TextDocument, text: string, delta = 0): vscode.Position {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" not found in ${path.basename(doc.uri.fsPath)}`);
  return doc.positionAt(offset + delta);
}

/** Range covering a top-level section: from its heading line to the next heading of the same level (or the end). */
export function sectionRange(doc: vscode.TextDocument, heading: string): vscode.Range {
  const start = lineOf(doc, heading);
  let end = doc.lineCount;
  for (let i = start + 1; i < doc.lineCount; i++) {
    if (/^[一二三四五六七八九十]+、/.test(doc.lineAt(i).text)) {
      end = i;
      break;
    }
  }
  return new vscode.Range(start, 0, end, 0);
}

/** Flattens a DocumentSymbol tree into `path > path` names. */
export function symbolPaths(symbols: readonly vscode.DocumentSymbol[], prefix = ''): string[] {
  const out: string[] = [];
  for (const s of symbols) {
    const name = prefix ? `${prefix} > ${s.name}` : s.name;
    out.push(name);
    out.push(...symbolPaths(s.children ?? [], name));
  }
  return out;
}

/** What the extension's `activate()` returns (client/src/extension.ts). */
export interface ExtensionApi {
  client: LanguageClient | undefined;
}

/** Activates the extension (if it is not yet) and returns its API. */
export async function extensionApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  assert.ok(api && api.client, 'the extension API has no language client');
  return api;
}

/**
 * The document version a diagnostic was computed for: the server puts it in
 * `data.version` (DiagnosticData in server/src/protocol.ts), and the language
 * client keeps `data` on the vscode.Diagnostic it creates.
 */
export function versionOf(d: vscode.Diagnostic): number | undefined {
  const data = (d as vscode.Diagnostic & { data?: DiagnosticData }).data;
  return typeof data?.version === 'number' ? data.version : undefined;
}

/**
 * Waits for diagnostics computed for the document's *current* version (so a
 * publish for an older version, still in flight after an edit, does not
 * count), then for `predicate` on them. Needs at least one finding: a clean
 * document carries no version to check.
 */
export function waitForFreshDiagnostics(
  doc: vscode.TextDocument,
  predicate: (diags: vscode.Diagnostic[]) => boolean = () => true,
  what = 'diagnostics for the current version',
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(
    doc.uri,
    d => {
      const mine = ours(d);
      return mine.length > 0 && mine.every(x => versionOf(x) === doc.version) && predicate(mine);
    },
    `${what} (version ${doc.version})`,
    timeoutMs,
  ).then(ours);
}

/** Opens an untitled `agreement` document with `content` in an editor. */
export async function openUntitled(content = ''): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Text of hovers (Markdown and plain), joined; Markdown backslash escapes removed so provisions read as written. */
export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const h of hovers ?? []) {
    for (const c of h.contents) parts.push(typeof c === 'string' ? c : c.value);
  }
  return parts.join('\n\n---\n\n').replace(/\\([\\`*_{}[\]()<>#|~.+!-])/g, '$1');
}

/** The label of a completion item as a string. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
