// Runs every example of every shipped rule: flag examples are found and fixed, fixed text lints clean,
// allow examples stay quiet. Adding a rule adds its cases here automatically.
import * as assert from 'node:assert/strict';
import { applyFixes, builtinPackProblems, lint, listRules } from '../../server/src/core';

describe('rule examples', () => {
  it('the shipped pack loads without problems', () => {
    assert.deepEqual(builtinPackProblems(), []);
  });

  for (const rule of listRules()) {
    describe(rule.id, () => {
      for (const example of rule.examples.flag) {
        it(`flags: ${example.text}`, () => {
          const found = lint(example.text).findings.filter((f) => f.ruleId === rule.id);
          assert.ok(found.length >= 1, `expected a ${rule.id} finding in: ${example.text}`);
          const preferred = found[0].fixes[0];
          assert.ok(preferred, 'the finding has a preferred fix');
          const fixed = applyFixes(example.text, [preferred]).text;
          assert.equal(fixed, example.fixed, 'the preferred fix gives the documented text');
          const after = lint(fixed).findings;
          assert.deepEqual(after.map((f) => `${f.ruleId}: ${f.text}`), [], 'the fixed text lints clean');
        });
      }
      for (const text of rule.examples.allow) {
        it(`allows: ${text}`, () => {
          const found = lint(text).findings.filter((f) => f.ruleId === rule.id);
          assert.deepEqual(found.map((f) => f.text), []);
        });
      }
    });
  }
});
