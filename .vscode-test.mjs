// @vscode/test-cli configuration: `npx vscode-test` runs the same extension-host suite as test/e2e/runSuite.mjs.
// With .editor-tools/ set up (test/e2e/setup.sh) it uses the code-server shim; otherwise it downloads VS Code.
import { defineConfig } from '@vscode/test-cli';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSuite, repo, suiteOut } from './test/e2e/build.mjs';

await buildSuite();
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-e2e-ws-'));
fs.cpSync(path.join(repo, 'examples'), path.join(workspace, 'examples'), { recursive: true });
const shimReady = fs.existsSync(path.join(repo, '.editor-tools/node_modules/code-server/lib/vscode/out/server-main.js'));

export default defineConfig({
  label: 'e2e',
  files: path.relative(repo, path.join(suiteOut, '*.test.js')),
  extensionDevelopmentPath: repo,
  workspaceFolder: workspace,
  ...(shimReady && process.env.TRUSTLINT_E2E_VSCODE !== 'download'
    ? { useInstallation: { fromPath: path.join(repo, 'test/e2e/codeShim.mjs') } }
    : { version: 'stable' }),
  mocha: { ui: 'bdd', timeout: 60_000, color: false },
});
