// resolveConfig: the editor's plain settings resolve without the schema; anything else is checked by it.
import * as assert from 'node:assert/strict';
import { resolveConfig } from '../../server/src/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_KEYS, PROFILES, validateConfigShape } from '../../server/src/core/config';

describe('resolveConfig', () => {
  it('accepts the scalar settings an editor passes', () => {
    const r = resolveConfig({ profile: 'consumer', checkBuyerTurns: true, checkMetaDiscussion: false });
    assert.ok(r.ok);
    assert.equal(r.value.profile, 'consumer');
    assert.equal(r.value.checkBuyerTurns, true);
  });

  it('still reports bad values and unknown keys through the schema', () => {
    assert.match(JSON.stringify(validateConfigShape({ profile: 'pushy' })), /profile/);
    assert.match(JSON.stringify(validateConfigShape({ checkBuyerTurns: 'yes' })), /checkBuyerTurns/);
    assert.match(validateConfigShape({ profil: 'default' }).map((p) => p.message).join(), /unknown key "profil" \(did you mean "profile"\?\)/);
    assert.deepEqual(validateConfigShape({ rules: { 'act-now': 'off' }, profile: 'default' }), []);
  });
});

describe('config constants kept beside the schema', () => {
  it('PROFILES and CONFIG_KEYS match server/schemas/config.schema.json', () => {
    const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../server/schemas/config.schema.json'), 'utf8')) as { properties: Record<string, { enum?: string[] }> };
    assert.deepEqual([...CONFIG_KEYS].sort(), Object.keys(schema.properties).sort());
    assert.deepEqual([...PROFILES], schema.properties.profile.enum);
  });
});
