import { CodeAction, CodeActionKind, TextDocumentEdit, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { fixAll } from '../core/fixes/fixAll';
import { minimalEdit, type Finding } from '../core';
import { placeholderSnippet } from '../core/fixes/snippet';
import type { Analysis } from '../analysisCache';
import { OpenProvisionCommand, type OpenProvisionArgs } from '../protocol';
import { provisionArgs, SOURCE } from './diagnostics';
import { fixesOf } from '../core/fixes/onDemand';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.agreement`;

/** How code actions reach the document's current text. */
export interface CodeActionContext {
  /** A span of an older version followed through the edits since; null when that cannot be done. */
  follow?(fromVersion: number, start: number, end: number): { start: number; end: number } | null;
  /** The client applies versioned edits (`documentChanges`), refusing them on any other text. */
  versionedEdits?: boolean;
  /** The client takes snippet edits in a workspace edit (`workspace.workspaceEdit.snippetEditSupport`, LSP 3.18). */
  snippetEdits?: boolean;
  /** The client shows a code action that cannot be applied, with the reason (`codeAction.disabledSupport`). */
  disabledActions?: boolean;
}

/** Why a diagnostic gets no fix: it names no finding of the current text. */
export const NOT_CURRENT_FIX = '无法修复：该提示针对的是文档的旧版本或不是本文件的检查结果，文档已修改。请等待重新检查后再从新的提示修复。';

/**
 * The same small menu for every finding: its fixes (the preferred one first), "fix
 * all of this rule", "disable here" and "open the provision"; plus one
 * `source.fixAll.agreement` action for the document. Stateless: a diagnostic names
 * its finding by rule, version and span; the finding, and so its fixes, come from
 * the current analysis. A diagnostic that names no current finding (forged, or too
 * old to follow) gets no fix, and never disturbs the others.
 */
export function codeActions(params: CodeActionParams, analysis: Analysis, context: CodeActionContext = {}): CodeAction[] {
  const only = params.context.only;
  const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source));
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
  const actions: CodeAction[] = [];
  const edit = (edits: TextEdit[]) => workspaceEdit(analysis, edits, context.versionedEdits === true);
  if (wantsFixAll) {
    const action = fixAllAction(analysis, '修复全部可安全修复的问题', FIX_ALL_KIND, edit);
    if (action) actions.push(action);
  }
  if (!wantsQuickFix) return actions;
  const diagnostics = Array.isArray(params.context.diagnostics) ? params.context.diagnostics : [];
  const ours = diagnostics.filter((d) => d && d.source === SOURCE && typeof d.code === 'string');
  const fixes: CodeAction[] = [];
  const extras: CodeAction[] = [];
  const seen = new Set<string>();
  const once = (key: string) => (seen.has(key) ? false : (seen.add(key), true));
  for (const diagnostic of ours) {
    let finding: Finding | undefined;
    try {
      finding = resolveFinding(diagnostic, analysis, context);
    } catch {
      finding = undefined;
    }
    if (!finding) {
      // A stale or forged payload: a refusal the officer can read, never an edit computed for other text.
      if (context.disabledActions && once('refused')) extras.push({ title: '无法修复此问题', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: NOT_CURRENT_FIX } });
      continue;
    }
    const rule = finding.rule;
    for (const fix of fixesOf(finding)) {
      if (!once(`fix|${JSON.stringify(fix.edits)}`)) continue;
      fixes.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: edit(fix.edits.map((e) => toTextEdit(analysis, e, context.snippetEdits === true && context.versionedEdits === true))),
      });
    }
    if (once(`all|${rule}`)) {
      const action = fixRuleAction(analysis, rule, edit);
      if (action) extras.push({ ...action, diagnostics: [diagnostic] });
    }
    const line = analysis.doc.lines.positionAt(finding.span.start).line;
    if (once(`disable|${rule}|${line}`)) extras.push({ ...disableAction(analysis, finding, edit), diagnostics: [diagnostic] });
    const provision = provisionArgs(finding);
    if (provision && once(`open|${provision.file}|${provision.search}`)) extras.push(openProvisionAction(diagnostic, provision));
  }
  // Fixes first, so the preferred fix heads the menu; then the per-rule and per-finding extras.
  return [...actions, ...fixes, ...extras];
}

/**
 * The current finding a diagnostic names. Its data gives the version and span it was published
 * with: the same version is looked up directly; an older one is followed through the edits made
 * since. Without usable data (another client, a forged payload) only a finding of the same rule
 * at exactly the diagnostic's range, and alone there, is taken.
 */
function resolveFinding(diagnostic: Diagnostic, analysis: Analysis, context: CodeActionContext): Finding | undefined {
  const rule = diagnostic.code as string;
  const data = readData(diagnostic.data);
  let span: { start: number; end: number } | null = null;
  if (data && data.version === analysis.version) span = data;
  else if (data && data.version < analysis.version && context.follow) span = context.follow(data.version, data.start, data.end);
  else if (data) return undefined;
  // Several findings of one rule may share a span (missing sections all sit on the title): the message tells them apart.
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : '';
  if (span) {
    const at = span;
    const here = analysis.findings.filter((f) => f.rule === rule && f.span.start === at.start && f.span.end === at.end);
    return here.length === 1 ? here[0] : here.find((f) => message.startsWith(f.message));
  }
  if (data) return undefined;
  const range = diagnostic.range;
  const same = analysis.findings.filter(
    (f) => f.rule === rule && f.range.start.line === range?.start?.line && f.range.start.character === range?.start?.character && f.range.end.line === range?.end?.line && f.range.end.character === range?.end?.character,
  );
  const worded = same.filter((f) => message.startsWith(f.message));
  return worded.length === 1 ? worded[0] : undefined;
}

/** The diagnostic's data when it has the shape we publish; undefined otherwise. */
function readData(raw: unknown): { version: number; start: number; end: number } | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { version, start, end } = raw as Record<string, unknown>;
  const integer = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
  if (!integer(version) || !integer(start) || !integer(end)) return undefined;
  if (start < 0 || end < start) return undefined;
  return { version, start, end };
}

/**
 * An edit in LSP terms. Inserted skeleton text becomes a snippet edit when the client
 * takes them: its placeholders are tab stops (plain text otherwise; format/placeholder
 * flags what is left unfilled either way).
 */
function toTextEdit(analysis: Analysis, edit: { start: number; end: number; newText: string }, snippets = false): TextEdit {
  const range = analysis.doc.lines.rangeOf(edit);
  const snippet = snippets && edit.start === edit.end ? placeholderSnippet(edit.newText) : null;
  if (snippet) return { range, snippet: { kind: 'snippet', value: snippet } } as unknown as TextEdit;
  return { range, newText: edit.newText };
}

/** Edits for the analysed text; versioned, so a client refuses them once the document has changed. */
function workspaceEdit(analysis: Analysis, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  if (versioned) return { documentChanges: [TextDocumentEdit.create({ uri: analysis.uri, version: analysis.version }, edits)] };
  return { changes: { [analysis.uri]: edits } };
}

/** "Insert all missing sections", "add all missing elements", or "fix all of this rule", when more than one finding has a fix. */
function fixRuleAction(analysis: Analysis, rule: string, edit: (edits: TextEdit[]) => WorkspaceEdit): CodeAction | null {
  const count = analysis.findings.filter((f) => f.rule === rule && fixesOf(f).length > 0).length;
  if (count < 2) return null;
  const title =
    rule === 'section/missing'
      ? `插入全部缺少的部分（${count} 节）`
      : rule === 'element/missing'
        ? `补充全部缺少的要素（${count} 处）`
        : `修复本文件中全部“${rule}”问题（${count} 处）`;
  return fixAllAction(analysis, title, CodeActionKind.QuickFix, edit, rule);
}

/**
 * Fix-all results per analysis (one per document version). The editor asks for code
 * actions whenever the cursor rests on a finding; re-running fix-all each time would
 * re-analyse the document round after round for the same answer.
 */
const fixAllResults = new WeakMap<Analysis, Map<string, TextEdit | null>>();

function fixAllAction(analysis: Analysis, title: string, kind: string, toEdit: (edits: TextEdit[]) => WorkspaceEdit, rule?: string): CodeAction | null {
  let results = fixAllResults.get(analysis);
  if (!results) {
    results = new Map();
    fixAllResults.set(analysis, results);
  }
  const key = rule ?? '';
  let edit = results.get(key);
  if (edit === undefined) {
    const result = fixAll(analysis.doc.text, analysis.ruleSet, { ...analysis.options, rule, includeUnsafe: rule !== undefined });
    const minimal = result.applied > 0 ? minimalEdit(analysis.doc.text, result.text) : null;
    edit = minimal ? toTextEdit(analysis, minimal) : null;
    results.set(key, edit);
  }
  if (!edit) return null;
  return { title, kind, edit: toEdit([edit]) };
}

/**
 * Insert `<!-- agreement-disable-next-line rule -- 理由 -->` above the finding's line;
 * for a finding in the front matter, `<!-- agreement-disable rule -- 理由 -->` right
 * below it, which covers the front matter (see core/suppressions.ts).
 */
export function disableAction(analysis: Analysis, finding: Finding, toEdit: (edits: TextEdit[]) => WorkspaceEdit): CodeAction {
  const { doc } = analysis;
  const { rule } = finding;
  const eol = doc.eol;
  const inFrontMatter = doc.frontMatter.present && finding.span.start < doc.frontMatter.bodyStart;
  let at: number;
  let text: string;
  if (inFrontMatter) {
    at = doc.frontMatter.bodyStart;
    const needsBreak = at === doc.text.length && !/[\r\n]$/.test(doc.text);
    text = `${needsBreak ? eol : ''}<!-- agreement-disable ${rule} -- 理由 -->${eol}`;
  } else {
    at = doc.lines.lineStarts[doc.lines.positionAt(finding.span.start).line];
    const indent = /^[ \t\u3000]*/.exec(doc.text.slice(at))![0];
    text = `${indent}<!-- agreement-disable-next-line ${rule} -- 理由 -->${eol}`;
  }
  return {
    title: `在此处停用“${rule}”（须写明理由）`,
    kind: CodeActionKind.QuickFix,
    edit: toEdit([{ range: doc.lines.rangeOf({ start: at, end: at }), newText: text }]),
  };
}

function openProvisionAction(diagnostic: Diagnostic, provision: OpenProvisionArgs): CodeAction {
  const where = provision.label ? `：${provision.label}` : '';
  return {
    title: `打开条文${where}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: '打开条文', command: OpenProvisionCommand, arguments: [provision] },
  };
}
