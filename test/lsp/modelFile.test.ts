// The Node bundles carry no model weights: they read dist/sentence-model.json, and without it the learned check is off.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listRules } from '../../server/src/core';

const dist = path.resolve(__dirname, '../../dist');

describe('the learned check model beside the bundles', function () {
  this.timeout(60_000);

  it('dist/sentence-model.json is the shipped model, and the Node bundles do not embed its weights', () => {
    const shipped = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../server/src/core/model/sentenceModel.json'), 'utf8'));
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dist, 'sentence-model.json'), 'utf8')), shipped);
    const probe = shipped.weights.slice(100, 160);
    for (const bundle of ['server.js', 'cli.js']) assert.ok(!fs.readFileSync(path.join(dist, bundle), 'utf8').includes(probe), `${bundle} embeds the weights`);
    assert.ok(fs.readFileSync(path.join(dist, 'web/server.js'), 'utf8').includes(probe), 'the web server keeps them');
  });

  it('the CLI uses the model file, and without it runs with the learned check off', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-model-'));
    const line = 'Everybody on your street has already signed up, and you really do not want to be the last house left out.';
    const file = path.join(dir, 'call.playbook');
    fs.writeFileSync(file, `${line}\n`);
    // Every pack rule off, so only the learned check can speak.
    fs.writeFileSync(path.join(dir, '.trustlintrc.json'), JSON.stringify({ rules: Object.fromEntries(listRules().map((r) => [r.id, 'off'])) }));
    const ids = (cli: string) => {
      const r = spawnSync(process.execPath, [cli, file, '--format', 'json', '--exit-zero'], { encoding: 'utf8' });
      return (JSON.parse(r.stdout) as Array<{ findings: Array<{ ruleId: string }> }>)[0].findings.map((f) => f.ruleId);
    };
    // A copy of the bundle in a folder without the model (the pack index it cannot do without is there).
    const bare = path.join(dir, 'bare');
    fs.mkdirSync(bare);
    fs.copyFileSync(path.join(dist, 'cli.js'), path.join(bare, 'cli.js'));
    fs.copyFileSync(path.join(dist, 'pack-index.json'), path.join(bare, 'pack-index.json'));
    assert.deepEqual(ids(path.join(dist, 'cli.js')), ['possible-pressure']);
    assert.deepEqual(ids(path.join(bare, 'cli.js')), [], 'no model file: the learned check is off, nothing breaks');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
