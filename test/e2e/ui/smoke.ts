// UI smoke test through the real workbench: install trustlint.vsix into code-server (the way a user installs it),
// open an example playbook from the Explorer in headless Chromium, read the Problems panel, apply the preferred
// quick fix with Ctrl+. and check the saved text. Saves a screenshot of the quick-fix menu over the squiggles.
// Usage: node --import tsx test/e2e/ui/smoke.ts   (after test/e2e/setup.sh and npm run package)
// Env: TRUSTLINT_VSIX, TRUSTLINT_UPDATE_SCREENSHOT=1 (rewrite docs/screenshot.png), E2E_VERBOSE=1.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { applyFixes, lint, type Finding } from '../../../server/src/core';

const repo = path.resolve(__dirname, '../../..');
const codeServer = path.join(repo, '.editor-tools/node_modules/code-server/out/node/entry.js');
const vsix = process.env.TRUSTLINT_VSIX ?? path.join(repo, 'trustlint.vsix');
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const results = path.join(repo, 'test-results');
const verbose = process.env.E2E_VERBOSE === '1';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let passed = 0;
function pass(name: string): void {
  passed += 1;
  console.log(`    ✔ ${name}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The example with a finding whose preferred fix is a plain rewrite, so the check can predict the saved text. */
function pickExample(): { file: string; text: string; finding: Finding } {
  const dir = process.env.TRUSTLINT_E2E_EXAMPLES ?? path.join(repo, 'examples');
  const files = fs.readdirSync(dir).filter((n) => n.endsWith('.playbook')).sort();
  for (const name of files) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const finding = lint(text, { languageId: 'playbook' }).findings.find((f) => f.fixes.length > 0);
    if (finding) return { file: name, text, finding };
  }
  throw new Error(`no example playbook in ${dir} has a finding with a fix`);
}

const codeServerArgs = (dir: string): string[] => [
  '--config', path.join(dir, 'config.yaml'),
  '--user-data-dir', path.join(dir, 'user'),
  '--extensions-dir', path.join(dir, 'extensions'),
];

async function main(): Promise<void> {
  assert.ok(fs.existsSync(codeServer), `code-server is not installed in .editor-tools; run test/e2e/setup.sh`);
  assert.ok(fs.existsSync(vsix), `${vsix} is missing; run npm run package`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-ui-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  const { file, text, finding } = pickExample();
  fs.writeFileSync(path.join(workspace, file), text);
  fs.mkdirSync(results, { recursive: true });

  let server: ChildProcess | undefined;
  let browser: BrowserContext | undefined;
  const stop = (): void => {
    // The server leads its own process group (detached), which holds the extension host and the language server.
    if (server?.pid) try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  process.on('exit', stop);
  try {
    const installed = execFileSync(process.execPath, [codeServer, ...codeServerArgs(tmp), '--install-extension', vsix], { encoding: 'utf8' });
    assert.match(installed, /was successfully installed/, installed);
    pass(`installed ${path.basename(vsix)} into code-server`);

    const port = await freePort();
    const log = fs.openSync(path.join(tmp, 'code-server.log'), 'a');
    server = spawn(process.execPath, [codeServer, ...codeServerArgs(tmp), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace],
    { detached: true, stdio: ['ignore', log, log] });
    // test/e2e/run.sh kills every group listed here if this test dies before cleaning up.
    const pidDir = process.env.TRUSTLINT_E2E_PIDDIR;
    if (pidDir && server.pid) fs.writeFileSync(path.join(pidDir, `code-server-${server.pid}`), String(server.pid));
    const base = `http://127.0.0.1:${port}`;
    await until('code-server /healthz', async () => {
      try { return (await fetch(`${base}/healthz`)).ok ? true : undefined; } catch { return undefined; }
    });

    browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: browserPath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } });
    const page = browser.pages()[0] ?? await browser.newPage();
    if (verbose) page.on('console', (m) => console.log(`[browser] ${m.text()}`));
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
    await uiSteps(page, workspace, file, text, finding);
  } catch (error) {
    if (browser) {
      const page = browser.pages()[0];
      if (page) await page.screenshot({ path: path.join(results, 'ui-smoke-failure.png') }).catch(() => undefined);
    }
    const log = path.join(tmp, 'code-server.log');
    if (fs.existsSync(log)) console.error(fs.readFileSync(log, 'utf8').split('\n').slice(-20).join('\n'));
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function uiSteps(page: Page, workspace: string, file: string, text: string, finding: Finding): Promise<void> {
  // Open the file by clicking it in the Explorer (quick open can miss files while search warms up).
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${file}"]`);
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  const mode = page.locator('.statusbar-item[id="status.editor.mode"]');
  await mode.waitFor({ timeout: 30_000 });
  // The language mode switches from Plain Text once the installed extension's contributions are registered.
  await until('the Playbook language mode in the status bar',
    async () => ((await mode.innerText()).trim() === 'Playbook' ? true : undefined), 30_000)
    .catch(async (e: Error) => { throw new Error(`${e.message}; status bar shows "${(await mode.innerText()).trim()}"`); });
  pass(`opened ${file} from the Explorer as Playbook`);

  // The editor renders only the visible lines, so read the findings from the Problems panel.
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel .monaco-list-row');
  let rows: string[] = [];
  const ours = await until('Trustlint entries in the Problems panel', async () => {
    rows = (await problems.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    const found = rows.filter((r) => r.includes('trustlint'));
    return found.length > 0 ? found : undefined;
  }, 60_000).catch((e: Error) => { throw new Error(`${e.message}; rows:\n${rows.join('\n')}`); });
  assert.ok(ours.some((r) => r.includes(finding.ruleId)), `${finding.ruleId} listed in the Problems panel; rows:\n${rows.join('\n')}`);
  pass(`Problems panel lists ${ours.length} Trustlint entries, including ${finding.ruleId}`);

  // Put the cursor inside the finding with Go to Line (line:column, 1-based) and open the quick-fix menu.
  const before = text.slice(0, finding.start);
  const line = before.split('\n').length;
  const column = finding.start - before.lastIndexOf('\n');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(`${line}:${column + 1}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor [class*="squiggly-"]', { timeout: 30_000 });
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget .monaco-list-row');
  await menu.first().waitFor({ timeout: 30_000 });
  const titles = (await menu.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  const preferred = finding.fixes[0]!;
  assert.ok(titles.some((t) => t.includes(preferred.title)), `the menu offers "${preferred.title}"; got:\n${titles.join('\n')}`);
  pass(`Ctrl+. offers "${preferred.title}"`);
  await page.screenshot({ path: path.join(results, 'ui-smoke.png') });
  const docsShot = path.join(repo, 'docs/screenshot.png');
  if (process.env.TRUSTLINT_UPDATE_SCREENSHOT === '1' || !fs.existsSync(docsShot)) fs.copyFileSync(path.join(results, 'ui-smoke.png'), docsShot);

  // VS Code focuses the preferred fix when the menu opens; Enter applies the focused row.
  const focused = await page.locator('.action-widget .monaco-list-row.focused').getAttribute('aria-label');
  assert.equal(focused, preferred.title, 'the preferred fix is focused in the menu');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+S');
  const wanted = applyFixes(text, [preferred]).text;
  const saved = path.join(workspace, file);
  await until('the fixed text on disk', () => (fs.readFileSync(saved, 'utf8') === wanted ? true : undefined), 15_000)
    .catch(() => { throw new Error(`saved text differs from the preferred fix:\n${fs.readFileSync(saved, 'utf8')}`); });
  pass('applied the preferred fix and saved the rewritten text');
}

const t0 = Date.now();
console.log('  UI smoke test (code-server + headless Chromium)');
main().then(
  () => {
    console.log(`  ${passed} passing (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(`    ✘ ${error instanceof Error ? error.message : String(error)}`);
    console.log(`  ${passed} passing (${((Date.now() - t0) / 1000).toFixed(1)}s)\n  1 failing`);
    process.exit(1);
  },
);
