// Unit tests for the CLI's building blocks: positions, diff, escaping, argument parsing, progress,
// and the node/ file helpers (including a file that changes while Trustlint works on it).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex } from '../../server/src/cli/positions';
import { unifiedDiff } from '../../server/src/cli/diff';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/github';
import { toUri } from '../../server/src/cli/formats/sarif';
import { parseCliArgs } from '../../server/src/cli/args';
import { Progress } from '../../server/src/cli/progress';
import { shouldColor } from '../../server/src/cli/style';
import { collectFiles, languageIdFor } from '../../server/src/node/files';
import { decodeText, encodeText, keepLineEndings, writeFileAtomic } from '../../server/src/node/textFile';
import { parseConfigText } from '../../server/src/node/configFile';

describe('cli building blocks', () => {
  describe('LineIndex', () => {
    const cases: Array<[string, number, number, number]> = [
      // text, offset, line, column
      ['abc', 0, 1, 1],
      ['abc', 3, 1, 4],
      ['a\nb', 2, 2, 1],
      ['a\r\nb', 3, 2, 1],
      ['a\rb', 2, 2, 1],
      ['a\r\n\r\nb', 5, 3, 1],
      ['😀x', 2, 1, 3],
      ['x\n😀😀 y', 7, 2, 6],
      ['\n', 1, 2, 1],
    ];
    for (const [text, offset, line, column] of cases) {
      it(`${JSON.stringify(text)} @${offset} -> ${line}:${column}`, () => {
        assert.deepEqual(new LineIndex(text).positionAt(offset), { line, column });
      });
    }
    it('returns line text without the break', () => {
      const index = new LineIndex('one\r\ntwo\rthree\nfour');
      assert.deepEqual([1, 2, 3, 4].map((n) => index.lineText(n)), ['one', 'two', 'three', 'four']);
    });
  });

  describe('unifiedDiff', () => {
    it('prints hunks with three lines of context', () => {
      const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n') + '\n';
      const b = a.replace('5\n', 'five\n');
      assert.equal(
        unifiedDiff(a, b, 'a/x', 'b/x'),
        ['--- a/x', '+++ b/x', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', ''].join('\n'),
      );
    });
    it('splits distant changes into separate hunks and handles CRLF', () => {
      const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
      const a = lines.join('\r\n');
      const b = lines.map((l, i) => (i === 0 || i === 19 ? l.toUpperCase() : l)).join('\r\n');
      const diff = unifiedDiff(a, b, 'a', 'b');
      assert.deepEqual(diff.match(/^@@.*@@$/gm), ['@@ -1,4 +1,4 @@', '@@ -17,4 +17,4 @@']);
      assert.ok(!diff.includes('\r'));
    });
    it('is empty for equal texts and handles added and removed lines', () => {
      assert.equal(unifiedDiff('same\n', 'same\n', 'a', 'b'), '');
      assert.equal(unifiedDiff('a\nb\n', 'a\nx\nb\n', 'a', 'b'), '--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n+x\n b\n');
      assert.equal(unifiedDiff('a\nb\n', 'b\n', 'a', 'b'), '--- a\n+++ b\n@@ -1,2 +1 @@\n-a\n b\n');
    });
  });

  describe('escaping', () => {
    it('escapes GitHub workflow command data and properties', () => {
      assert.equal(escapeData('50% off\r\nnow'), '50%25 off%0D%0Anow');
      assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
    });
    it('builds relative SARIF URIs', () => {
      assert.equal(toUri('docs/my call.md'), 'docs/my%20call.md');
      assert.equal(toUri('../up/#1.md'), '../up/%231.md');
      assert.equal(toUri('/tmp/x y.md'), 'file:///tmp/x%20y.md');
    });
  });

  describe('parseCliArgs', () => {
    it('parses options and defaults', () => {
      const parsed = parseCliArgs(['docs', '-f', 'json', '--max-warnings', '3', '--quiet']);
      assert.ok(parsed.ok);
      assert.deepEqual(
        { inputs: parsed.options.inputs, format: parsed.options.format, max: parsed.options.maxWarnings, quiet: parsed.options.quiet, command: parsed.options.command },
        { inputs: ['docs'], format: 'json', max: 3, quiet: true, command: 'lint' },
      );
    });
    it('recognises subcommands only in first position', () => {
      const rules = parseCliArgs(['rules']);
      assert.ok(rules.ok && rules.options.command === 'rules');
      const explain = parseCliArgs(['explain', 'act-now']);
      assert.ok(explain.ok && explain.options.command === 'explain' && explain.options.inputs[0] === 'act-now');
      const folder = parseCliArgs(['docs', 'rules']);
      assert.ok(folder.ok && folder.options.command === 'lint' && folder.options.inputs.length === 2);
    });
    it('explains a missing option value', () => {
      const parsed = parseCliArgs(['--format']);
      assert.ok(!parsed.ok);
      assert.equal(parsed.message, '--format needs a value');
    });
  });

  describe('colour and progress', () => {
    it('decides colour from the flag, NO_COLOR, FORCE_COLOR and the terminal', () => {
      assert.equal(shouldColor(true, {}), true);
      assert.equal(shouldColor(false, {}), false);
      assert.equal(shouldColor(true, { NO_COLOR: '1' }), false);
      assert.equal(shouldColor(false, { FORCE_COLOR: '1' }), true);
      assert.equal(shouldColor(true, { TERM: 'dumb' }), false);
      assert.equal(shouldColor(true, { NO_COLOR: '1' }, true), true);
    });
    it('shows a progress bar only on a terminal and above 40 files', () => {
      const writes: string[] = [];
      const tty = { isTTY: true, columns: 80, write: (s: string) => writes.push(s) > 0 };
      assert.equal(Progress.create(tty, 40), undefined);
      assert.equal(Progress.create({ ...tty, isTTY: false }, 100), undefined);
      const bar = Progress.create(tty, 41);
      assert.ok(bar);
      bar.update(41, 'last.md');
      bar.done();
      assert.match(writes[0], /41\/41 last\.md/);
      assert.equal(writes[writes.length - 1], '\r\u001b[K');
    });
  });

  describe('node/ file helpers', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-unit-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('does not write a file that changed on disk since it was read', async () => {
      const file = path.join(dir, 'a.md');
      fs.writeFileSync(file, 'version one\n');
      const read = fs.readFileSync(file);
      fs.writeFileSync(file, 'someone saved version two\n');
      const result = await writeFileAtomic(file, Buffer.from('fixed\n'), { expected: read });
      assert.deepEqual(result, { ok: false, reason: 'changed', message: 'changed on disk while Trustlint was running; not written' });
      assert.equal(fs.readFileSync(file, 'utf8'), 'someone saved version two\n');
      const ok = await writeFileAtomic(file, Buffer.from('fixed\n'), { expected: fs.readFileSync(file) });
      assert.deepEqual(ok, { ok: true });
      assert.equal(fs.readFileSync(file, 'utf8'), 'fixed\n');
      assert.deepEqual(fs.readdirSync(dir), ['a.md'], 'no temp file left');
    });

    it('decodes UTF-8 with and without BOM and round-trips the BOM', () => {
      const withBom = decodeText(Buffer.from('\uFEFFhello', 'utf8'));
      assert.ok(withBom.ok && withBom.file.text === 'hello' && withBom.file.bom);
      assert.deepEqual(encodeText('hello', true), Buffer.from('\uFEFFhello', 'utf8'));
      const invalid = decodeText(Buffer.from([0x61, 0xc3, 0x28]));
      assert.ok(!invalid.ok && invalid.reason === 'encoding');
      const overlong = decodeText(Buffer.from([0xc0, 0xaf]));
      assert.ok(!overlong.ok && /byte 0/.test(overlong.message));
    });

    it('keeps CRLF when an edit introduces a bare LF, and leaves mixed files alone', () => {
      assert.equal(keepLineEndings('a\r\nb\r\n', 'a\r\nx\ny\r\n'), 'a\r\nx\r\ny\r\n');
      assert.equal(keepLineEndings('a\nb\r\n', 'a\nx\ny\r\n'), 'a\nx\ny\r\n');
      assert.equal(keepLineEndings('a\nb\n', 'a\nx\n'), 'a\nx\n');
    });

    it('maps file names to language ids', () => {
      assert.deepEqual(
        ['a.playbook', 'a.playbook.md', 'A.MD', 'b.markdown', 'c.txt', 'd'].map(languageIdFor),
        ['playbook', 'playbook', 'markdown', 'markdown', 'plaintext', 'plaintext'],
      );
    });

    it('collects files with .trustlintignore negation and skips symlinked folders', () => {
      fs.mkdirSync(path.join(dir, 'docs', 'old'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'docs', 'a.md'), 'x');
      fs.writeFileSync(path.join(dir, 'docs', 'old', 'b.md'), 'x');
      fs.writeFileSync(path.join(dir, 'docs', 'old', 'keep.md'), 'x');
      fs.writeFileSync(path.join(dir, '.trustlintignore'), '# comment\ndocs/old/*\n!docs/old/keep.md\n');
      fs.symlinkSync(path.join(dir, 'docs'), path.join(dir, 'docs', 'loop'));
      const result = collectFiles(['.'], { cwd: dir });
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.files.map((f) => path.relative(dir, f)), ['docs/a.md', 'docs/old/keep.md']);
    });

    it('reports config syntax errors with line and column', () => {
      const result = parseConfigText('{\n  // comment\n  "profile": "consumer",\n}\n', 'rc.json');
      assert.ok(result.ok, 'comments and trailing commas are allowed');
      const bad = parseConfigText('{\n  "a": 1\n  "b": 2\n}', 'rc.json');
      assert.ok(!bad.ok);
      assert.equal(bad.message, '3:3: JSON syntax error: comma expected');
      const notObject = parseConfigText('[1]', 'rc.json');
      assert.ok(!notObject.ok && /must be a JSON object/.test(notObject.message));
    });
  });
});
