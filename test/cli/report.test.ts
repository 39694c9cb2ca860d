// `trustlint report`: per-file scores as Markdown or HTML, and --min-score as a CI gate.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lint, trustReport } from '../../server/src/core';

const cli = path.resolve(__dirname, '../../dist/cli.js');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('trustlint report', () => {
  let dir: string;
  const pushy = '# Closing\n\nAct now, this offer expires tonight! Only 3 spots left.\n';
  const calm = '# Discovery\n\nWhat prompted you to look at this now?\n';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-report-'));
    fs.writeFileSync(path.join(dir, 'pushy.playbook'), pushy);
    fs.writeFileSync(path.join(dir, 'calm.playbook'), calm);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a Markdown report whose scores match the core', () => {
    const r = run(['report', '.'], dir);
    assert.equal(r.code, 0);
    const expected = trustReport(pushy, lint(pushy, { languageId: 'playbook' }), { languageId: 'playbook' }).score;
    assert.match(r.stdout, new RegExp(`\\| pushy\\.playbook \\| \\*\\*${expected}\\*\\* \\|`));
    assert.match(r.stdout, /\| calm\.playbook \| \*\*100\*\* \|/);
    assert.match(r.stdout, /Points lost:/);
  });

  it('writes a standalone HTML page', () => {
    const out = path.join(dir, 'report.html');
    assert.equal(run(['report', '.', '--format', 'html', '-o', out], dir).code, 0);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /pushy\.playbook/);
    assert.doesNotMatch(html, /command:/, 'no editor command links in a standalone page');
  });

  it('--min-score fails the run below the threshold', () => {
    const low = run(['report', '.', '--min-score', '99'], dir);
    assert.equal(low.code, 1);
    assert.match(low.stderr, /pushy\.playbook scores \d+, below --min-score 99/);
    assert.equal(run(['report', 'calm.playbook', '--min-score', '99'], dir).code, 0);
    assert.equal(run(['report', '.', '--min-score', '101'], dir).code, 2);
    assert.equal(run(['report', '.', '--format', 'sarif'], dir).code, 2);
  });
});
