// Checks the packaged extension (trustlint.vsix from `npm run package`): exactly the runtime files are inside,
// and every file the manifest points at is among them. Run by test/e2e/run.sh after packaging.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const vsix = process.env.TRUSTLINT_VSIX ?? path.join(repo, 'trustlint.vsix');

/** Every entry must match one of these: the bundles, grammar, snippets, schemas, README, license, icon. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/license(\.md|\.txt)?$/i,
  /^extension\/dist\/(web\/)?(extension|server)\.js$/,
  /^extension\/dist\/(pack-index|sentence-model)\.json$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
  /^extension\/snippets\/[^/]+\.code-snippets$/,
  /^extension\/server\/schemas\/[^/]+\.schema\.json$/,
  /^extension\/images\/icon\.png$/,
];

interface Manifest {
  main: string;
  browser?: string;
  icon?: string;
  contributes: {
    languages?: Array<{ configuration?: string }>;
    grammars?: Array<{ path: string }>;
    snippets?: Array<{ path: string }>;
    jsonValidation?: Array<{ url: string }>;
  };
}

function entries(): string[] {
  // -Z1: one name per line, no header.
  return execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter((l) => l && !l.endsWith('/'));
}

function inVsix(relative: string): string {
  return `extension/${path.posix.normalize(relative.replace(/^\.\//, ''))}`;
}

describe('trustlint.vsix', () => {
  before(function () {
    assert.ok(fs.existsSync(vsix), `${vsix} is missing; run \`npm run package\` first`);
  });

  it('holds only the runtime files', () => {
    const unexpected = entries().filter((e) => !ALLOWED.some((re) => re.test(e)));
    assert.deepEqual(unexpected, [], 'files that should be left out by .vscodeignore');
  });

  it('holds every file the manifest refers to, plus README and license', () => {
    const names = new Set(entries());
    const manifest = JSON.parse(execFileSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' })) as Manifest;
    const c = manifest.contributes;
    const wanted = [
      manifest.main.endsWith('.js') ? manifest.main : `${manifest.main}.js`,
      'dist/server.js',
      // The server's precomputed pattern index: without it start-up is slower but still correct.
      'dist/pack-index.json',
      // The learned check's model: without it the check is off.
      'dist/sentence-model.json',
      ...(manifest.browser ? [manifest.browser, 'dist/web/server.js'] : []),
      ...(manifest.icon ? [manifest.icon] : []),
      ...(c.languages ?? []).flatMap((l) => (l.configuration ? [l.configuration] : [])),
      ...(c.grammars ?? []).map((g) => g.path),
      ...(c.snippets ?? []).map((s) => s.path),
      ...(c.jsonValidation ?? []).map((j) => j.url).filter((u) => !/^https?:/.test(u)),
    ].map(inVsix);
    const missing = [...new Set(wanted)].filter((w) => !names.has(w));
    assert.deepEqual(missing, [], 'files the manifest needs');
    assert.ok([...names].some((n) => /^extension\/readme\.md$/i.test(n)), 'README inside');
    assert.ok([...names].some((n) => /^extension\/license(\.md|\.txt)?$/i.test(n)), 'LICENSE inside');
  });

  it('ships production bundles without source maps', () => {
    for (const bundle of ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/web/extension.js', 'extension/dist/web/server.js']) {
      const text = execFileSync('unzip', ['-p', vsix, bundle], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      assert.ok(!text.includes('sourceMappingURL='), `${bundle} points at a source map`);
    }
  });
});
