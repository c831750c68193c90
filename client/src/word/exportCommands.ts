/**
 * 导出为公文格式 (.docx) and 生成审查意见（批注版）: the server writes the bytes (the docx and
 * jszip libraries stay out of the extension), the extension saves them beside the source —
 * never over it nor over any existing file — and offers 打开文件夹.
 */
import * as vscode from 'vscode';
import { AnnotateDocxRequest, ExportDocxRequest, type AnnotateDocxParams, type ExportDocxParams, type WrittenDocxResult } from '../../../server/src/protocol';
import type { Sender } from './wordDocuments';
import { sourceOf, WORD_SCHEME } from './wordDocuments';

export const ExportDocxCommand = 'agreement.exportDocx';
export const AnnotateDocxCommand = 'agreement.annotateDocx';

const DOCX = /\.docx$/i;
const AGREEMENT = /\.agreement\.md$/i;
const MAX_BYTES = 64 * 1024 * 1024;

/** What the command acts on: an agreement document (open or in the Explorer), or a .docx. */
async function target(arg: unknown): Promise<{ kind: 'agreement'; uri: vscode.Uri; text: string } | { kind: 'docx'; uri: vscode.Uri } | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  if (uri.scheme === WORD_SCHEME) return { kind: 'docx', uri: sourceOf(uri) };
  if (DOCX.test(uri.path)) return { kind: 'docx', uri };
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open && (open.languageId === 'agreement' || AGREEMENT.test(uri.path))) return { kind: 'agreement', uri, text: open.getText() };
  if (AGREEMENT.test(uri.path)) return { kind: 'agreement', uri, text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
  return undefined;
}

/** `协议.agreement.md` + `-公文格式` → `协议-公文格式.docx` beside it; `(2)`, `(3)` … when taken. */
async function freeName(source: vscode.Uri, suffix: string): Promise<vscode.Uri> {
  const base = source.path.replace(AGREEMENT, '').replace(/\.(docx|md)$/i, '');
  for (let n = 1; n < 1000; n++) {
    const candidate = (source.scheme === 'untitled' ? vscode.Uri.file(base) : source).with({ path: `${base}${suffix}${n === 1 ? '' : `(${n})`}.docx` });
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
  throw new Error(vscode.l10n.t('No free file name beside {0}.', source.path));
}

function settings(uri: vscode.Uri) {
  const config = vscode.workspace.getConfiguration('agreement', uri);
  return {
    layout: { fonts: config.get<Record<string, unknown>>('export.fonts'), page: config.get<Record<string, unknown>>('export.page') },
    author: config.get<string>('review.author'),
    initials: config.get<string>('review.initials'),
    trackChanges: config.get<boolean>('review.trackChanges') === true,
  };
}

async function write(result: WrittenDocxResult, output: vscode.Uri, done: string): Promise<vscode.Uri | undefined> {
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(output, Buffer.from(result.data, 'base64'));
  const openFolder = vscode.l10n.t('Open Folder');
  const name = output.path.split('/').pop() ?? output.path;
  void vscode.window.showInformationMessage([done.replace('{0}', name), ...result.notes].join(' '), openFolder).then((choice) => {
    if (choice === openFolder) void vscode.commands.executeCommand('revealFileInOS', output);
  });
  return output;
}

/** 导出为公文格式 (.docx): the agreement document in GB/T 9704 layout. Returns the written file. */
export async function exportDocx(sender: Sender | undefined, arg: unknown, withFindings = false): Promise<vscode.Uri | undefined> {
  if (!sender) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The agreement language server is not running.'));
    return undefined;
  }
  const source = await target(arg);
  if (!source || source.kind !== 'agreement') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an agreement document (*.agreement.md) to export it.'));
    return undefined;
  }
  const { layout, author, initials } = settings(source.uri);
  const params: ExportDocxParams = { uri: source.uri.toString(), text: source.text, withFindings, layout, author, initials };
  const output = await freeName(source.uri, withFindings ? '-审查意见' : '-公文格式');
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Writing Word file…') }, () => sender.sendRequest<WrittenDocxResult>(ExportDocxRequest, params));
  return write(result, output, withFindings ? vscode.l10n.t('Review copy with {1} comments written: {0}', '{0}', result.ok ? result.comments : 0) : vscode.l10n.t('Exported in official document format: {0}'));
}

/** 生成审查意见（批注版）: on a .docx a copy with comments; on an agreement document its export with comments. */
export async function annotateDocx(sender: Sender | undefined, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!sender) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The agreement language server is not running.'));
    return undefined;
  }
  const source = await target(arg);
  if (!source) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an agreement document or choose a .docx file to annotate.'));
    return undefined;
  }
  if (source.kind === 'agreement') return exportDocx(sender, source.uri, true);
  const stat = await vscode.workspace.fs.stat(source.uri);
  if (stat.size > MAX_BYTES) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The Word file is larger than {0} MB and was not read.', MAX_BYTES / 1024 / 1024));
    return undefined;
  }
  const bytes = await vscode.workspace.fs.readFile(source.uri);
  const name = source.uri.path.split('/').pop() ?? source.uri.path;
  let sidecar: AnnotateDocxParams['sidecar'];
  try {
    sidecar = { name: `${name}.agreement.yaml`, text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source.uri.with({ path: `${source.uri.path}.agreement.yaml` }))) };
  } catch {
    sidecar = undefined;
  }
  const { author, initials, trackChanges } = settings(source.uri);
  const params: AnnotateDocxParams = { uri: source.uri.toString(), fileName: name, data: Buffer.from(bytes).toString('base64'), ...(sidecar ? { sidecar } : {}), author, initials, trackChanges };
  const output = await freeName(source.uri, '-审查意见');
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Writing Word file…') }, () => sender.sendRequest<WrittenDocxResult>(AnnotateDocxRequest, params));
  return write(result, output, vscode.l10n.t('Review copy with {1} comments written: {0}', '{0}', result.ok ? result.comments : 0));
}

export function registerExportCommands(context: vscode.ExtensionContext, sender: () => Sender | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ExportDocxCommand, (arg: unknown) => exportDocx(sender(), arg)),
    vscode.commands.registerCommand(AnnotateDocxCommand, (arg: unknown) => annotateDocx(sender(), arg)),
  );
}
