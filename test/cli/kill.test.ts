// Killing `trustlint --fix` at any moment never leaves a half-written playbook: each file is either untouched or fully fixed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { fixAll } from '../../server/src/core';

const cli = path.resolve(__dirname, '../../dist/cli.js');

describe('trustlint --fix killed mid-run', function () {
  this.timeout(120_000);
  let dir: string;
  const original = Array.from({ length: 60 }, (_, i) => `Line ${i}: Act now! This is a long enough paragraph to take a moment.\n`).join('\n');
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-kill-'));
    for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(dir, `p${String(i).padStart(3, '0')}.md`), original);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves every file either original or completely fixed', async () => {
    const fixed = fixAll(original, { languageId: 'markdown' }).text;
    assert.notEqual(fixed, original);
    const child = spawn(process.execPath, [cli, '--fix', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    // Kill as soon as the first file has been written, so the run is certainly interrupted in the middle.
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (chunk: Buffer) => { if (/fixed \d+/.test(chunk.toString())) { child.kill('SIGKILL'); resolve(); } });
      child.on('exit', () => resolve());
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.on('exit', resolve)));
    let done = 0;
    let untouched = 0;
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      if (text === fixed) done++;
      else if (text === original) untouched++;
      else assert.fail(`${name} is neither the original nor the fixed text`);
    }
    assert.equal(done + untouched, 150);
    assert.ok(done >= 1, 'at least one file was fixed before the kill');
    assert.ok(untouched >= 1, 'the kill interrupted the run');
  });
});
