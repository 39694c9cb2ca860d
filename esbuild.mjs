// Bundles the extension client, the language server and the CLI into dist/.
// Type checking is separate (`npm run check`), as in the VS Code esbuild sample.
import * as esbuild from 'esbuild';
import { builtinModules } from 'node:module';

const production = process.argv.includes('--production');
// Another output folder, for measuring production bundles without touching dist/ (npm run bench).
const out = process.env.TRUSTLINT_OUT ?? 'dist';
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

/**
 * server/src/core/schemas.ts compiles the JSON Schemas with Ajv at run time. The bundles get validators Ajv generated
 * here from the same schemas and options instead (Ajv "standalone" code), so Ajv's compiler (about 120 KB) is not
 * shipped and no schema is compiled at start-up. Tests run the bundles, so the generated code is what they check.
 */
const standaloneSchemas = {
  name: 'standalone-schemas',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]core[\\/]schemas\.ts$/ }, async () => {
      const { readFile } = await import('node:fs/promises');
      const { default: Ajv } = await import('ajv');
      const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
      const read = async (name) => JSON.parse(await readFile(new URL(`./server/schemas/${name}`, import.meta.url), 'utf8'));
      // The same options as schemas.ts (AJV_OPTIONS), plus code generation.
      const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true } });
      ajv.addSchema(await read('config.schema.json'), 'config');
      ajv.addSchema(await read('rule-pack.schema.json'), 'rulePack');
      const code = standaloneCode(ajv, { validateConfig: 'config', validateRulePack: 'rulePack' });
      return {
        contents: `${code}\nexport const AJV_OPTIONS = { allErrors: true, strict: false };\nexport function configValidator() { return validateConfig; }\nexport function rulePackValidator() { return validateRulePack; }\n`,
        loader: 'js',
        resolveDir: new URL('./server/src/core/', import.meta.url).pathname,
      };
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
  plugins: [problemMatcher, standaloneSchemas],
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
  plugins: [problemMatcher, standaloneSchemas, noNodeBuiltins],
};

/**
 * Rule files with some of each rule's fields left out, and marked with the pack index's hash when `patternsIn` is
 * given. One plugin per bundle, since esbuild loads a file with the first plugin that answers.
 */
const trimmedRules = (name, fields, patternsIn) => ({
  name,
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]core[\\/]rules[\\/][^\\/]+\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const pack = JSON.parse(await readFile(args.path, 'utf8'));
      for (const rule of pack.rules ?? []) for (const field of fields) delete rule[field];
      delete pack.$schema;
      if (patternsIn) pack.patternsIn = patternsIn;
      return { contents: JSON.stringify(pack), loader: 'json' };
    });
  },
});

/**
 * The language servers never show a rule's examples or its one-line description (hover shows the message, the
 * rationale and the alternatives; the CLI's `explain` and docs/rules.md show the rest), so their bundles leave
 * those out: about a third of the rule pack's size.
 */
const LEAN = ['examples', 'description'];

/**
 * The Node bundles read dist/pack-index.json at start-up, and it holds every rule's pattern sources (PackIndex in
 * server/src/core/pack.ts), so their code leaves the patterns out: each pattern ships once, not twice. Each rule
 * file is marked with the index's hash, and the core takes the patterns back only from that very index. Watch
 * builds keep the patterns: they do not rewrite the index on every change.
 */
const PATTERNS = ['patterns', 'cues', 'unless'];

/**
 * The Node bundles read the learned check's model from dist/sentence-model.json at start-up (node/packIndex.ts), like
 * the pack index, instead of carrying 90 KB of weights as code; the web bundles, which cannot read files, keep it.
 */
const modelAsFile = {
  name: 'model-as-file',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]core[\\/]model[\\/]sentenceModel\.json$/ }, () => ({ contents: 'null', loader: 'json' }));
  },
};

// The index first: the Node bundles are stripped against its hash.
const indexHash = watch ? undefined : await writePackIndex();
const stripped = indexHash ? PATTERNS : [];

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: `${out}/extension.js`, external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: `${out}/server.js`, plugins: [...common.plugins, trimmedRules('lean-rules', [...LEAN, ...stripped], indexHash), modelAsFile] },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: `${out}/cli.js`, banner: { js: '#!/usr/bin/env node' }, plugins: [...common.plugins, trimmedRules('patterns-in-index', stripped, indexHash), modelAsFile] },
  { ...web, entryPoints: ['client/src/web/extension.ts'], outfile: `${out}/web/extension.js`, format: 'cjs', external: ['vscode'] },
  { ...web, entryPoints: ['server/src/web/main.ts'], outfile: `${out}/web/server.js`, format: 'iife', plugins: [...web.plugins, trimmedRules('lean-rules', LEAN)] },
];

// The model as data beside the Node bundles (see modelAsFile), compacted; written in watch mode too.
{
  const { mkdir, readFile, writeFile } = await import('node:fs/promises');
  await mkdir(out, { recursive: true });
  await writeFile(`${out}/sentence-model.json`, JSON.stringify(JSON.parse(await readFile('server/src/core/model/sentenceModel.json', 'utf8'))));
}

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

/**
 * dist/pack-index.json: the shipped pack's prefilter data and pattern sources, computed here once so the server and
 * the CLI skip parsing every pattern at start-up (server/src/node/packIndex.ts loads it). Returns its hash.
 */
async function writePackIndex() {
  const script = `${out}/.build-pack-index.js`;
  await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: ['scripts/buildPackIndex.ts'], outfile: script });
  const { execFileSync } = await import('node:child_process');
  const { readFileSync, rmSync } = await import('node:fs');
  try {
    execFileSync(process.execPath, [script, `${out}/pack-index.json`], { stdio: 'inherit' });
  } finally {
    rmSync(script, { force: true });
  }
  return JSON.parse(readFileSync(`${out}/pack-index.json`, 'utf8')).hash;
}
