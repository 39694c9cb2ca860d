// Loading rule packs: schema errors are located, one bad rule never takes the others down.
import * as assert from 'node:assert/strict';
import { compilePack } from '../../server/src/core';
import { validatePack } from '../../server/src/core/pack';
import { BUILTIN_PACK_FILES } from '../../server/src/core/rules';

const good = {
  id: 'custom-rush', category: 'false-urgency', severity: 'warning', description: 'x', patterns: ['rush hour deal'],
  message: '“{match}” rushes the buyer.', rationale: 'r', replacements: [{ text: 'a', dropIn: true }, { text: 'b', dropIn: true }],
  examples: { flag: [{ text: 'rush hour deal', fixed: 'a' }], allow: [] },
};

describe('rule packs', () => {
  for (const { name, pack } of BUILTIN_PACK_FILES) {
    it(`the shipped ${name} matches the rule-pack schema`, () => assert.deepEqual(validatePack(pack), []));
  }
  it('loads a valid custom pack', () => {
    const r = compilePack([{ name: 'team.json', pack: { rules: [good] } }]);
    assert.ok(r.ok);
    assert.deepEqual(r.problems, []);
    assert.equal(r.value.rules.length, 1);
  });
  const BAD: Array<[string, unknown, RegExp]> = [
    ['an unknown key', { rules: [{ ...good, severty: 'x' }] }, /team\.json\/rules\/0: must NOT have additional properties "severty"/],
    ['a bad category', { rules: [{ ...good, category: 'urgency' }] }, /team\.json\/rules\/0\/category: must be equal to one of the allowed values/],
    ['a bad pattern', { rules: [{ ...good, patterns: ['{rush'] }] }, /team\.json\/rules\/0\/patterns: rule "custom-rush": an alternative group/],
    ['a duplicate id', { rules: [good, good] }, /team\.json\/rules\/1\/id: duplicate rule id "custom-rush"/],
    ['a rule that is not kebab-case', { rules: [{ ...good, id: 'Custom_Rush' }] }, /team\.json\/rules\/0\/id/],
    ['a file with no rules array', { rule: [] }, /team\.json\/: must have required property 'rules'|team\.json\/: must NOT have additional properties "rule"/],
  ];
  for (const [name, pack, message] of BAD) {
    it(`reports ${name} with its location`, () => {
      const r = compilePack([{ name: 'team.json', pack }]);
      const text = r.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
      assert.match(text, message);
    });
  }
  it('keeps the good rules of a pack when one rule is bad', () => {
    const r = compilePack([{ name: 'team.json', pack: { rules: [{ ...good, id: 'broken', severity: 'loud' }, good] } }]);
    assert.ok(r.ok);
    assert.deepEqual(r.value.rules.map((x) => x.spec.id), ['custom-rush']);
    assert.equal(r.problems.length, 1);
  });
});
