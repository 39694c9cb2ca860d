// Table-driven checks of the pattern language: what each construct matches and what it must not.
import * as assert from 'node:assert/strict';
import { compilePattern, PatternError } from '../../server/src/core';
import { inflections, matchText, PATTERN_FLAGS } from '../../server/src/core/pattern';
import { normalizeTypography } from '../../server/src/core/scope';

function matches(pattern: string, text: string): string[] {
  const re = new RegExp(compilePattern(pattern).source, PATTERN_FLAGS);
  // Patterns run on matchText (lower case, decoration blanked), which keeps offsets: report the original text.
  const original = normalizeTypography(text);
  return [...matchText(original).matchAll(re)].map((m) => original.slice(m.index, m.index + m[0].length));
}

const CASES: Array<[pattern: string, text: string, expected: string[]]> = [
  ['act now', 'Please ACT NOW!', ['ACT NOW']],
  ['act now', 'react now', []],
  ['act now', 'act nowhere', []],
  ['act [right] now', 'act right now', ['act right now']],
  ['act [right] now', 'act now', ['act now']],
  ['{act|move} fast', 'Move fast—this', ['Move fast']],
  ['sign+ today', 'signing today', ['signing today']],
  ['lose+ everything', 'you lost everything', ['lost everything']],
  ['offer … expires', 'this special one-time offer really expires', ['offer really expires']],
  ['offer … expires', 'the offer. It expires', []],
  ['offer …2 expires', 'offer one two three expires', []],
  ["don't wait", 'do not wait', ['do not wait']],
  ["don't wait", 'Don’t wait', ["Don't wait"]],
  ["don't wait", 'dont wait', ['dont wait']],
  ['do not wait', "don't wait", ["don't wait"]],
  ['you are out', "you're out", ["you're out"]],
  ["it's now or never", 'It is now or never', ['It is now or never']],
  ['<ME> need an answer <TIME>', 'We need an answer by end of day', ['We need an answer by end of day']],
  ['<ME> need an answer <TIME>', 'Do you need an answer today', []],
  ['only <N> {spot|seat}+ left', 'only 3 seats left', ['only 3 seats left']],
  ['only <N> {spot|seat}+ left', 'only a couple of spots left', ['only a couple of spots left']],
  ['sale ends in <COUNTDOWN>', 'Sale ends in 02:14:36', ['Sale ends in 02:14:36']],
  ['no-brainer', 'a no brainer', ['no brainer']],
  ['hurry', '**Hurry** 🔥 up', ['Hurry']],
  ['act now', 'act\nnow', ['act\nnow']],
  ['meet with <PH>', 'meet with {{first name}} soon', ['meet with {{first name}}']],
  ['right ?', 'Makes sense, right?', ['right?']],
  ['^ trust me', 'Trust me, it works. I said trust me.', ['Trust me']],
];

describe('pattern language', () => {
  for (const [pattern, text, expected] of CASES) {
    it(`${pattern} on ${JSON.stringify(text)}`, () => assert.deepEqual(matches(pattern, text), expected));
  }

  it('inflects regular and irregular words', () => {
    assert.deepEqual(inflections('sign').sort(), ['sign', 'signed', 'signing', 'signs']);
    assert.ok(inflections('stop').includes('stopping'));
    assert.ok(inflections('buy').includes('bought'));
    assert.ok(inflections('close').includes('closing'));
    assert.ok(inflections('reply').includes('replies'));
  });

  const BAD: Array<[string, RegExp]> = [
    ['{act|move now', /not closed/],
    ['act [now', /not closed/],
    ['… act', /start or end with a gap/],
    ['act …9 now', /gap may skip/],
    ['finali[sz]e the deal', /character set/],
    ['<NOPE> now', /unknown slot/],
    ['a … b … c … d … e', /at most 3 gaps/],
    ['x'.repeat(700), /longer than/],
    ['act (now)', /unexpected character/],
    // A leading choice with a branch that matches nothing: the word after it still wants a space before it.
    ["{^|no thanks} [,] i don't need more", /starts with the choice \{\^\|no thanks\}/],
    ['{[really]|so} sorry', /can match nothing/],
    ['{{^|a} b|c} now', /starts with the choice \{\^\|a\}/],
    ['^ {[really]|so} sorry', /starts with the choice \{\[really\]\|so\}/],
  ];
  for (const [pattern, message] of BAD) {
    it(`rejects ${pattern.slice(0, 30)}`, () => assert.throws(() => compilePattern(pattern), (e: unknown) => e instanceof PatternError && message.test((e as Error).message)));
  }

  it('accepts choices that can match nothing where that works: last, or after a word', () => {
    for (const ok of ['act now {today|$|!}', 'act {[right]|so} now', '^ respect a clear no', '[please] sign today']) {
      assert.doesNotThrow(() => compilePattern(ok), ok);
    }
    // And the written-out form of a leading "{^|we}" finds both.
    const lintedBoth = ['^ respect a clear no', 'we respect a clear no'].map((p) => new RegExp(compilePattern(p).source, PATTERN_FLAGS));
    assert.ok(lintedBoth[0].test('respect a clear no'));
    assert.ok(lintedBoth[1].test('so we respect a clear no'));
  });

  it('names trigger words for the prefilter, skipping common ones', () => {
    const { triggers } = compilePattern('<YOU> {must|have to} decide today');
    assert.ok(triggers && (triggers.includes('decide') || triggers.includes('today')));
    assert.ok(!triggers!.includes('you'));
  });

  it('stays fast on adversarial input', () => {
    const p = compilePattern('{act|move} … {now|fast} … {today|tonight} … expires');
    const re = new RegExp(p.source, PATTERN_FLAGS);
    const text = 'act '.repeat(20000) + 'now '.repeat(20000);
    const t0 = process.hrtime.bigint();
    re.test(text);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    // Generous bound: catastrophic backtracking would take minutes, not seconds.
    assert.ok(ms < 5000, `took ${ms} ms`);
  });
});
