// Entry point the extension host loads (test-electron's extensionTestsPath contract): run every compiled
// *.test.js next to this file with mocha, and reject when a test fails so the host exits non-zero.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // For local debugging: TRUSTLINT_E2E_GREP=hover npm run test:e2e runs only the matching tests.
  if (process.env.TRUSTLINT_E2E_GREP) mocha.grep(process.env.TRUSTLINT_E2E_GREP);
  const files = fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  if (files.length === 0) return Promise.reject(new Error(`No compiled e2e tests in ${__dirname}`));
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed.`)) : resolve()));
  });
}
