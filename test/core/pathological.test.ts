// Text with no sentence ends used to cost time proportional to its length for every match in it (minutes for
// 160 KB). Sentences are now bounded and per-sentence facts computed once: each case must finish, with a bound
// generous enough for a loaded CI machine (a hang guard, not a speed test: speed is in npm run bench).
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/core';

const UNITS = ['act now act now hurry ', "if you don't sign today we will ", 'only offer deal price expires ', '| act now | hurry | '];

describe('pathological input', () => {
  for (const unit of UNITS) {
    it(`160 KB of ${JSON.stringify(unit)} with no sentence end`, function () {
      this.timeout(60_000);
      const text = unit.repeat(Math.ceil(160_000 / unit.length));
      const t0 = Date.now();
      const result = lint(text, { languageId: 'playbook' });
      assert.ok(Date.now() - t0 < 30_000, `took ${Date.now() - t0} ms`);
      for (const f of result.findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start < f.end);
    });
  }
});
