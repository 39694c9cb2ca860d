// Files the CLI cannot check: each gets a clear message, the others are still checked, and the exit code is 2
// (except oversized files, which are skipped with a note).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanWorkspaces, fixableExample, parseJson, runCli, workspace } from './helpers';

describe('trustlint with bad input', function () {
  // Each case spawns node; allow for a loaded CI machine.
  this.timeout(120_000);
  after(cleanWorkspaces);

  function setup(): { dir: string; good: string } {
    const dir = workspace();
    const good = `${fixableExample().text}\n`;
    fs.writeFileSync(path.join(dir, 'good.md'), good);
    return { dir, good };
  }

  it('invalid UTF-8: names the file, line and byte, exits 2, still checks the rest', () => {
    const { dir } = setup();
    fs.writeFileSync(path.join(dir, 'latin1.md'), Buffer.concat([Buffer.from('First line\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]));
    const run = runCli(['.', '-f', 'json'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^trustlint: latin1\.md: is not valid UTF-8 \(line 2, byte 14\); save it as UTF-8 to check it$/m);
    const json = parseJson(run.stdout);
    assert.deepEqual(json.map((f) => f.filePath), ['good.md'], 'the unreadable file is left out of the report');
    assert.ok(json[0].findings.length > 0, 'the good file was checked');
  });

  it('binary content (NUL bytes) and UTF-16 files are refused with a reason', () => {
    const { dir } = setup();
    fs.writeFileSync(path.join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    fs.writeFileSync(path.join(dir, 'wide.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi', 'utf16le')]));
    const run = runCli(['.', '-f', 'compact'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /image\.md: looks like a binary file \(NUL byte at byte 4\); not checked/);
    assert.match(run.stderr, /wide\.txt: is UTF-16 encoded; save it as UTF-8 to check it/);
    assert.match(run.stdout, /^good\.md:1:\d+: /);
  });

  it('files over 2 MB are skipped with a message, without failing the run', () => {
    const { dir } = setup();
    fs.writeFileSync(path.join(dir, 'huge.md'), 'Thanks for your time.\n'.repeat(100_000));
    const run = runCli(['.', '-f', 'json'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /huge\.md: skipped: 2\.1 MB is over the 2 MB limit/);
    assert.deepEqual(parseJson(run.stdout).map((f) => f.filePath), ['good.md']);
  });

  it('an unreadable file gives a clear error (skipped when running as root, which can read anything)', function () {
    if (process.getuid?.() === 0) this.skip();
    const { dir } = setup();
    const secret = path.join(dir, 'secret.md');
    fs.writeFileSync(secret, 'Hello.\n');
    fs.chmodSync(secret, 0o000);
    const run = runCli(['.', '-f', 'json'], { cwd: dir });
    fs.chmodSync(secret, 0o644);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /secret\.md: cannot read: permission denied/);
  });

  it('a folder named like a playbook is walked, not read as a file', () => {
    const { dir } = setup();
    fs.mkdirSync(path.join(dir, 'archive.md'));
    fs.writeFileSync(path.join(dir, 'archive.md', 'inside.md'), 'Hello.\n');
    const run = runCli(['archive.md', '-f', 'json'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(parseJson(run.stdout).map((f) => f.filePath), ['archive.md/inside.md']);
  });

  it('CRLF files are checked like LF files', () => {
    const { dir, good } = setup();
    fs.writeFileSync(path.join(dir, 'crlf.md'), good.replace(/\n/g, '\r\n'));
    const json = parseJson(runCli(['good.md', 'crlf.md', '-f', 'json'], { cwd: dir }).stdout);
    const strip = (f: (typeof json)[number]) => f.findings.map(({ ruleId, line, column, text }) => ({ ruleId, line, column, text }));
    assert.deepEqual(strip(json[0]), strip(json[1]));
  });
});
