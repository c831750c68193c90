/**
 * The workspace's ledger: its agreements (open documents first, else the files on disk)
 * and its ledger file 履约台账.yaml at the root of the first workspace folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ledger, type AnalyzeOptions, type RuleSet } from '../../core';
import { collectFiles } from '../../cli/files';
import { readTextFile } from '../../cli/ledger/read';

/** Enough for a district's agreements; a larger tree is cut, with a problem that says so. */
const MAX_AGREEMENTS = 2000;

export function isLedgerUri(uri: string): boolean {
  try {
    return decodeURIComponent(uri).endsWith(`/${ledger.LEDGER_FILE_NAME}`);
  } catch {
    return false;
  }
}

export interface LedgerSource {
  file: string;
  uri: string;
  exists: boolean;
  text: string;
  parsed: ledger.LedgerFile;
}

export class WorkspaceLedger {
  private cached: { key: string; source: LedgerSource } | null = null;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly folders: () => string[],
  ) {}

  root(): string | undefined {
    return this.folders()[0];
  }

  /** The ledger file, from the editor when open, else from disk; parsed once per version. */
  source(): LedgerSource | null {
    const root = this.root();
    if (!root) return null;
    const file = path.join(root, ledger.LEDGER_FILE_NAME);
    const uri = pathToFileURL(file).toString();
    const open = this.documents.all().find((d) => isLedgerUri(d.uri) && safeSame(d.uri, file));
    let text = '';
    let exists = true;
    let key: string;
    if (open) {
      text = open.getText();
      key = `open:${open.version}:${open.uri}`;
    } else {
      let stat: fs.Stats | null = null;
      try {
        stat = fs.statSync(file);
      } catch {
        exists = false;
      }
      key = stat ? `disk:${stat.mtimeMs}:${stat.size}` : 'none';
      if (this.cached?.key === key) return this.cached.source;
      if (stat) {
        const read = readTextFile(file, ledger.MAX_LEDGER_SIZE);
        if (read.ok) text = read.text;
        else {
          const source = { file, uri, exists, text: '', parsed: { entries: [], spans: [], problems: [{ message: read.message, span: { start: 0, end: 0 } }] } };
          this.cached = { key, source };
          return source;
        }
      }
    }
    if (this.cached?.key === key) return this.cached.source;
    const source = { file, uri: open?.uri ?? uri, exists: exists || !!open, text, parsed: ledger.readLedger(text) };
    this.cached = { key, source };
    return source;
  }

  /** The ledger options for one agreement's analysis (reference date today). */
  optionsFor(uri: string, asOf: string): AnalyzeOptions['ledger'] {
    const source = this.source();
    const file = filePath(uri);
    const base = (file ? path.basename(file) : decodeURIComponent(uri.split('/').pop() ?? '')).replace(/\.agreement\.md$/, '');
    const rel = file && source ? path.relative(path.dirname(source.file), file).split(path.sep).join('/') : base;
    return { asOf, entries: source?.parsed.entries ?? [], fallbackKey: base, file: rel };
  }

  /** Every agreement of the workspace with its text: open documents win over the disk. */
  agreements(): { inputs: Array<ledger.ReportInput & { uri: string }>; problems: string[] } {
    const root = this.root();
    const source = this.source();
    const problems: string[] = [];
    const inputs: Array<ledger.ReportInput & { uri: string }> = [];
    const dir = source ? path.dirname(source.file) : root;
    const seen = new Set<string>();
    for (const doc of this.documents.all()) {
      const file = filePath(doc.uri);
      if (!file || !file.endsWith('.agreement.md') || (root && !file.startsWith(root + path.sep))) continue;
      seen.add(file);
      inputs.push({ uri: doc.uri, file: path.relative(dir ?? path.dirname(file), file).split(path.sep).join('/'), text: doc.getText() });
    }
    if (root) {
      // The workspace folder is the boundary: a repository's ignore files above it do not hide its agreements.
      const collected = collectFiles([root], { cwd: root, ignoreBoundary: root });
      for (const file of collected.files.slice(0, MAX_AGREEMENTS)) {
        if (seen.has(file)) continue;
        const read = readTextFile(file);
        if (!read.ok) {
          problems.push(`${path.relative(root, file)}：${read.message}`);
          continue;
        }
        inputs.push({ uri: pathToFileURL(file).toString(), file: path.relative(dir ?? root, file).split(path.sep).join('/'), text: read.text });
      }
      if (collected.files.length > MAX_AGREEMENTS) problems.push(`工作区中的协议文书超过 ${MAX_AGREEMENTS} 份，只列出前 ${MAX_AGREEMENTS} 份。`);
    }
    inputs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return { inputs, problems };
  }

  report(asOf: string, rules: RuleSet): { report: ledger.LedgerReport; inputs: Array<ledger.ReportInput & { uri: string }>; problems: string[] } {
    const { inputs, problems } = this.agreements();
    const source = this.source();
    const report = ledger.buildLedgerReport(inputs, source?.parsed.entries ?? [], asOf, rules);
    return { report, inputs, problems: [...(source?.parsed.problems.map((p) => `${ledger.LEDGER_FILE_NAME}：${p.message}`) ?? []), ...problems] };
  }
}

export function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function safeSame(uri: string, file: string): boolean {
  const p = filePath(uri);
  return p !== undefined && path.resolve(p) === path.resolve(file);
}
