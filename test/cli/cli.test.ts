// End-to-end tests of `node dist/cli.js`: formats (golden files), file discovery, the JSON contract,
// exit codes, standard input and the rules/explain subcommands.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getRule, listPlaybookChecks, listRules } from '../../server/src/core';
import {
  assertGolden,
  cleanWorkspaces,
  expectedPosition,
  fixableExample,
  isolatingConfig,
  normalize,
  parseJson,
  runCli,
  VERSION,
  workspace,
} from './helpers';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'compact'] as const;
const GOLDEN_EXT: Record<(typeof FORMATS)[number], string> = {
  stylish: 'txt',
  json: 'json',
  sarif: 'json',
  github: 'txt',
  compact: 'txt',
};

describe('trustlint CLI', function () {
  // Each case spawns node; allow for a loaded CI machine.
  this.timeout(120_000);
  after(cleanWorkspaces);

  describe('formats (golden files over test/cli/fixtures/basic)', () => {
    let dir: string;
    let json: ReturnType<typeof parseJson>;
    before(() => {
      dir = workspace('basic');
      json = parseJson(runCli(['.', '--format', 'json'], { cwd: dir }).stdout);
    });

    for (const format of FORMATS) {
      it(`--format ${format}`, () => {
        const run = runCli(['.', '--format', format], { cwd: dir });
        assert.equal(run.stderr, '', 'nothing on stderr');
        const hasError = json.some((f) => f.findings.some((x) => x.severity === 'error'));
        assert.equal(run.code, hasError ? 1 : 0);
        assertGolden(`basic.${format}.${GOLDEN_EXT[format]}`, normalize(run.stdout));
      });
    }

    it('stylish with --suggestions lists every alternative', () => {
      const run = runCli(['.', '--suggestions'], { cwd: dir });
      assertGolden('basic.stylish-suggestions.txt', normalize(run.stdout));
      for (const file of json) {
        for (const finding of file.findings) {
          for (const fix of finding.fixes) assert.ok(run.stdout.includes(`“${fix.replacement}”`), `shows ${fix.replacement}`);
        }
      }
    });

    it('stylish shows the preferred rewrite under each finding and a summary line', () => {
      const run = runCli(['.'], { cwd: dir });
      const total = json.reduce((n, f) => n + f.findings.length, 0);
      assert.ok(total > 0, 'the fixture has findings');
      const tries = run.stdout.split('\n').filter((l) => l.trim().startsWith('↳ Try:'));
      assert.equal(tries.length, json.reduce((n, f) => n + f.findings.filter((x) => x.fixes.length > 0).length, 0));
      const last = run.stdout.trimEnd().split('\n').pop() ?? '';
      assert.match(last, new RegExp(`${total} findings? \\(.*\\) in ${json.length} files · .*\\d+ ms$`));
    });
  });

  describe('finding files', () => {
    it('walks folders for .playbook, .md, .markdown and .txt, skipping node_modules, .git and .trustlintignore', () => {
      const dir = workspace('basic');
      const files = parseJson(runCli(['.', '-f', 'json'], { cwd: dir }).stdout).map((f) => f.filePath);
      assert.deepEqual(files, ['clean.md', 'notes.md', 'pitch.playbook', 'script.txt']);
    });

    it('takes globs and explicit files, and reports paths relative to the working folder', () => {
      const dir = workspace('basic');
      assert.deepEqual(
        parseJson(runCli(['*.md', '-f', 'json'], { cwd: dir }).stdout).map((f) => f.filePath),
        ['clean.md', 'notes.md'],
      );
      assert.deepEqual(
        parseJson(runCli(['pitch.playbook', 'helper.js', '-f', 'json'], { cwd: dir }).stdout).map((f) => f.filePath),
        ['helper.js', 'pitch.playbook'],
        'an explicitly named file is checked whatever its extension',
      );
      const sub = path.join(dir, 'sub');
      fs.mkdirSync(sub);
      assert.deepEqual(parseJson(runCli(['../notes.md', '-f', 'json'], { cwd: sub }).stdout).map((f) => f.filePath), ['../notes.md']);
    });

    it('a pattern with no match, or a missing file, exits 2 with a message; other inputs are still checked', () => {
      const dir = workspace('basic');
      const run = runCli(['*.markdown', 'missing.md', 'notes.md', '-f', 'json'], { cwd: dir });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /no files match the pattern "\*\.markdown"/);
      assert.match(run.stderr, /cannot open missing\.md: no such file or folder/);
      assert.deepEqual(parseJson(run.stdout).map((f) => f.filePath), ['notes.md']);
    });

    it('warns about an explicitly named file that .trustlintignore excludes', () => {
      const dir = workspace('basic');
      const run = runCli(['drafts/old.md', '-f', 'json'], { cwd: dir });
      assert.equal(run.code, 0);
      assert.match(run.stderr, /drafts\/old\.md: ignored because \.trustlintignore matches it/);
      assert.deepEqual(parseJson(run.stdout), []);
    });
  });

  describe('JSON contract', () => {
    it('has exactly the documented fields, in order, with 1-based end-exclusive positions', () => {
      const dir = workspace('basic');
      const json = parseJson(runCli(['.', '-f', 'json'], { cwd: dir }).stdout);
      let checked = 0;
      for (const file of json) {
        assert.deepEqual(Object.keys(file), ['filePath', 'findings']);
        const text = fs.readFileSync(path.join(dir, file.filePath), 'utf8');
        for (const f of file.findings) {
          assert.deepEqual(Object.keys(f), [
            'ruleId', 'category', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'length', 'text', 'fixes',
          ]);
          assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
          assert.equal(typeof f.message, 'string');
          assert.equal(text.slice(f.offset, f.offset + f.length), f.text, 'offset/length select the matched text');
          assert.deepEqual({ line: f.line, column: f.column }, expectedPosition(text, f.offset));
          assert.deepEqual({ line: f.endLine, column: f.endColumn }, expectedPosition(text, f.offset + f.length));
          assert.ok(f.column >= 1 && f.line >= 1);
          for (const fix of f.fixes) {
            assert.deepEqual(Object.keys(fix), ['title', 'replacement', 'dropIn']);
            assert.equal(typeof fix.dropIn, 'boolean');
          }
          checked++;
        }
      }
      assert.ok(checked > 0, 'the fixture produced findings to check');
    });

    it('counts columns in UTF-16 code units after emoji, and treats CRLF and CR as line breaks', () => {
      const example = fixableExample();
      const dir = workspace();
      const config = isolatingConfig(dir, example.ruleId, 'warning');
      const input = `Intro 😀 line.\r\nOld Mac line\r😀😀 ${example.text}\r\nLast line.\r\n`;
      const run = runCli(['--stdin', '--stdin-filename', 'call.md', '-c', config, '-f', 'json'], { cwd: dir, input });
      assert.equal(run.code, 0, run.stderr);
      const [file] = parseJson(run.stdout);
      assert.equal(file.filePath, 'call.md');
      assert.ok(file.findings.length >= 1, 'the example is flagged');
      const f = file.findings[0];
      assert.equal(f.line, 3, 'CRLF and a lone CR each end a line');
      const lineStart = input.indexOf('😀😀');
      assert.equal(f.column, f.offset - lineStart + 1, '1-based column in UTF-16 units');
      assert.ok(f.column >= 6, 'two emoji count as four code units');
      assert.equal(input.slice(f.offset, f.offset + f.length), f.text);
      assert.deepEqual({ line: f.endLine, column: f.endColumn }, expectedPosition(input, f.offset + f.length));
    });
  });

  describe('exit codes', () => {
    let dir: string;
    let example: ReturnType<typeof fixableExample>;
    before(() => {
      dir = workspace();
      example = fixableExample();
    });

    it('0 for clean text', () => {
      const run = runCli(['--stdin'], { cwd: dir, input: 'Thanks for your time today. Here is the pricing sheet.\n' });
      assert.equal(run.code, 0);
      assert.match(run.stdout, /No findings in 1 file/);
    });

    it('1 for an error-level finding; --exit-zero turns it into 0', () => {
      const config = isolatingConfig(dir, example.ruleId, 'error');
      const run = runCli(['--stdin', '-c', config], { cwd: dir, input: `${example.text}\n` });
      assert.equal(run.code, 1);
      assert.match(run.stdout, /error/);
      assert.equal(runCli(['--stdin', '-c', config, '--exit-zero'], { cwd: dir, input: `${example.text}\n` }).code, 0);
    });

    it('warnings pass unless --max-warnings is exceeded', () => {
      const config = isolatingConfig(dir, example.ruleId, 'warning');
      const input = `${example.text}\n\n${example.text}\n`;
      const count = parseJson(runCli(['--stdin', '-c', config, '-f', 'json'], { cwd: dir, input }).stdout)[0].findings.length;
      assert.ok(count >= 2);
      assert.equal(runCli(['--stdin', '-c', config], { cwd: dir, input }).code, 0);
      assert.equal(runCli(['--stdin', '-c', config, '--max-warnings', String(count)], { cwd: dir, input }).code, 0);
      const over = runCli(['--stdin', '-c', config, '--max-warnings', String(count - 1)], { cwd: dir, input });
      assert.equal(over.code, 1);
      assert.match(over.stderr, new RegExp(`${count} warnings is more than --max-warnings ${count - 1}`));
    });

    it('--quiet reports errors only (and warnings no longer count)', () => {
      const warnConfig = isolatingConfig(dir, example.ruleId, 'warning');
      const quiet = runCli(['--stdin', '-c', warnConfig, '--quiet', '--max-warnings', '0', '-f', 'json'], { cwd: dir, input: `${example.text}\n` });
      assert.equal(quiet.code, 0);
      assert.deepEqual(parseJson(quiet.stdout)[0].findings, []);
      const errorConfig = isolatingConfig(dir, example.ruleId, 'error');
      const errors = runCli(['--stdin', '-c', errorConfig, '--quiet', '-f', 'json'], { cwd: dir, input: `${example.text}\n` });
      assert.equal(errors.code, 1);
      assert.ok(parseJson(errors.stdout)[0].findings.length >= 1);
    });

    it('2 for usage errors, with one clear line on stderr', () => {
      const cases: Array<[string[], RegExp]> = [
        [['--bogus'], /unknown option '--bogus'/],
        [['-f', 'xml', '.'], /unknown format "xml"; use one of stylish, json, sarif, github, compact/],
        [['--max-warnings', 'many', '.'], /--max-warnings needs a whole number/],
        [[], /give files, folders or globs to check, or --stdin/],
        [['--fix', '--fix-dry-run', '.'], /cannot be used together/],
        [['--stdin', '--fix'], /--fix cannot write to standard input/],
        [['--stdin-filename', 'a.md', '.'], /--stdin-filename needs --stdin/],
        [['explain'], /takes one rule id/],
      ];
      for (const [args, message] of cases) {
        const run = runCli(args, { cwd: dir });
        assert.equal(run.code, 2, `exit code for ${args.join(' ')}`);
        assert.match(run.stderr, message);
        assert.equal(run.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${run.stderr}`);
        assert.equal(run.stdout, '');
      }
    });

    it('2 for a config file with a syntax error, naming the file, line and column', () => {
      fs.writeFileSync(path.join(dir, 'bad.json'), '{\n  "profile": "default",\n  "rules": { "x": }\n}\n');
      const run = runCli(['--stdin', '-c', 'bad.json'], { cwd: dir, input: 'Hello.\n' });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^trustlint: bad\.json:3:\d+: JSON syntax error: value expected\n$/);
      const missing = runCli(['--stdin', '-c', 'nope.json'], { cwd: dir, input: 'Hello.\n' });
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope\.json: cannot read the config file: no such file or folder/);
      const folder = runCli(['--stdin', '-c', '.'], { cwd: dir, input: 'Hello.\n' });
      assert.equal(folder.code, 2);
      assert.match(folder.stderr, /cannot read the config file: it is a folder, not a file/);
    });
  });

  describe('standard input', () => {
    it('uses --stdin-filename for the reported path and the language', () => {
      const example = fixableExample();
      const dir = workspace();
      const fenced = `Intro.\n\n\`\`\`\n${example.text}\n\`\`\`\n`;
      const asMarkdown = parseJson(runCli(['--stdin', '--stdin-filename', 'docs/call.md', '-f', 'json'], { cwd: dir, input: fenced }).stdout);
      assert.equal(asMarkdown[0].filePath, 'docs/call.md');
      assert.deepEqual(asMarkdown[0].findings, [], 'Markdown code blocks are not checked');
      const plain = parseJson(runCli(['--stdin', '-f', 'json'], { cwd: dir, input: `${example.text}\n` }).stdout);
      assert.equal(plain[0].filePath, '<stdin>');
      assert.ok(plain[0].findings.some((f) => f.ruleId === example.ruleId));
    });

    it('rejects binary input with exit 2', () => {
      const run = runCli(['--stdin'], { cwd: workspace(), input: Buffer.from([0x41, 0x00, 0x42]) });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /<stdin>: looks like a binary file/);
    });
  });

  describe('output options', () => {
    it('--output writes the report to a file and nothing to stdout', () => {
      const dir = workspace('basic');
      const run = runCli(['.', '-f', 'sarif', '-o', 'reports/trustlint.sarif'], { cwd: dir });
      assert.equal(run.stdout, '');
      const written = JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'trustlint.sarif'), 'utf8')) as { version: string };
      assert.equal(written.version, '2.1.0');
      const toFolder = runCli(['.', '-o', 'reports'], { cwd: dir });
      assert.equal(toFolder.code, 2);
      assert.match(toFolder.stderr, /reports: cannot write: it is a folder, not a file/);
    });

    it('colours only for a terminal or FORCE_COLOR, and never with NO_COLOR', () => {
      const dir = workspace('basic');
      const esc = '\u001b[';
      assert.ok(!runCli(['.'], { cwd: dir }).stdout.includes(esc), 'no colour into a pipe');
      assert.ok(runCli(['.'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout.includes(esc), 'FORCE_COLOR colours');
      assert.ok(!runCli(['.'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(esc), 'NO_COLOR wins');
      assert.ok(!runCli(['.', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout.includes(esc), '--no-color wins');
    });

    it('--print-config prints the configuration used for a file', () => {
      const example = fixableExample();
      const dir = workspace();
      const config = isolatingConfig(dir, example.ruleId, 'error');
      const run = runCli(['--print-config', 'calls/intro.playbook', '-c', config], { cwd: dir });
      assert.equal(run.code, 0, run.stderr);
      const printed = JSON.parse(run.stdout) as { file: string; languageId: string; configFile: string; rules: Record<string, string> };
      assert.equal(printed.file, 'calls/intro.playbook');
      assert.equal(printed.languageId, 'playbook');
      assert.equal(printed.configFile, path.basename(config));
      assert.deepEqual(printed.rules, { [example.ruleId]: 'error' });
    });
  });

  describe('rules, explain, help and version', () => {
    it('rules lists every rule with category, severity and description', () => {
      const run = runCli(['rules'], { cwd: workspace() });
      assert.equal(run.code, 0);
      const all = [...listRules(), ...listPlaybookChecks()];
      for (const rule of all) {
        const line = run.stdout.split('\n').find((l) => l.startsWith(`${rule.id} `));
        assert.ok(line, `lists ${rule.id}`);
        assert.ok(line.includes(rule.category) && line.includes(rule.severity) && line.includes(rule.description));
      }
      const json = JSON.parse(runCli(['rules', '-f', 'json'], { cwd: workspace() }).stdout) as Array<{ id: string; docsUrl: string }>;
      assert.deepEqual(json.map((r) => r.id), all.map((r) => r.id));
    });

    it('explain prints the rationale, examples and alternatives', () => {
      const id = listRules()[0].id;
      const rule = getRule(id);
      assert.ok(rule);
      const run = runCli(['explain', id], { cwd: workspace() });
      assert.equal(run.code, 0);
      assert.ok(run.stdout.includes(rule.rationale));
      for (const r of rule.replacements) assert.ok(run.stdout.includes(r.text), `alternative ${r.text}`);
      for (const e of rule.examples.flag) assert.ok(run.stdout.includes(e.text) && run.stdout.includes(e.fixed));
      for (const a of rule.examples.allow) assert.ok(run.stdout.includes(a));
      assert.ok(run.stdout.includes(rule.docsUrl));
    });

    it('explain with an unknown rule exits 2 and suggests a close id', () => {
      const id = listRules()[0].id;
      const typo = `${id.slice(0, -1)}x`;
      const run = runCli(['explain', typo], { cwd: workspace() });
      assert.equal(run.code, 2);
      assert.match(run.stderr, new RegExp(`unknown rule "${typo}" \\(did you mean "${id}"\\?\\)`));
    });

    it('--help and --version', () => {
      const help = runCli(['--help'], { cwd: workspace() });
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: trustlint/);
      for (const option of ['--stdin', '--format', '--fix', '--fix-dry-run', '--max-warnings', '--quiet', '--exit-zero', '--config', '--print-config', '--output']) {
        assert.ok(help.stdout.includes(option), `help mentions ${option}`);
      }
      const version = runCli(['--version'], { cwd: workspace() });
      assert.equal(version.stdout, `${VERSION}\n`);
    });
  });
});
