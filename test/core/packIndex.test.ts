// The build-time pattern index (dist/pack-index.json) must describe the shipped pack exactly: a pack compiled
// with it must hold the same prefilter data as one compiled from scratch, and a stale index must be refused.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBuiltinIndex, compilePack, DEFAULT_CONFIG, lint, useBuiltinIndex } from '../../server/src/core';
import { packHash, restoreSources } from '../../server/src/core/pack';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import type { RulePackFile } from '../../server/src/core/types';
import { BUILTIN_PACK_FILES } from '../../server/src/core/rules';

const summary = (pack: ReturnType<typeof compilePack>) => {
  assert.ok(pack.ok);
  return pack.value.rules.map((r) => [r.spec.id, ...[...r.patterns, ...r.cues.flat(), ...r.unless].map((p) => JSON.stringify([p.groups, p.starts ? [...p.starts].sort() : null, p.needsChars, p.triggers]))]);
};

describe('pack index', () => {
  const index = buildBuiltinIndex();

  it('compiles the shipped pack to the same prefilter data as parsing every pattern', () => {
    const live = summary(compilePack(BUILTIN_PACK_FILES, undefined, true));
    const indexed = summary(compilePack(BUILTIN_PACK_FILES, undefined, true, index));
    assert.equal(indexed.length, live.length);
    assert.deepEqual(indexed, live);
    assert.ok(Object.keys(index.patterns).length > 1000);
  });

  it('a pack compiled from the index lints like one compiled from scratch', () => {
    const text = 'Act now, this offer expires tonight! If you walk away, we will give your slot to someone else.';
    const pack = compilePack(BUILTIN_PACK_FILES, undefined, true, index);
    assert.ok(pack.ok);
    const withIndex = lint(text, { config: { ...DEFAULT_CONFIG, pack: pack.value } }).findings.map((f) => f.ruleId);
    assert.ok(withIndex.length >= 2);
    assert.deepEqual(withIndex, lint(text).findings.map((f) => f.ruleId));
  });

  it('still matches rules whose examples were left out (the server bundles drop them)', () => {
    const lean = BUILTIN_PACK_FILES.map(({ name, pack }) => ({ name, pack: { ...(pack as object), rules: (pack as { rules: object[] }).rules.map((r) => ({ ...r, examples: { flag: [], allow: [] } })) } }));
    assert.equal(packHash(lean), index.hash);
    const changed = lean.map(({ name, pack }, k) => ({ name, pack: k === 0 ? { ...pack, rules: pack.rules.slice(1) } : pack }));
    assert.notEqual(packHash(changed), index.hash);
  });

  it('refuses an index made from other rules', () => {
    assert.equal(useBuiltinIndex({ ...index, hash: 'stale' }), false);
    assert.equal(useBuiltinIndex(null), false);
    assert.equal(useBuiltinIndex('not an index'), false);
  });

  it('the build wrote a current dist/pack-index.json', function () {
    const file = path.resolve(__dirname, '../../dist/pack-index.json');
    if (!fs.existsSync(file)) this.skip();
    const built = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(built.hash, index.hash, 'run npm run build');
    assert.deepEqual(built, JSON.parse(JSON.stringify(index)));
  });

  describe('pattern sources kept in the index (the Node bundles leave them out of their code)', () => {
    const strip = () => BUILTIN_PACK_FILES.map(({ name, pack }) => ({
      name,
      pack: { ...(pack as RulePackFile), rules: (pack as RulePackFile).rules.map(({ patterns: _p, cues: _c, unless: _u, ...rest }) => ({ ...rest })) },
    }));

    it('gives every stripped rule back exactly its patterns, cues and exceptions', () => {
      const files = strip();
      assert.ok(files.every(({ pack }) => pack.rules.every((r) => !('patterns' in r) && !('cues' in r))));
      assert.equal(restoreSources(files, index), true);
      assert.equal(packHash(files), index.hash);
      assert.deepEqual(files.map(({ pack }) => pack.rules), BUILTIN_PACK_FILES.map(({ pack }) => (pack as RulePackFile).rules));
    });

    it('changes nothing when a rule is missing from the index', () => {
      const files = strip();
      const { [files[3].pack.rules[0].id]: _gone, ...rules } = index.rules;
      assert.equal(restoreSources(files, { ...index, rules }), false);
      assert.ok(files.every(({ pack }) => pack.rules.every((r) => !('patterns' in r))));
    });

    it('the built bundles hold no patterns; the web build, which cannot read files, keeps them', function () {
      const dist = path.resolve(__dirname, '../../dist');
      if (!fs.existsSync(path.join(dist, 'server.js'))) this.skip();
      // Long patterns, so a short one that happens to appear in some message does not count.
      // Plain ASCII without quotes or backslashes, which every bundle writes as it is.
      const probes = index.patterns.map((p) => p.source).filter((p) => p.length > 120 && /^[\x20-\x7e]+$/.test(p) && !/["\\]/.test(p)).slice(0, 20);
      assert.ok(probes.length >= 10);
      for (const bundle of ['server.js', 'cli.js']) {
        const code = fs.readFileSync(path.join(dist, bundle), 'utf8');
        assert.deepEqual(probes.filter((p) => code.includes(p)), [], `${bundle} embeds patterns`);
        assert.ok(code.includes(index.hash), `${bundle} is marked with the index it was stripped against`);
      }
      const web = fs.readFileSync(path.join(dist, 'web/server.js'), 'utf8');
      assert.ok(probes.every((p) => web.includes(p)), 'the web server keeps its patterns');
    });

    it('the CLI without its index, or with another build\'s, stops with a clear error instead of a clean report', function () {
      this.timeout(30_000);
      const dist = path.resolve(__dirname, '../../dist');
      if (!fs.existsSync(path.join(dist, 'cli.js'))) this.skip();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-index-'));
      try {
        fs.copyFileSync(path.join(dist, 'cli.js'), path.join(dir, 'cli.js'));
        const file = path.join(dir, 'a.md');
        fs.writeFileSync(file, 'Act now, this offer expires tonight!\n');
        const run = () => spawnSync(process.execPath, [path.join(dir, 'cli.js'), file], { encoding: 'utf8' });
        for (const index of [undefined, { ...buildBuiltinIndex(), hash: 'another-build' }]) {
          if (index) fs.writeFileSync(path.join(dir, 'pack-index.json'), JSON.stringify(index));
          const r = run();
          assert.equal(r.status, 2);
          assert.match(r.stderr, /pack-index\.json .* missing or from another build/);
        }
        fs.copyFileSync(path.join(dist, 'pack-index.json'), path.join(dir, 'pack-index.json'));
        const ok = run();
        assert.equal(ok.status, 0, ok.stderr);
        assert.match(ok.stdout, /act-now/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
