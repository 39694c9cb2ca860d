// The learned check's rewrites (model/alternatives.json) are what Trustlint suggests in place of a sentence it reads
// as pressure: each must lint clean, with every rule and with the learned check, in a playbook.
import * as assert from 'node:assert/strict';
import { CATEGORIES, lint } from '../../server/src/core';
import alternatives from '../../server/src/core/model/alternatives.json';

const byCategory = alternatives as unknown as Record<string, unknown>;

describe('learned check alternatives', () => {
  it('every tactic has at least two', () => {
    for (const c of CATEGORIES) assert.ok(Array.isArray(byCategory[c]) && (byCategory[c] as string[]).length >= 2, c);
  });
  for (const c of CATEGORIES) {
    for (const text of (byCategory[c] as string[] | undefined) ?? []) {
      it(`lints clean: ${text}`, () => {
        assert.deepEqual(lint(`Rep: ${text}`, { languageId: 'playbook' }).findings.map((f) => `${f.ruleId}: ${f.text}`), []);
      });
    }
  }
});
