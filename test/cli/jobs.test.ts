// Large runs lint on worker threads: the output must not depend on how many threads did the work.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanWorkspaces, runCli, workspace } from './helpers';

describe('trustlint --jobs', function () {
  this.timeout(120_000);
  after(cleanWorkspaces);

  /** A tree of files with findings, honest text, a broken config in one folder, an ignored file and an unreadable one. */
  function tree(): string {
    const dir = workspace();
    const lines = ['Act now, this offer expires tonight!', 'Take the time you need.', 'Everyone is signing up, don\'t be left behind.', 'Here is the full price, fees included.'];
    for (let k = 0; k < 60; k++) {
      const folder = path.join(dir, `team${k % 4}`);
      fs.mkdirSync(folder, { recursive: true });
      const body = Array.from({ length: 3 + (k % 5) }, (_, i) => `- ${lines[(k + i) % lines.length]}`).join('\n');
      fs.writeFileSync(path.join(folder, `page${k}.${k % 3 === 0 ? 'playbook' : 'md'}`), `# Page ${k}\n\n${body}\n`);
    }
    fs.writeFileSync(path.join(dir, 'team1', '.trustlintrc.json'), '{ "rules": { "act-now": "off" } }');
    fs.writeFileSync(path.join(dir, 'team2', '.trustlintrc.json'), '{ "profile": "nonsense" ');
    fs.writeFileSync(path.join(dir, '.trustlintignore'), 'team3/page7.md\n');
    fs.writeFileSync(path.join(dir, 'team0', 'binary.md'), Buffer.from([0, 1, 2, 3, 0, 255]));
    return dir;
  }

  it('gives the same output, exit code and messages with one thread and with several', () => {
    const dir = tree();
    const one = runCli(['.', '--format', 'json', '--jobs', '1'], { cwd: dir });
    const many = runCli(['.', '--format', 'json', '--jobs', '3'], { cwd: dir });
    const auto = runCli(['.', '--format', 'json', '--jobs', 'auto'], { cwd: dir });
    const plain = runCli(['.', '--format', 'json'], { cwd: dir });
    assert.equal(one.code, 2, one.stderr);
    const reports = JSON.parse(one.stdout) as Array<{ filePath: string; findings: unknown[] }>;
    assert.ok(reports.length >= 40 && reports.some((r) => r.findings.length > 0));
    for (const other of [many, auto, plain]) {
      assert.equal(other.code, one.code);
      assert.deepEqual(JSON.parse(other.stdout), reports);
      assert.equal(other.stderr, one.stderr);
    }
  });

  it('the human format and --quiet agree too', () => {
    const dir = tree();
    const strip = (s: string) => s.replace(/\d+ ?ms\b/g, '');
    for (const extra of [[], ['--quiet']]) {
      const one = runCli(['.', '--jobs', '1', ...extra], { cwd: dir });
      const many = runCli(['.', '--jobs', '2', ...extra], { cwd: dir });
      assert.equal(strip(many.stdout), strip(one.stdout));
      assert.equal(many.code, one.code);
    }
  });

  it('rejects a bad --jobs value', () => {
    for (const bad of ['0', 'two', '65']) {
      const r = runCli(['.', '--jobs', bad], { cwd: workspace() });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--jobs needs a whole number from 1 to 64, or auto/);
    }
  });

  it('a thread that stops does not hang the run: its files are reported as failed, the rest are checked', () => {
    const dir = tree();
    const r = runCli(['.', '--format', 'json', '--jobs', '2'], { cwd: dir, env: { TRUSTLINT_TEST_THREAD_STOPS_AFTER: '1' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /internal error while checking: a lint thread stopped/);
    const reports = JSON.parse(r.stdout) as Array<{ filePath: string }>;
    const all = JSON.parse(runCli(['.', '--format', 'json', '--jobs', '1'], { cwd: dir }).stdout) as Array<{ filePath: string }>;
    assert.ok(reports.length > 0 && reports.length < all.length);
  });
});
