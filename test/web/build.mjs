// Bundles the web suite (test/web/suite) into one browser script the web extension host can load
// (test/web/dist/suite.js). `vscode` comes from the host; mocha's own browser build is bundled in.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const suiteFile = path.join(here, 'dist', 'suite.js');

export async function buildSuite() {
  await esbuild.build({
    entryPoints: [path.join(here, 'suite', 'index.ts')],
    outfile: suiteFile,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'warning',
  });
  return suiteFile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildSuite());
