import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { fixAll } from '../core/fixes/fixAll';
import { minimalEdit } from '../core';
import type { Analysis } from '../analysisCache';
import { OpenProvisionCommand, type DiagnosticData } from '../protocol';
import { SOURCE } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.agreement`;

/** Quick fixes from the diagnostics' data, plus fix-all, disable-here and open-provision. Stateless. */
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
  const seenRules = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
    const rule = diagnostic.code;
    const data = freshData(diagnostic, analysis);
    if (!data) continue;
    for (const fix of data.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: { changes: { [analysis.uri]: fix.edits.map((e) => toTextEdit(analysis, e)) } },
      });
    }
    if (!seenRules.has(rule)) {
      seenRules.add(rule);
      const sameRule = analysis.findings.filter((f) => f.rule === rule && (f.fixes?.length ?? 0) > 0);
      if (sameRule.length > 1) {
        const action = fixAllAction(analysis, `修复本文件中全部“${rule}”问题（${sameRule.length} 处）`, CodeActionKind.QuickFix, rule);
        if (action) actions.push({ ...action, diagnostics: [diagnostic] });
      }
    }
    actions.push(disableAction(analysis, diagnostic, rule));
    if (data.provision) {
      actions.push({
        title: '打开条文',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: '打开条文', command: OpenProvisionCommand, arguments: [data.provision] },
      });
    }
  }
  return actions;
}

/** The diagnostic's data when it belongs to the analysed version; else the matching fresh finding's. */
function freshData(diagnostic: Diagnostic, analysis: Analysis): DiagnosticData | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (data && data.version === analysis.version) return data;
  const match = analysis.findings.find(
    (f) => f.rule === diagnostic.code && f.range.start.line === diagnostic.range.start.line && f.range.start.character === diagnostic.range.start.character,
  );
  if (!match) return undefined;
  return { version: analysis.version, fixes: match.fixes ?? [] };
}

function toTextEdit(analysis: Analysis, edit: { start: number; end: number; newText: string }): TextEdit {
  return { range: analysis.doc.lines.rangeOf(edit), newText: edit.newText };
}

function fixAllAction(analysis: Analysis, title: string, kind: string, rule?: string): CodeAction | null {
  const result = fixAll(analysis.doc.text, analysis.ruleSet, { ...analysis.options, rule, includeUnsafe: rule !== undefined });
  const edit = minimalEdit(analysis.doc.text, result.text);
  if (!edit || result.applied === 0) return null;
  return { title, kind, edit: { changes: { [analysis.uri]: [toTextEdit(analysis, edit)] } } };
}

/** Insert `<!-- agreement-disable-next-line rule -- 理由 -->` above the finding's line. */
function disableAction(analysis: Analysis, diagnostic: Diagnostic, rule: string): CodeAction {
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
    title: `在此处停用“${rule}”`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [analysis.uri]: [{ range: doc.lines.rangeOf({ start: at, end: at }), newText: text }] } },
  };
}
