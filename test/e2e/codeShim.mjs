#!/usr/bin/env node
// Stands in for the VS Code desktop executable so that @vscode/test-electron's runTests({ vscodeExecutablePath })
// and @vscode/test-cli's useInstallation.fromPath work on machines where VS Code cannot be downloaded.
//
// It takes the flags test-electron passes (--extensionDevelopmentPath=, --extensionTestsPath=, a folder; the rest
// is ignored), starts the VS Code server that ships inside code-server (installed by test/e2e/setup.sh) on 127.0.0.1,
// opens the workbench in headless Chromium and lets the workbench run the tests in its Node extension host.
// The workbench reports the result through window.codeAutomationExit, which becomes this process's exit code.
//
// Environment:
//   VSCODE_SERVER_DIR   code-server's lib/vscode folder (default: <repo>/.editor-tools/node_modules/code-server/lib/vscode)
//   VSCODE_SERVER_NODE  node binary for the server (default: the node running this script)
//   CHROMIUM            browser binary (default: /usr/bin/chromium)
//   E2E_TIMEOUT_MS      whole-run limit (default: 600000)
//   E2E_VERBOSE=1       echo the browser console and keep the temporary folder
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const serverDir = process.env.VSCODE_SERVER_DIR || path.join(repo, '.editor-tools/node_modules/code-server/lib/vscode');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 600_000);
const verbose = process.env.E2E_VERBOSE === '1';
/** Flags Debian's Chromium needs to run headless in a container without touching the network. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Workbench chatter that says nothing about the tests (offline gallery lookups, socket set-up, service worker). */
const NOISE = [/^Resolv(ing|ed) connection token/, /^Creating a socket/, /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/, /^ChatSessionStore:/, /ENOTFOUND/, /ERR_NAME_NOT_RESOLVED/];

const args = process.argv.slice(2);
const flag = (name) => args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const devPaths = flag('extensionDevelopmentPath');
const [testsPath] = flag('extensionTestsPath');
// Positional arguments are folders or files to open; test-electron puts launchArgs first.
const folder = args.filter((a) => !a.startsWith('-'))[0] ?? devPaths[0];

function fail(message) {
  console.error(`codeShim: ${message}`);
  process.exit(1);
}

if (args.includes('--version')) {
  // test-cli asks the executable for its version in some paths; answer like the desktop CLI does.
  const pkg = JSON.parse(fs.readFileSync(path.join(serverDir, 'package.json'), 'utf8'));
  console.log(`${pkg.version}\n${pkg.commit ?? ''}\nx64`);
  process.exit(0);
}
if (devPaths.length === 0 || !testsPath) fail('needs --extensionDevelopmentPath=... and --extensionTestsPath=... (it only runs extension tests)');
if (!fs.existsSync(path.join(serverDir, 'out/server-main.js'))) fail(`no VS Code server in ${serverDir}; run test/e2e/setup.sh first`);
if (!fs.existsSync(browserPath)) fail(`no browser at ${browserPath}; run test/e2e/setup.sh first`);

const freePort = () => new Promise((resolve, reject) => {
  const probe = net.createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-code-'));
const serverLog = path.join(tmp, 'server.log');
let server;
let browser;

/** Ends the server's whole process group: it owns the extension host and the language server it forks. */
function stopServer(signal = 'SIGTERM') {
  if (!server?.pid) return;
  try { process.kill(-server.pid, signal); } catch { /* already gone */ }
}

async function cleanUp() {
  try { await browser?.close(); } catch { /* the browser may already be gone */ }
  stopServer('SIGTERM');
  // Give the group a moment to exit, then make sure nothing is left behind.
  await new Promise((r) => setTimeout(r, 300));
  stopServer('SIGKILL');
  if (!verbose) fs.rmSync(tmp, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { cleanUp().finally(() => process.exit(1)); });
}
process.on('exit', () => stopServer('SIGKILL'));

async function main() {
  const port = await freePort();
  const node = process.env.VSCODE_SERVER_NODE || process.execPath;
  const logFd = fs.openSync(serverLog, 'a');
  // --enable-smoke-test-driver makes the workbench honour the test payload (required from Code 1.10x on, harmless before).
  server = spawn(node, [path.join(serverDir, 'out/server-main.js'), '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
    '--disable-telemetry', '--disable-workspace-trust',
    '--user-data-dir', path.join(tmp, 'user'), '--server-data-dir', path.join(tmp, 'server'),
    '--extensions-dir', path.join(tmp, 'extensions')],
  { detached: true, stdio: ['ignore', logFd, logFd] });
  // test/e2e/run.sh kills every group listed here if this shim dies before cleaning up.
  if (process.env.TRUSTLINT_E2E_PIDDIR) fs.writeFileSync(path.join(process.env.TRUSTLINT_E2E_PIDDIR, `vscode-server-${server.pid}`), String(server.pid));
  const serverExit = new Promise((resolve) => server.once('exit', (code, signal) => resolve(`VS Code server exited early (${code ?? signal})`)));

  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${base}/version`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() - started > 30_000) throw new Error(`VS Code server did not answer on ${base} within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  const payload = [...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(testsPath)]];
  browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: browserPath, headless: true, args: CHROMIUM_ARGS });
  const page = browser.pages()[0] ?? await browser.newPage();
  let resolveExit;
  const exit = new Promise((resolve) => { resolveExit = resolve; });
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    // The workbench forwards the extension host's console here; mocha's report is in it.
    const line = util.format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    if (!verbose && NOISE.some((re) => re.test(line))) return;
    if (type === 'error') process.stderr.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  if (verbose) page.on('console', (m) => console.log(`[browser] ${m.text()}`));
  page.on('crash', () => resolveExit('the workbench page crashed'));

  const url = `${base}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  const timeout = new Promise((resolve) => setTimeout(() => resolve(`no result within ${timeoutMs / 1000} s`), timeoutMs).unref());
  const result = await Promise.race([exit, serverExit, timeout]);
  if (typeof result !== 'number') {
    console.error(`codeShim: ${result}. Last lines of the server log (${serverLog}):`);
    console.error(fs.readFileSync(serverLog, 'utf8').split('\n').slice(-30).join('\n'));
    return 1;
  }
  return result;
}

main().then(
  async (code) => { await cleanUp(); process.exit(code); },
  async (error) => { console.error(`codeShim: ${error?.stack ?? error}`); await cleanUp(); process.exit(1); },
);
