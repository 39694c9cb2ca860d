// Runs the mocha suite in test/e2e/suite inside a real VS Code extension host with @vscode/test-electron.
//   node test/e2e/runSuite.mjs            uses the code-server shim when .editor-tools/ is set up (see setup.sh)
//   TRUSTLINT_E2E_VSCODE=download ...     lets test-electron download VS Code (where the network allows it)
//   TRUSTLINT_E2E_VSCODE=shim ...         insists on the shim
// The workspace is a temporary copy of examples/ (and test/e2e/fixtures/workspace/), so tests may write files.
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSuite, repo } from './build.mjs';

const shim = path.join(repo, 'test/e2e/codeShim.mjs');
const serverDir = process.env.VSCODE_SERVER_DIR || path.join(repo, '.editor-tools/node_modules/code-server/lib/vscode');
const haveShim = fs.existsSync(path.join(serverDir, 'out/server-main.js'));
const mode = process.env.TRUSTLINT_E2E_VSCODE || (haveShim ? 'shim' : 'download');
if (mode === 'shim' && !haveShim) {
  console.error(`runSuite: no VS Code server in ${serverDir}; run test/e2e/setup.sh first`);
  process.exit(1);
}
if (!fs.existsSync(path.join(repo, 'dist/extension.js')) || !fs.existsSync(path.join(repo, 'dist/server.js'))) {
  console.error('runSuite: dist/ is missing; run `npm run build` first');
  process.exit(1);
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-e2e-ws-'));
fs.cpSync(process.env.TRUSTLINT_E2E_EXAMPLES || path.join(repo, 'examples'), path.join(workspace, 'examples'), { recursive: true });
const extra = path.join(repo, 'test/e2e/fixtures/workspace');
if (fs.existsSync(extra)) fs.cpSync(extra, workspace, { recursive: true });

const t0 = Date.now();
let code = 0;
try {
  await runTests({
    ...(mode === 'shim' ? { vscodeExecutablePath: shim } : { version: process.env.VSCODE_VERSION || 'stable' }),
    extensionDevelopmentPath: repo,
    extensionTestsPath: await buildSuite(),
    launchArgs: [workspace, '--disable-extensions'],
    extensionTestsEnv: { VSCODE_SERVER_DIR: serverDir },
  });
} catch (error) {
  console.error(`runSuite: ${error instanceof Error ? error.message : error}`);
  code = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
console.log(`runSuite: extension-host suite (${mode}) finished in ${((Date.now() - t0) / 1000).toFixed(1)} s with exit code ${code}`);
process.exit(code);
