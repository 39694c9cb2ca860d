import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { createRegistryFromGrammars } from 'vscode-tmgrammar-test/dist/common/index';
import { parseGrammarTestCase, runGrammarTestCase, type TestFailure } from 'vscode-tmgrammar-test/dist/unit/index';

const root = resolve(__dirname, '../..');
const grammarPath = join(root, 'syntaxes/playbook.tmLanguage.json');
const testDir = join(root, 'test/grammar');
const cli = join(root, 'node_modules/vscode-tmgrammar-test/dist/unit.js');

// The YAML grammar is not part of this repository. An empty stand-in behaves like a missing one
// (the fallback front matter patterns apply) without a "grammar not found" warning per file.
const registry = createRegistryFromGrammars([
  { grammar: { path: grammarPath, scopeName: 'text.playbook' }, content: readFileSync(grammarPath, 'utf8') },
  { grammar: { path: 'yaml-stand-in.json', scopeName: 'source.yaml' }, content: JSON.stringify({ scopeName: 'source.yaml', patterns: [] }) },
]);

async function run(source: string): Promise<TestFailure[]> {
  return runGrammarTestCase(registry, parseGrammarTestCase(source));
}

function describeFailures(failures: TestFailure[]): string {
  return failures
    .map((f) => `line ${f.line} [${f.start}, ${f.end}): missing ${f.missing.join(' ')}; unexpected ${f.unexpected.join(' ')}; actual ${f.actual.join(' ')}`)
    .join('\n');
}

const testFiles = readdirSync(testDir).filter((f) => f.endsWith('.test.playbook')).sort();

describe('playbook grammar', () => {
  it('has grammar test files', () => {
    assert.ok(testFiles.length >= 5, `expected at least 5 grammar test files, found ${testFiles.length}`);
  });

  for (const file of testFiles) {
    it(`passes ${file}`, async () => {
      const source = readFileSync(join(testDir, file), 'utf8');
      const testCase = parseGrammarTestCase(source);
      const assertions = testCase.assertions.reduce((n, a) => n + a.scopeAssertions.length, 0);
      assert.ok(assertions > 0, `${file} has no assertions`);
      const failures = await runGrammarTestCase(registry, testCase);
      assert.equal(failures.length, 0, describeFailures(failures));
    });
  }

  it('reports a wrong scope (the harness can fail)', async () => {
    const failures = await run(
      [
        '<!-- SYNTAX TEST "text.playbook" "negative check"',
        'Buyer: I need to decide today.',
        '<!-- <----- entity.name.tag.speaker.rep.playbook',
      ].join('\n'),
    );
    assert.equal(failures.length, 1);
    assert.deepEqual(failures[0].missing, ['entity.name.tag.speaker.rep.playbook']);
    assert.ok(failures[0].actual.includes('entity.name.type.speaker.buyer.playbook'));
  });

  it('reports a scope that must be absent', async () => {
    const failures = await run(
      [
        '<!-- SYNTAX TEST "text.playbook" "negative check"',
        '## Don\'t say',
        'Rep: Sign today.',
        '<!--  ^^^^^^^^^^^ - markup.deleted.counter-example.playbook',
      ].join('\n'),
    );
    assert.equal(failures.length, 1);
    assert.deepEqual(failures[0].unexpected, ['markup.deleted.counter-example.playbook']);
  });

  it('runs through the vscode-tmgrammar-test command line, passing and failing', function () {
    this.timeout(30000);
    const ok = spawnSync(process.execPath, [cli, '-g', grammarPath, 'test/grammar/*.test.playbook'], { cwd: root, encoding: 'utf8', timeout: 25000 });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /speakers\.test\.playbook run successfuly/);

    const dir = mkdtempSync(join(tmpdir(), 'trustlint-grammar-'));
    try {
      writeFileSync(
        join(dir, 'wrong.test.playbook'),
        '<!-- SYNTAX TEST "text.playbook" "wrong"\n[pause]\n<!-- <------- markup.bold.markdown\n',
      );
      const bad = spawnSync(process.execPath, [cli, '-g', grammarPath, join(dir, '*.test.playbook')], { cwd: dir, encoding: 'utf8', timeout: 25000 });
      assert.notEqual(bad.status, 0);
      assert.match(bad.stdout, /missing required scopes: markup\.bold\.markdown/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is up to date with syntaxes/build-grammar.mjs', () => {
    const check = spawnSync(process.execPath, [join(root, 'syntaxes/build-grammar.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('declares the scope name package.json contributes', () => {
    const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as { scopeName: string };
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { grammars: Array<{ scopeName: string; path: string }> };
    };
    const entry = pkg.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
    assert.ok(entry, `package.json has no grammar for ${grammar.scopeName}`);
    assert.equal(resolve(root, entry.path), grammarPath);
  });
});

describe('playbook language configuration', () => {
  const errors: ParseError[] = [];
  const config = parseJsonc(readFileSync(join(root, 'syntaxes/language-configuration.json'), 'utf8'), errors) as {
    comments: { blockComment: [string, string] };
    autoClosingPairs: Array<{ open: string; close: string }>;
    folding: { markers: { start: string; end: string } };
    wordPattern: { pattern: string; flags: string };
  };

  it('parses', () => assert.deepEqual(errors, []));

  it('uses HTML block comments', () => assert.deepEqual(config.comments.blockComment, ['<!--', '-->']));

  it('auto-closes placeholders and directions', () => {
    const pairs = config.autoClosingPairs.map((p) => `${p.open}${p.close}`);
    assert.ok(pairs.includes('{{}}'));
    assert.ok(pairs.includes('[]'));
  });

  it('folds #region comments', () => {
    assert.match('<!-- #region Opening -->', new RegExp(config.folding.markers.start));
    assert.match('<!-- #endregion -->', new RegExp(config.folding.markers.end));
    assert.doesNotMatch('<!-- #endregion -->', new RegExp(config.folding.markers.start));
  });

  it('treats contractions and rule ids as one word', () => {
    const words = (s: string) => s.match(new RegExp(config.wordPattern.pattern, config.wordPattern.flags));
    assert.deepEqual(words("don't false-urgency {{first_name}}"), ["don't", 'false-urgency', 'first_name']);
  });
});
