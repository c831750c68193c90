import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { fixAll } from '../core/fixes/fixAll';
import { minimalEdit, type Finding } from '../core';
import type { Analysis } from '../analysisCache';
import { OpenProvisionCommand, type DiagnosticData, type OpenProvisionArgs } from '../protocol';
import { SOURCE } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.agreement`;

/**
 * The same small menu for every finding: its fixes (the preferred one first), "fix
 * all of this rule", "disable here" and "open the provision"; plus one
 * `source.fixAll.agreement` action for the document. Stateless: the fixes come
 * from the diagnostics' `data`, or from the current analysis when that data
 * belongs to an older version.
 */
export function codeActions(params: CodeActionParams, analysis: Analysis): CodeAction[] {
  const only = params.context.only;
  const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source));
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
  const actions: CodeAction[] = [];
  if (wantsFixAll) {
    const action = fixAllAction(analysis, '修复全部可安全修复的问题', FIX_ALL_KIND);
    if (action) actions.push(action);
  }
  if (!wantsQuickFix) return actions;
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string');
  const fixes: CodeAction[] = [];
  const extras: CodeAction[] = [];
  const seen = new Set<string>();
  const once = (key: string) => (seen.has(key) ? false : (seen.add(key), true));
  for (const diagnostic of ours) {
    const rule = diagnostic.code as string;
    const data = freshData(diagnostic, analysis);
    if (!data) continue;
    for (const fix of data.fixes ?? []) {
      if (!once(`fix|${JSON.stringify(fix.edits)}`)) continue;
      fixes.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: { changes: { [analysis.uri]: fix.edits.map((e) => toTextEdit(analysis, e)) } },
      });
    }
    if (once(`all|${rule}`)) {
      const action = fixRuleAction(analysis, rule);
      if (action) extras.push({ ...action, diagnostics: [diagnostic] });
    }
    if (once(`disable|${rule}|${diagnostic.range.start.line}`)) extras.push(disableAction(analysis, diagnostic, rule));
    if (data.provision && once(`open|${data.provision.file}|${data.provision.search}`)) extras.push(openProvisionAction(diagnostic, data.provision));
  }
  // Fixes first, so the preferred fix heads the menu; then the per-rule and per-finding extras.
  return [...actions, ...fixes, ...extras];
}

/** The diagnostic's data when it belongs to the analysed version; else the matching fresh finding's. */
function freshData(diagnostic: Diagnostic, analysis: Analysis): DiagnosticData | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (data?.fixes && data.version === analysis.version) return data;
  const samePlace = (f: Finding) => f.range.start.line === diagnostic.range.start.line && f.range.start.character === diagnostic.range.start.character;
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  const sameWords = (f: Finding) => message.startsWith(f.message);
  const candidates = analysis.findings.filter((f) => f.rule === diagnostic.code);
  const match = candidates.find((f) => samePlace(f) && sameWords(f)) ?? candidates.find(sameWords) ?? candidates.find(samePlace);
  if (!match) return undefined;
  return { version: analysis.version, fixes: match.fixes ?? [], provision: data?.provision };
}

function toTextEdit(analysis: Analysis, edit: { start: number; end: number; newText: string }): TextEdit {
  return { range: analysis.doc.lines.rangeOf(edit), newText: edit.newText };
}

/** "Insert all missing sections", "add all missing elements", or "fix all of this rule", when more than one finding has a fix. */
function fixRuleAction(analysis: Analysis, rule: string): CodeAction | null {
  const count = analysis.findings.filter((f) => f.rule === rule && (f.fixes?.length ?? 0) > 0).length;
  if (count < 2) return null;
  const title =
    rule === 'section/missing'
      ? `插入全部缺少的部分（${count} 节）`
      : rule === 'element/missing'
        ? `补充全部缺少的要素（${count} 处）`
        : `修复本文件中全部“${rule}”问题（${count} 处）`;
  return fixAllAction(analysis, title, CodeActionKind.QuickFix, rule);
}

/**
 * Fix-all results per analysis (one per document version). The editor asks for code
 * actions whenever the cursor rests on a finding; re-running fix-all each time would
 * re-analyse the document round after round for the same answer.
 */
const fixAllResults = new WeakMap<Analysis, Map<string, TextEdit | null>>();

function fixAllAction(analysis: Analysis, title: string, kind: string, rule?: string): CodeAction | null {
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
  return { title, kind, edit: { changes: { [analysis.uri]: [edit] } } };
}

/**
 * Insert `<!-- agreement-disable-next-line rule -- 理由 -->` above the finding's line;
 * for a finding in the front matter, `<!-- agreement-disable rule -- 理由 -->` right
 * below it, which covers the front matter (see core/suppressions.ts).
 */
export function disableAction(analysis: Analysis, diagnostic: Diagnostic, rule: string): CodeAction {
  const { doc } = analysis;
  const eol = doc.eol;
  const inFrontMatter = doc.frontMatter.present && doc.lines.offsetAt(diagnostic.range.start) < doc.frontMatter.bodyStart;
  let at: number;
  let text: string;
  if (inFrontMatter) {
    at = doc.frontMatter.bodyStart;
    const needsBreak = at === doc.text.length && !/[\r\n]$/.test(doc.text);
    text = `${needsBreak ? eol : ''}<!-- agreement-disable ${rule} -- 理由 -->${eol}`;
  } else {
    at = doc.lines.lineStarts[diagnostic.range.start.line];
    const indent = /^[ \t\u3000]*/.exec(doc.text.slice(at))![0];
    text = `${indent}<!-- agreement-disable-next-line ${rule} -- 理由 -->${eol}`;
  }
  return {
    title: `在此处停用“${rule}”（须写明理由）`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [analysis.uri]: [{ range: doc.lines.rangeOf({ start: at, end: at }), newText: text }] } },
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
