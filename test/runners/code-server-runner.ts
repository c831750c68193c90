/**
 * Runs the integration suite inside a real VS Code extension host: code-server
 * (VS Code 1.100's server and web workbench, installed by
 * test/runners/install-code-server.sh) opened in Debian's headless Chromium via
 * playwright-core. The workbench's `payload` query names the extension under
 * development and the compiled test module; the extension host calls its
 * `run()`, forwards its log to `window.codeAutomationLog` and reports the
 * result through `window.codeAutomationExit(code)`. Same mechanism as
 * `@vscode/test-web`, but with the Node (remote) extension host.
 *
 *   node out/test/runners/code-server-runner.js [workspace] [options]
 *     --extension-development-path <dir>   default: the repository root
 *     --extension-tests-path <file>        default: out/test/integration/index.js
 *     --timeout <seconds>                  default: 600 (or $VSCODE_TEST_TIMEOUT)
 *     --verbose                            also print code-server's and the page's console
 *
 * It never passes by skipping: a missing install, a code-server that does not
 * come up, a workbench that does not render, a timeout or a missing exit code
 * all exit non-zero with the reason.
 *
 * `startWorkbench()` is exported for the Playwright UI test.
 */
import * as cp from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import * as util from 'util';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const REPO_ROOT = findRepoRoot(__dirname);
export const VSCODE_TEST_DIR = process.env.VSCODE_TEST_DIR ?? path.join(REPO_ROOT, '.vscode-test');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_ENTRY = path.join(VSCODE_TEST_DIR, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEFAULT_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
export const DEFAULT_TESTS_PATH = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

const INSTALL_HINT = 'run `bash test/runners/install-code-server.sh` first';

function findRepoRoot(from: string): string {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'test', 'runners'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the repository root above ${from}`);
    dir = up;
  }
}

function log(msg: string): void {
  process.stdout.write(`[code-server-runner] ${msg}\n`);
}

/** Error whose message is printed as-is, without a stack, and fails the run. */
export class RunnerError extends Error {}

// ------------------------------------------------------------------ code-server

export interface CodeServer {
  port: number;
  /** `127.0.0.1:<port>`, also the workbench's remote authority. */
  authority: string;
  baseUrl: string;
  process: cp.ChildProcess;
  /** Last lines code-server printed (for failure reports). */
  output(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** Folder under .vscode-test for user data and extensions; emptied on start. */
  profile?: string;
  verbose?: boolean;
  /** Extra user settings merged over the defaults below. */
  settings?: Record<string, unknown>;
  startTimeoutMs?: number;
}

/** User settings that keep the workbench quiet and fast for tests. */
export const TEST_USER_SETTINGS: Record<string, unknown> = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'extensions.showRecommendationsOnlyOnDemand': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'npm.autoDetect': 'off',
  'typescript.tsserver.experimental.enableProjectDiagnostics': false,
  'chat.commandCenter.enabled': false,
  'files.hotExit': 'off',
  'window.commandCenter': false,
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  // No fade-in animations: screenshots show widgets fully drawn.
  'workbench.reduceMotion': 'on',
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise(resolve => {
    const req = http.get(url, res => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

function checkInstalled(): void {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new RunnerError(`code-server is not installed at ${path.dirname(path.dirname(path.dirname(CODE_SERVER_ENTRY)))}: ${INSTALL_HINT}`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(CODE_SERVER_ENTRY), '..', '..', 'package.json'), 'utf8'));
  if (pkg.version !== CODE_SERVER_VERSION) {
    throw new RunnerError(`code-server ${pkg.version} is installed, expected ${CODE_SERVER_VERSION}: ${INSTALL_HINT}`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new RunnerError(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH): ${INSTALL_HINT}`);
  }
}

export async function startCodeServer(workspace: string, opts: CodeServerOptions = {}): Promise<CodeServer> {
  checkInstalled();
  if (!fs.existsSync(workspace) || !fs.statSync(workspace).isDirectory()) {
    throw new RunnerError(`workspace folder ${workspace} does not exist`);
  }
  const profileDir = path.join(VSCODE_TEST_DIR, opts.profile ?? 'profile-integration');
  const userDataDir = path.join(profileDir, 'user-data');
  const extensionsDir = path.join(profileDir, 'extensions');
  // A fresh profile each run: no editors, state or settings carried over.
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'Machine'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settings = JSON.stringify({ ...TEST_USER_SETTINGS, ...(opts.settings ?? {}) }, null, 2);
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), settings);
  fs.writeFileSync(path.join(userDataDir, 'Machine', 'settings.json'), settings);

  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  // Our own config file, so nothing is written to ~/.config/code-server.
  const configFile = path.join(profileDir, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: ${authority}\nauth: none\ncert: false\n`);

  const args = [
    CODE_SERVER_ENTRY,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', authority,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    workspace,
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // No extension gallery at all: no lookups, no waits for open-vsx.org,
    // which these machines cannot reach.
    EXTENSIONS_GALLERY: '{}',
    CS_DISABLE_FILE_DOWNLOADS: '1',
    // Marks the extension host as a test run (the suite may read it).
    AGREEMENT_TEST_RUN: '1',
    // code-server keeps its own logs and heartbeat under XDG dirs: keep them in the profile, not in ~.
    XDG_DATA_HOME: path.join(profileDir, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(profileDir, 'xdg-config'),
  };
  delete env.PORT;
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.VSCODE_PROXY_URI;

  const lines: string[] = [];
  const keep = (chunk: Buffer, stream: string) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line) continue;
      lines.push(line);
      if (lines.length > 300) lines.shift();
      if (opts.verbose) process.stdout.write(`[code-server ${stream}] ${line}\n`);
    }
  };
  // Own process group, so stop() ends code-server and every child it spawned
  // (extension host, pty host, file watcher) by group id.
  const child = cp.spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', c => keep(c, 'out'));
  child.stderr!.on('data', c => keep(c, 'err'));
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<void>(resolve => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.on('error', err => {
      spawnError = err;
      exited = exited ?? { code: null, signal: null };
      resolve();
    });
  });
  const output = () => lines.join('\n');

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    const pid = child.pid;
    if (pid === undefined) return;
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        process.kill(-pid, sig);
      } catch {
        /* already gone */
      }
    };
    if (!exited) {
      killGroup('SIGTERM');
      await Promise.race([exitPromise, new Promise(r => setTimeout(r, 5000))]);
    }
    killGroup('SIGKILL'); // stragglers in the group
  };

  const server: CodeServer = { port, authority, baseUrl: `http://${authority}`, process: child, output, stop };
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new RunnerError(
        `code-server exited before it was ready (code ${exited.code}, signal ${exited.signal})` +
          (spawnError ? `: ${spawnError.message}` : '') +
          `\n--- code-server output ---\n${output()}\n---`,
      );
    }
    if ((await httpStatus(`${server.baseUrl}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new RunnerError(`code-server did not answer on ${server.baseUrl}/healthz within ${(opts.startTimeoutMs ?? 60_000) / 1000}s\n--- code-server output ---\n${output()}\n---`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
  return server;
}

// ------------------------------------------------------------------ browser

export async function launchBrowser(): Promise<Browser> {
  let chromium: typeof import('playwright-core').chromium;
  try {
    chromium = (await import('playwright-core')).chromium;
  } catch (e) {
    throw new RunnerError(`playwright-core is not installed (npm install): ${(e as Error).message}`);
  }
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--lang=zh-CN',
      ],
    });
  } catch (e) {
    throw new RunnerError(`Chromium (${CHROMIUM}) did not start: ${(e as Error).message}`);
  }
}

export interface WorkbenchUrlOptions {
  workspace: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}

export function workbenchUrl(server: CodeServer, o: WorkbenchUrlOptions): string {
  const remote = (p: string) => `vscode-remote://${server.authority}${path.resolve(p)}`;
  const payload: [string, string][] = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (o.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)]);
  if (o.extensionTestsPath) payload.push(['extensionTestsPath', remote(o.extensionTestsPath)]);
  return `${server.baseUrl}/?folder=${encodeURIComponent(path.resolve(o.workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Waits until the workbench has rendered its main parts, or throws why not. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  try {
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: timeoutMs });
  } catch {
    const title = await page.title().catch(() => '?');
    const body = await page
      .evaluate(() => ((globalThis as any).document?.body?.innerText ?? '').slice(0, 500))
      .catch(() => '?');
    throw new RunnerError(`the VS Code workbench did not render within ${timeoutMs / 1000}s (page title "${title}", text: ${JSON.stringify(body)})`);
  }
}

export interface Workbench {
  server: CodeServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  url: string;
  close(): Promise<void>;
}

export interface WorkbenchOptions extends CodeServerOptions {
  workspace?: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  viewport?: { width: number; height: number };
}

/**
 * Starts code-server and opens the workbench in headless Chromium with the
 * extension under development loaded (for the UI test). Throws a RunnerError
 * saying why if either does not come up.
 */
export async function startWorkbench(o: WorkbenchOptions = {}): Promise<Workbench> {
  const workspace = path.resolve(o.workspace ?? DEFAULT_WORKSPACE);
  const extensionDevelopmentPath = o.extensionDevelopmentPath ?? REPO_ROOT;
  checkExtensionBuilt(extensionDevelopmentPath);
  const server = await startCodeServer(workspace, { profile: 'profile-ui', ...o });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: o.viewport ?? { width: 1600, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const url = workbenchUrl(server, { workspace, extensionDevelopmentPath, extensionTestsPath: o.extensionTestsPath });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    const b = browser;
    return {
      server,
      browser: b,
      context,
      page,
      url,
      close: async () => {
        await b.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw e;
  }
}

/** The extension's `main` must exist; otherwise the host silently loads nothing. */
export function checkExtensionBuilt(extensionDevelopmentPath: string): void {
  const pkgFile = path.join(extensionDevelopmentPath, 'package.json');
  if (!fs.existsSync(pkgFile)) throw new RunnerError(`no package.json in extension development path ${extensionDevelopmentPath}`);
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (typeof pkg.main === 'string') {
    const main = path.resolve(extensionDevelopmentPath, pkg.main);
    if (![main, `${main}.js`].some(f => fs.existsSync(f))) {
      throw new RunnerError(`the extension's main ${pkg.main} does not exist: run \`npm run build\` first`);
    }
  }
}

// ------------------------------------------------------------------ the suite

export interface RunOptions {
  workspace: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  timeoutMs: number;
  verbose: boolean;
}

/** The extension host's console arrives as console.log's arguments: format them the same way. */
function formatLogArgs(args: unknown): string {
  const list = Array.isArray(args) ? args : [args];
  return util.format(...list);
}

/** Workbench chatter that reaches codeAutomationLog too; shown with --verbose. */
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|ChatSessionStore:|\[Service Worker\])/;

/** The suite's "N passed, N failed" line from the last runSuite(). */
let lastSummary: string | undefined;

/** Runs the suite; resolves to the exit code (0 = all passed). */
export async function runSuite(o: RunOptions): Promise<number> {
  checkExtensionBuilt(o.extensionDevelopmentPath);
  if (!fs.existsSync(o.extensionTestsPath)) {
    throw new RunnerError(`the test module ${o.extensionTestsPath} does not exist: run \`npm run compile-tests\` first`);
  }
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  log(`workspace ${o.workspace}`);
  log(`extension ${o.extensionDevelopmentPath}`);
  log(`tests     ${o.extensionTestsPath}`);
  const server = await startCodeServer(o.workspace, { profile: 'profile-integration', verbose: o.verbose });
  log(`code-server ${CODE_SERVER_VERSION} ready on ${server.baseUrl} (pid ${server.process.pid}) after ${elapsed()}`);
  let browser: Browser | undefined;
  let page: Page | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await server.stop();
  };
  const onSignal = (sig: NodeJS.Signals) => {
    log(`received ${sig}, stopping code-server and Chromium`);
    void cleanup().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();

    let resolveExit!: (code: number) => void;
    const exitCode = new Promise<number>(r => (resolveExit = r));
    let sawLog = false;
    let summary: string | undefined;
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      sawLog = true;
      const text = formatLogArgs(args);
      if (!o.verbose && WORKBENCH_NOISE.test(text)) return;
      const m = /^\d+ passed, \d+ failed.*$/m.exec(text);
      if (m) summary = m[0];
      (type === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: unknown) => {
      saveWorkbenchLogs(logs);
      resolveExit(typeof code === 'number' ? code : 1);
    });
    page.on('pageerror', err => log(`page error: ${err.message}`));
    page.on('crash', () => log('the workbench page crashed'));
    if (o.verbose) page.on('console', m => process.stdout.write(`[page ${m.type()}] ${m.text()}\n`));

    const url = workbenchUrl(server, o);
    if (o.verbose) log(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    log(`workbench rendered after ${elapsed()}; running the suite in the extension host`);

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(r => (timer = setTimeout(() => r('timeout'), Math.max(0, o.timeoutMs - (Date.now() - started)))));
    const crashed = new Promise<'crashed'>(r => page!.on('crash', () => r('crashed')));
    const serverGone = new Promise<'server-exited'>(r => server.process.on('exit', () => r('server-exited')));
    const result = await Promise.race([exitCode, timeout, crashed, serverGone]);
    clearTimeout(timer);
    if (typeof result === 'number') {
      log(`extension host exited with code ${result} after ${elapsed()}`);
      if (!sawLog) log('WARNING: no output was forwarded from the extension host');
      if (result === 0 && !summary) {
        // The suite's index prints "N passed, N failed"; without it we cannot tell that tests ran.
        log('the extension host reported success but the suite printed no "N passed, N failed" line');
        return 1;
      }
      lastSummary = summary;
      return result;
    }
    await screenshot(page, 'integration-failure');
    const why =
      result === 'timeout'
        ? `the suite did not finish within ${o.timeoutMs / 1000}s (no codeAutomationExit)`
        : result === 'crashed'
          ? 'the workbench page crashed'
          : 'code-server exited during the run';
    throw new RunnerError(`${why}\n--- last code-server output ---\n${server.output()}\n---`);
  } catch (e) {
    if (page && !(e instanceof RunnerError && /did not finish|crashed|exited during/.test(e.message))) {
      await screenshot(page, 'integration-failure');
    }
    throw e;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

async function screenshot(page: Page, name: string): Promise<void> {
  try {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name}.png`);
    await page.screenshot({ path: file, timeout: 10_000 });
    log(`screenshot of the workbench: ${path.relative(REPO_ROOT, file)}`);
  } catch {
    /* best effort */
  }
}

function saveWorkbenchLogs(logs: unknown): void {
  if (!Array.isArray(logs) || logs.length === 0) return;
  try {
    const dir = path.join(VSCODE_TEST_DIR, 'logs', 'integration');
    fs.rmSync(dir, { recursive: true, force: true });
    for (const entry of logs as { relativePath?: string; contents?: string }[]) {
      if (!entry || typeof entry.relativePath !== 'string' || typeof entry.contents !== 'string') continue;
      const file = path.join(dir, entry.relativePath.replace(/\.\.+/g, '_'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, entry.contents);
    }
    log(`workbench logs saved under ${path.relative(REPO_ROOT, dir)}/`);
  } catch {
    /* best effort */
  }
}

// ------------------------------------------------------------------ CLI

function parseArgs(argv: string[]): RunOptions {
  const o: RunOptions = {
    workspace: DEFAULT_WORKSPACE,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: DEFAULT_TESTS_PATH,
    timeoutMs: Number(process.env.VSCODE_TEST_TIMEOUT ?? 600) * 1000,
    verbose: !!process.env.VSCODE_TEST_VERBOSE,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new RunnerError(`${a} needs a value`);
      return v;
    };
    if (a === '--extension-development-path') o.extensionDevelopmentPath = path.resolve(value());
    else if (a === '--extension-tests-path') o.extensionTestsPath = path.resolve(value());
    else if (a === '--timeout') o.timeoutMs = Number(value()) * 1000;
    else if (a === '--verbose') o.verbose = true;
    else if (a.startsWith('--')) throw new RunnerError(`unknown option ${a}`);
    else o.workspace = path.resolve(a);
  }
  if (!Number.isFinite(o.timeoutMs) || o.timeoutMs <= 0) throw new RunnerError('--timeout must be a positive number of seconds');
  return o;
}

async function main(): Promise<void> {
  let code: number;
  try {
    code = await runSuite(parseArgs(process.argv.slice(2)));
  } catch (e) {
    const msg = e instanceof RunnerError ? e.message : (e as Error)?.stack ?? String(e);
    process.stderr.write(`[code-server-runner] FAILED: ${msg}\n`);
    code = 1;
  }
  if (code !== 0) process.stderr.write(`[code-server-runner] integration suite FAILED (exit code ${code})\n`);
  else log('integration suite passed');
  // End with the suite's tally, so the last line says what ran.
  if (lastSummary) process.stdout.write(`${lastSummary}\n`);
  process.exit(code);
}

if (require.main === module) void main();
