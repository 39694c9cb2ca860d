// resolveConfig: the editor's plain settings resolve without the schema; anything else is checked by it.
import * as assert from 'node:assert/strict';
import { resolveConfig } from '../../server/src/core';
import { validateConfigShape } from '../../server/src/core/config';

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
