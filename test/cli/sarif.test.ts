// `--format sarif` validates against the official SARIF 2.1.0 schema and agrees with the JSON output.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from './ajvFormats';
import type * as Sarif from 'sarif';
import { cleanWorkspaces, fixableExample, parseJson, runCli, workspace } from './helpers';

/** Compiles the committed OASIS schema (draft-04; see schemas/README.md for why $schema and id are dropped). */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('trustlint --format sarif', function () {
  // Each case spawns node; allow for a loaded CI machine.
  this.timeout(120_000);
  after(cleanWorkspaces);
  const validate = sarifValidator();

  it('the schema itself rejects a broken log (the validator is live)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver.name is required');
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] }), true);
  });

  it('validates against the SARIF 2.1.0 schema and matches the JSON findings', () => {
    const dir = workspace('basic');
    fs.writeFileSync(path.join(dir, 'with space.md'), `Intro 😀.\r\n${fixableExample().text}\r\n`);
    const run = runCli(['.', '-f', 'sarif'], { cwd: dir });
    const log = JSON.parse(run.stdout) as Sarif.Log;
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));

    const json = parseJson(runCli(['.', '-f', 'json'], { cwd: dir }).stdout);
    const flat = json.flatMap((file) => file.findings.map((f) => ({ file: file.filePath, f })));
    const sarifRun = log.runs[0];
    const results = sarifRun.results ?? [];
    assert.equal(results.length, flat.length, 'one result per finding');
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    const rules = sarifRun.tool.driver.rules ?? [];
    assert.deepEqual(rules.map((r) => r.id), [...new Set(flat.map((x) => x.f.ruleId))].sort(), 'rules that produced results');

    results.forEach((result, i) => {
      const { file, f } = flat[i];
      assert.equal(result.ruleId, f.ruleId);
      assert.equal(rules[result.ruleIndex ?? -1]?.id, f.ruleId, 'ruleIndex points at the rule');
      assert.equal(result.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[f.severity]);
      assert.equal(result.message.text, f.message);
      const location = result.locations?.[0]?.physicalLocation;
      assert.equal(location?.artifactLocation?.uri, file.split('/').map(encodeURIComponent).join('/'), 'relative, percent-encoded uri');
      assert.deepEqual(
        { ...location?.region, snippet: undefined },
        { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, charOffset: f.offset, charLength: f.length, snippet: undefined },
      );
      const dropIns = f.fixes.filter((x) => x.dropIn);
      assert.equal(result.fixes?.length ?? 0, dropIns.length, 'one SARIF fix per drop-in fix');
      result.fixes?.forEach((fix, k) => {
        const replacement = fix.artifactChanges[0].replacements[0];
        assert.equal(replacement.insertedContent?.text, dropIns[k].replacement);
        assert.ok((replacement.deletedRegion.charLength ?? 0) >= f.length, 'the deleted region covers the finding');
      });
    });

    for (const rule of rules) {
      assert.ok(rule.shortDescription?.text && rule.fullDescription?.text && rule.help?.text, `${rule.id} has descriptions and help`);
      assert.match(rule.helpUri ?? '', /^https:\/\//);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration?.level ?? ''));
    }
  });

  it('stays valid when a file cannot be read (reported as a tool notification)', () => {
    const dir = workspace();
    fs.writeFileSync(path.join(dir, 'bad.md'), Buffer.from([0x48, 0x69, 0xff, 0x0a]));
    const run = runCli(['.', '-f', 'sarif'], { cwd: dir });
    assert.equal(run.code, 2);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const invocation = log.runs[0].invocations?.[0];
    assert.equal(invocation?.executionSuccessful, false);
    assert.match(invocation?.toolExecutionNotifications?.[0]?.message.text ?? '', /bad\.md: is not valid UTF-8/);
  });
});
