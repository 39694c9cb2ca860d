// Compiles the extension-host suite (test/e2e/suite/*.ts) to .vscode-test/e2e/suite/*.js (ignored by git).
// Each file is bundled on its own so mocha can load them one by one; `vscode` and mocha come from the host/node_modules.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const suiteOut = path.join(repo, '.vscode-test/e2e/suite');

export async function buildSuite() {
  const dir = path.join(repo, 'test/e2e/suite');
  const entryPoints = fs.readdirSync(dir).filter((n) => n === 'index.ts' || n.endsWith('.test.ts')).map((n) => path.join(dir, n));
  fs.rmSync(suiteOut, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    // jsonc-parser's "main" is a UMD build esbuild cannot follow; its ES module build bundles cleanly.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return path.join(suiteOut, 'index.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await buildSuite());
}
