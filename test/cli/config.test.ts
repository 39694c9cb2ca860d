// Config discovery and errors through the CLI: the same .trustlintrc.json the editor reads.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const cli = path.resolve(__dirname, '../../dist/cli.js');
function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function write(dir: string, rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}
const ids = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string; findings: Array<{ ruleId: string; severity: string }> }>)
  .flatMap((f) => f.findings.map((x) => `${f.filePath}:${x.ruleId}:${x.severity}`)).sort();

describe('CLI configuration files', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-config-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the nearest .trustlintrc.json walking up, with comments, extends and severity overrides', () => {
    write(dir, 'team/base.json', '{ "rules": { "act-now": "error" } }');
    write(dir, '.trustlintrc.json', '// team-wide\n{ "extends": "team/base.json", "categories": { "artificial-scarcity": "off" } }');
    write(dir, 'sub/.trustlintrc.json', '{ "extends": "../.trustlintrc.json", "rules": { "act-now": "off" } }');
    write(dir, 'a.md', 'Act now! Only 3 spots left!\n');
    write(dir, 'sub/b.md', 'Act now! Only 3 spots left!\n');
    const r = run(['--format', 'json', '.'], dir);
    assert.deepEqual(ids(r.stdout), ['a.md:act-now:error']);
    assert.equal(r.code, 1);
  });

  it('a typo is reported with file, line, column and key, and exits 2', () => {
    write(dir, '.trustlintrc.json', '{\n  "rules": { "act-nw": "off" },\n  "severty": 1\n}\n');
    write(dir, 'a.md', 'Act now!\n');
    const r = run(['a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.trustlintrc\.json:3:3: \/severty: unknown key "severty"/);
    assert.match(r.stderr, /\.trustlintrc\.json:2:14: \/rules\/act-nw: unknown rule "act-nw" \(did you mean "act-now"\?\)/);
  });

  it('allowed phrases, ignore globs and custom packs apply', () => {
    const pack = {
      rules: [{
        id: 'team-rush', category: 'false-urgency', severity: 'warning', description: 'Our own banned phrase.', patterns: ['blitz the buyer+'],
        message: '“{match}” pushes the buyer.', rationale: 'Team rule.', replacements: [{ text: 'help the buyer', dropIn: true }, { text: 'support the buyer', dropIn: true }],
        examples: { flag: [{ text: 'Blitz the buyer.', fixed: 'Help the buyer.' }], allow: [] },
      }],
    };
    write(dir, 'packs/team.json', JSON.stringify(pack));
    write(dir, '.trustlintrc.json', JSON.stringify({ allow: ['last chance saloon'], ignore: ['drafts/**'], packs: ['packs/team.json'] }));
    write(dir, 'a.md', 'Meet us at the Last Chance Saloon. Blitz the buyers.\n');
    write(dir, 'drafts/c.md', 'Act now!\n');
    const r = run(['--format', 'json', '.'], dir);
    assert.deepEqual(ids(r.stdout), ['a.md:team-rush:warning']);
  });

  it('--print-config shows the resolved config for a file', () => {
    write(dir, '.trustlintrc.json', '{ "profile": "consumer" }');
    const r = run(['--print-config', 'x.md'], dir);
    assert.equal(r.code, 0);
    const printed = JSON.parse(r.stdout);
    assert.equal(printed.profile, 'consumer');
    assert.equal(printed.configFile, '.trustlintrc.json');
  });
});
