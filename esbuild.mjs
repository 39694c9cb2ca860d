// Bundles the extension client, the language server and the CLI into dist/.
// Type checking is separate (`npm run check`), as in the VS Code esbuild sample.
import * as esbuild from 'esbuild';
import { builtinModules } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the format VS Code's $esbuild-watch problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => { if (watch) console.log('[watch] build started'); });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [problemMatcher],
};

/**
 * The browser bundles must not need Node: any import of a Node built-in (node:fs, path, url...) fails the build
 * instead of being shimmed, so a Node-only module reaching the web server or client is caught here.
 */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    const builtins = new Set(builtinModules);
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.replace(/^node:/, '').split('/')[0];
      if (!args.path.startsWith('node:') && !builtins.has(name)) return undefined;
      return { errors: [{ text: `${args.path} is a Node built-in; the web build must not need it (imported by ${args.importer})` }] };
    });
  },
};

// The web extension (vscode.dev, github.dev): the client runs in the web extension host, the server in a web worker.
// The packages' "browser" builds are picked; none of them needs a `process` shim.
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  conditions: ['browser'],
  plugins: [problemMatcher, noNodeBuiltins],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...web, entryPoints: ['client/src/web/extension.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] },
  { ...web, entryPoints: ['server/src/web/main.ts'], outfile: 'dist/web/server.js', format: 'iife' },
];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await writePackIndex();
}

/**
 * dist/pack-index.json: the shipped pack's prefilter data, computed here once so the server and the CLI skip
 * parsing every pattern at start-up (server/src/node/packIndex.ts loads it; a stale one is ignored).
 */
async function writePackIndex() {
  const script = 'dist/.build-pack-index.js';
  await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: ['scripts/buildPackIndex.ts'], outfile: script });
  const { execFileSync } = await import('node:child_process');
  const { rmSync } = await import('node:fs');
  try {
    execFileSync(process.execPath, [script, 'dist/pack-index.json'], { stdio: 'inherit' });
  } finally {
    rmSync(script, { force: true });
  }
}
