/**
 * The extension: starts the language server, registers editor-only commands and
 * the status bar item, and stops the server on deactivate. Analysis is in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  DocumentInfoNotification,
  NewDocumentCommand,
  OpenProvisionCommand,
  PackProblemsNotification,
  TrustChangedNotification,
  type DocumentInfoParams,
  type OpenProvisionArgs,
  type PackProblemsParams,
} from '../../server/src/protocol';
import { registerLedgerView } from './ledger';
import { newAgreementDocument } from './newDocument';
import { RegulationProvider, REGULATION_SCHEME } from './regulations';
import { StatusBar } from './statusBar';
import { registerWordCommands } from './word/commands';
import { registerExportCommands } from './word/exportCommands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient | undefined }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'agreement' }, { scheme: 'file', pattern: '**/履约台账.yaml' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{.agreementrc.yaml,*.pack.yaml,履约台账.yaml}') },
    // A function, so a restarted server learns the trust granted since activation.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    diagnosticCollectionName: 'agreement',
    // Hovers link to 打开条文; only that command may run from them.
    markdown: { isTrusted: { enabledCommands: [OpenProvisionCommand] } },
  };
  client = new LanguageClient('agreement', vscode.l10n.t('Agreement Language Server'), serverOptions, clientOptions);

  const regulations = new RegulationProvider(context.asAbsolutePath('regulations'));
  const statusBar = new StatusBar();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(REGULATION_SCHEME, regulations),
    vscode.commands.registerCommand(OpenProvisionCommand, (args: OpenProvisionArgs) => regulations.open(args)),
    vscode.commands.registerCommand(NewDocumentCommand, () => newAgreementDocument(client)),
    statusBar,
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => client?.sendNotification(TrustChangedNotification, { trusted: true })),
  );

  registerWordCommands(context, () => client);
  registerExportCommands(context, () => client);
  client.onNotification(DocumentInfoNotification, (info: DocumentInfoParams) => statusBar.update(info));
  client.onNotification(PackProblemsNotification, (params: PackProblemsParams) => {
    const first = params.problems[0];
    if (!first) return;
    const more = params.problems.length > 1 ? vscode.l10n.t(' (and {0} more)', params.problems.length - 1) : '';
    void vscode.window.showWarningMessage(vscode.l10n.t('Rule pack {0} was not loaded: {1}{2}', first.source, `${first.path} ${first.message}`, more));
  });
  await client.start();
  registerLedgerView(context, () => client);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  return { client };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
