// Property tests: random playbook-like documents must never break the core's invariants.
// `npm test` runs a fixed-seed sample; `npm run fuzz` (FUZZ_RUNS, FUZZ_SEED) runs many more.
// A failure prints its seed and path; rerun with FUZZ_SEED=<seed> to reproduce (docs/RELIABILITY.md).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFixes, createLintCache, fixAll, lint, listRules, type Finding } from '../../server/src/core';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const EDIT_RUNS = Number(process.env.FUZZ_EDIT_RUNS ?? Math.max(20, Math.floor(RUNS / 5)));

const coercive = listRules().flatMap((r) => r.examples.flag.map((e) => e.text));
const honest = listRules().flatMap((r) => r.examples.allow);

/** Pieces that stress offsets and scanning: surrogate pairs, combining marks, zero-width and odd line breaks. */
const odd = fc.constantFrom(
  '😀', '👩‍💻', '🔥', 'e\u0301', '\u200B', '\u200D', '\uFEFF', '\r\n', '\r', '\n', '\n\n', '\t', '’', '“', '”', '—', '–', '…',
  '{{first_name}}', '{{ }}', '{{broken}', '`code`', '```\n', '<!-- trustlint-disable-next-line -->\n', '<!--', '-->', '# ', '- ', '> ',
  'Buyer: ', 'Rep: ', '❌ ', '✅ ', '**', '|', 'https://example.com/act-now', '\uD800', '\uDC00',
);
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...(coercive.length ? coercive : ['Act now!'])) },
  { weight: 3, arbitrary: fc.constantFrom(...(honest.length ? honest : ['Take your time.'])) },
  { weight: 3, arbitrary: odd },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('ACT NOW!!', 'a'.repeat(3000), 'act '.repeat(400), 'x'.repeat(200) + '\n') },
);
const doc = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(' '));

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function checkRanges(text: string, findings: Finding[]): void {
  for (const f of findings) {
    assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, `range inside text: ${f.start}-${f.end} of ${text.length}`);
    // Never split a surrogate pair at either end.
    assert.ok(!(isLow(text.charCodeAt(f.start)) && isHigh(text.charCodeAt(f.start - 1))), 'start splits a surrogate pair');
    assert.ok(!(isLow(text.charCodeAt(f.end)) && isHigh(text.charCodeAt(f.end - 1))), 'end splits a surrogate pair');
    assert.equal(f.text, text.slice(f.start, f.end));
    for (const x of f.fixes) {
      assert.ok(x.start >= 0 && x.end <= text.length && x.start <= x.end, 'fix range inside text');
    }
  }
}

describe('property: lint invariants', () => {
  const params = { numRuns: RUNS, seed: SEED };

  it('never throws, and every range lies inside the text on code-unit boundaries', () => {
    fc.assert(fc.property(doc, fc.constantFrom('markdown', 'playbook', 'plaintext'), (text, languageId) => {
      const result = lint(text, { languageId });
      checkRanges(text, result.findings);
    }), params);
  });

  it('fix-all converges, never overlaps, and leaves text outside edits byte-identical', () => {
    fc.assert(fc.property(doc, (text) => {
      const fixes = lint(text).findings.map((f) => f.fixes.find((x) => x.dropIn)).filter((x) => !!x);
      const sorted = [...fixes].sort((a, b) => a.start - b.start);
      const once = applyFixes(text, fixes);
      // Whatever was applied, the prefix before the first fix and the suffix after the last are untouched.
      if (sorted.length) {
        assert.ok(once.text.startsWith(text.slice(0, sorted[0].start)));
        const lastEnd = Math.max(...sorted.map((x) => x.end));
        assert.ok(once.text.endsWith(text.slice(lastEnd)));
      } else {
        assert.equal(once.text, text);
      }
      const all = fixAll(text);
      assert.ok(all.passes <= 10);
      // A second fix-all finds nothing more to do.
      assert.equal(fixAll(all.text).applied, 0);
    }), { ...params, numRuns: Math.max(10, Math.floor(RUNS / 3)) });
  });

  it('incremental linting after random edits equals a fresh lint', () => {
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 5 }), insert: fc.oneof(piece, fc.constantFrom('\n', '\n\n', '```', '# ', 'a')) });
    fc.assert(fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 25 }), (start, edits) => {
      const cache = createLintCache();
      let text = start;
      lint(text, { cache });
      for (const e of edits) {
        const at = text.length ? e.at % (text.length + 1) : 0;
        text = text.slice(0, at) + e.insert + text.slice(at + e.del);
        assert.deepEqual(lint(text, { cache }), lint(text));
      }
    }), { ...params, numRuns: EDIT_RUNS });
  });
});
