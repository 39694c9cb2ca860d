// Repository invariants: the core stays pure, rule metadata is uniform, docs list every rule.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATEGORIES, listRules } from '../../server/src/core';
import { renderRulesDoc } from '../../scripts/rulesDoc';

const root = path.resolve(__dirname, '../..');
const coreDir = path.join(root, 'server/src/core');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('core purity', () => {
  const forbidden = /^(?:vscode.*|node:.*|fs|path|process|child_process|os|url|util|events|stream)$/;
  for (const file of walk(coreDir).filter((f) => f.endsWith('.ts'))) {
    it(`${path.relative(root, file)} imports nothing impure`, () => {
      const src = fs.readFileSync(file, 'utf8');
      const imports = [...src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)|import\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      const bad = imports.filter((i) => forbidden.test(i));
      assert.deepEqual(bad, []);
      assert.ok(!/\bprocess\.|\brequire\(/.test(src.replace(/\/\/.*$/gm, '')), 'no process.* or require() in the core');
    });
  }
  it('the purity check itself catches an impure import', () => {
    const sample = "import * as fs from 'node:fs';";
    const imports = [...sample.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    assert.ok(imports.some((i) => forbidden.test(i)));
  });
});

describe('rule metadata', () => {
  const rules = listRules();
  it('ids are unique and kebab-case', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });
  it('every rule file holds only its own category', () => {
    const dir = path.join(coreDir, 'rules');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const pack = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      for (const r of pack.rules) assert.equal(`${r.category}.json`, file, `${r.id} lives in ${file}`);
    }
  });
  it('messages are one sentence that quotes the match or names the tactic', () => {
    for (const r of rules) {
      const body = r.message.replace(/“\{match\}”/g, 'X');
      assert.ok(!/[.!?]\s+\S/.test(body.replace(/\b(?:e\.g|i\.e|vs)\./g, '')), `${r.id}: message is one sentence: ${r.message}`);
      assert.ok(r.message.length <= 200, `${r.id}: message is short`);
    }
  });
  it('replacements with placeholders are never drop-in', () => {
    for (const r of rules) for (const rep of r.replacements) if (rep.text.includes('{{')) assert.equal(rep.dropIn, false, `${r.id}: ${rep.text}`);
  });
  it('every category has rules', () => {
    const seen = new Set(rules.map((r) => r.category));
    const missing = CATEGORIES.filter((c) => !seen.has(c));
    assert.deepEqual(missing, []);
  });
  it('docs/rules.md is generated from the current pack (run `npm run docs` if this fails)', () => {
    const doc = fs.readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
    const missing = rules.filter((r) => !doc.includes(`<a id="${r.id}"></a>`)).map((r) => r.id);
    assert.deepEqual(missing, []);
    assert.equal(doc, renderRulesDoc());
  });
  it('the README names every category', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.deepEqual(CATEGORIES.filter((c) => !readme.includes(`\`${c}\``)), []);
  });
});
