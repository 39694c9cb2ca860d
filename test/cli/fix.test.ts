// --fix and --fix-dry-run: only drop-in rewrites, atomic writes that keep line endings and the BOM,
// untouched clean files, and a clear error for read-only files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertGolden, cleanWorkspaces, fixableExample, normalize, parseJson, runCli, workspace } from './helpers';

const FILES = ['clean.md', 'notes.md', 'pitch.playbook', 'script.txt'];

function snapshot(dir: string): Map<string, { bytes: Buffer; ino: number; mtimeMs: number }> {
  const map = new Map<string, { bytes: Buffer; ino: number; mtimeMs: number }>();
  for (const name of FILES) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file);
    map.set(name, { bytes: fs.readFileSync(file), ino: stat.ino, mtimeMs: stat.mtimeMs });
  }
  return map;
}

describe('trustlint --fix', function () {
  // Each case spawns node; allow for a loaded CI machine.
  this.timeout(120_000);
  after(cleanWorkspaces);

  it('applies drop-in rewrites only, and a second run has nothing left to fix', () => {
    const dir = workspace('basic');
    const before = parseJson(runCli(['.', '-f', 'json'], { cwd: dir }).stdout);
    const fixable = before.filter((f) => f.findings.some((x) => x.fixes.some((fix) => fix.dropIn))).map((f) => f.filePath);
    assert.ok(fixable.length > 0, 'the fixture has drop-in fixes');
    const untouched = before.filter((f) => !fixable.includes(f.filePath)).map((f) => f.filePath);
    const original = snapshot(dir);

    const run = runCli(['.', '--fix', '-f', 'json'], { cwd: dir });
    assert.notEqual(run.code, 2, run.stderr);
    for (const name of fixable) {
      assert.match(run.stderr, new RegExp(`fixed \\d+ findings? in ${name.replace('.', '\\.')}`), `reports the change to ${name}`);
      assertGolden(`fixed/${name}`, fs.readFileSync(path.join(dir, name), 'utf8'));
    }
    // What is left needs a human: no finding still offers a drop-in rewrite.
    for (const file of parseJson(run.stdout)) {
      for (const f of file.findings) assert.ok(!f.fixes.some((fix) => fix.dropIn), `${file.filePath}: ${f.text} still has a drop-in fix`);
    }
    // Files with nothing to fix keep their inode and mtime: never rewritten.
    const after1 = snapshot(dir);
    for (const name of untouched) {
      assert.equal(after1.get(name)?.ino, original.get(name)?.ino, `${name} was not replaced`);
      assert.equal(after1.get(name)?.mtimeMs, original.get(name)?.mtimeMs, `${name} was not written`);
    }

    const second = runCli(['.', '--fix'], { cwd: dir });
    assert.doesNotMatch(second.stderr, /fixed/);
    assert.match(second.stdout, /nothing to fix/);
    const after2 = snapshot(dir);
    for (const name of FILES) {
      assert.ok(after2.get(name)?.bytes.equals(after1.get(name)?.bytes ?? Buffer.alloc(0)), `${name} unchanged by the second run`);
      assert.equal(after2.get(name)?.ino, after1.get(name)?.ino, `${name} not rewritten by the second run`);
    }
  });

  it('keeps CRLF line endings, the UTF-8 BOM and the file mode', () => {
    const example = fixableExample();
    const dir = workspace();
    const file = path.join(dir, 'call.md');
    const original = `\uFEFF# Call notes\r\n\r\n${example.text}\r\n\r\nThanks for your time.\r\n`;
    fs.writeFileSync(file, original);
    fs.chmodSync(file, 0o640);
    const run = runCli(['call.md', '--fix'], { cwd: dir });
    assert.notEqual(run.code, 2, run.stderr);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const text = bytes.toString('utf8');
    assert.notEqual(text, original, 'the drop-in fix was applied');
    assert.equal(text.split('\r\n').length, original.split('\r\n').length, 'same number of CRLF line breaks');
    assert.doesNotMatch(text, /(^|[^\r])\n/, 'no bare LF introduced');
    assert.ok(text.endsWith('Thanks for your time.\r\n'));
    assert.equal(fs.statSync(file).mode & 0o777, 0o640, 'permissions kept');
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'no temp file left behind');
  });

  it('refuses a read-only file with a clear error and exit 2, still fixing the others', () => {
    const example = fixableExample();
    const dir = workspace();
    const locked = path.join(dir, 'locked.md');
    const open = path.join(dir, 'open.md');
    fs.writeFileSync(locked, `${example.text}\n`);
    fs.writeFileSync(open, `${example.text}\n`);
    fs.chmodSync(locked, 0o444);
    const run = runCli(['.', '--fix'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /locked\.md: cannot write: the file is read-only/);
    assert.equal(fs.readFileSync(locked, 'utf8'), `${example.text}\n`, 'read-only file unchanged');
    assert.notEqual(fs.readFileSync(open, 'utf8'), `${example.text}\n`, 'the writable file was fixed');
    fs.chmodSync(locked, 0o644);
  });

  it('--fix-dry-run prints a unified diff and changes nothing', () => {
    const dir = workspace('basic');
    const original = snapshot(dir);
    const run = runCli(['.', '--fix-dry-run'], { cwd: dir });
    assert.notEqual(run.code, 2, run.stderr);
    assert.match(run.stdout, /^--- a\/.+\n\+\+\+ b\/.+\n@@ -\d+(,\d+)? \+\d+(,\d+)? @@/m);
    assert.match(run.stderr, /--fix would change \d+ files?/);
    assertGolden('basic.fix-dry-run.diff', normalize(run.stdout));
    const after = snapshot(dir);
    for (const name of FILES) {
      assert.ok(after.get(name)?.bytes.equals(original.get(name)?.bytes ?? Buffer.alloc(0)), `${name} unchanged`);
      assert.equal(after.get(name)?.mtimeMs, original.get(name)?.mtimeMs, `${name} not written`);
    }
    // The diff is exactly what --fix then does.
    runCli(['.', '--fix'], { cwd: dir });
    for (const hunkFile of run.stdout.match(/^\+\+\+ b\/(.+)$/gm) ?? []) {
      const name = hunkFile.slice('+++ b/'.length);
      assert.ok(!fs.readFileSync(path.join(dir, name)).equals(original.get(name)?.bytes ?? Buffer.alloc(0)), `${name} changed by --fix`);
    }
  });

  it('--fix-dry-run works on standard input', () => {
    const example = fixableExample();
    const run = runCli(['--stdin', '--stdin-filename', 'draft.md', '--fix-dry-run'], { cwd: workspace(), input: `${example.text}\n` });
    assert.match(run.stdout, /^--- a\/draft\.md\n\+\+\+ b\/draft\.md\n/);
    assert.ok(run.stdout.includes(`-${example.text}`));
  });
});
