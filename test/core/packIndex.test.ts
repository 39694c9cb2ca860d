// The build-time pattern index (dist/pack-index.json) must describe the shipped pack exactly: a pack compiled
// with it must hold the same prefilter data as one compiled from scratch, and a stale index must be refused.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBuiltinIndex, compilePack, DEFAULT_CONFIG, lint, useBuiltinIndex } from '../../server/src/core';
import { packHash } from '../../server/src/core/pack';
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
});

