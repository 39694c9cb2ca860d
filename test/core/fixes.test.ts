import * as assert from 'node:assert/strict';
import { applyFixes, fixAll, lint, matchCase, type Fix } from '../../server/src/core';

const fix = (start: number, end: number, replacement: string, dropIn = true): Fix => ({ title: 't', start, end, replacement, dropIn });

describe('fixes', () => {
  const CASE: Array<[string, string, string]> = [
    ['take the time', 'Act now', 'Take the time'],
    ['Take the time', 'act now', 'take the time'],
    ['take the time', 'ACT NOW', 'TAKE THE TIME'],
    ['meet {{name}} soon', 'ACT NOW', 'MEET {{name}} SOON'],
    ['I can help', 'act now', 'I can help'],
    ['{{date}} works', 'Act now', '{{date}} works'],
  ];
  for (const [replacement, original, expected] of CASE) {
    it(`matchCase(${replacement}, ${original})`, () => assert.equal(matchCase(replacement, original), expected));
  }

  it('applies fixes bottom-up and skips overlaps', () => {
    const r = applyFixes('abcdef', [fix(0, 2, 'X'), fix(1, 3, 'Y'), fix(4, 6, 'Z')]);
    assert.equal(r.applied, 2);
    assert.equal(r.text, 'aYdZ');
  });

  it('ignores fixes outside the text', () => {
    assert.equal(applyFixes('abc', [fix(2, 9, 'X')]).applied, 0);
  });

  it('fixAll applies only drop-in fixes and leaves other text byte-identical', () => {
    const text = 'Intro line.\r\nAct now! Keep this 😀 exactly.\r\n';
    const result = fixAll(text);
    assert.ok(result.applied >= 1);
    assert.ok(result.text.startsWith('Intro line.\r\n'));
    assert.ok(result.text.endsWith(' Keep this 😀 exactly.\r\n'));
    const remaining = lint(result.text).findings.filter((f) => f.fixes.some((x) => x.dropIn));
    assert.deepEqual(remaining, []);
  });

  it('fixAll never applies judgment rewrites', () => {
    for (const f of lint('Act now! This offer expires tonight. Only 3 spots left!').findings) {
      for (const x of f.fixes) if (x.replacement.includes('{{')) assert.equal(x.dropIn, false);
    }
    assert.ok(!fixAll('Act now! Only 3 spots left!').text.includes('{{'));
  });
});
