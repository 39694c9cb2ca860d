// Context cues added in the generalisation round: retired templates, "avoid writing", renamed modules, a sentence
// named by the next one, quotes opening a sentence, and "instead of" only when it names the wording to avoid.
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/core';

const flagged = (text: string) => lint(text, { languageId: 'playbook' }).findings.filter((f) => f.category !== 'playbook').map((f) => f.ruleId);

describe('meta and mention context', () => {
  const quiet = [
    'Avoid writing "act now" or "last chance" in subject lines.',
    'Old cadence (retired): "Call every day until they pick up."',
    'Why wait? is a phrase we removed from every template last year.',
    '"Trust me, it\'s risk-free" is on our list of phrases reps should never use.',
    'We don\'t show "X people are viewing this" banners on our listings.',
    'Instead of "act now", we say "take the time you need".',
    'The early-bird rate ends on 1 March, the same date printed on our website for every applicant.',
    // Instructions about a quoted line: it never goes in an e-mail, it is replaced, renamed, retired or banned by name.
    'Reminder that "act now" and "expires tonight" never go in a customer email.',
    'Please replace "hunting list" with "prospect list" in the recruiting tracker.',
    'Wiki rename: the "Objection Handling" page is now "Understanding Concerns."',
    'Rep note: we retired "bag the whale" and "close them" in Slack.',
    'Avoid opening with "as your friend" on advisory calls.',
    'Rep note: no "welcome to the family" emails until DocuSign shows completed.',
  ];
  for (const text of quiet) it(`does not flag: ${text}`, () => assert.deepEqual(flagged(text), []));

  const loud = [
    'Act now, this price is gone tonight.',
    'If they unsubscribe, move them to the nurture sequence instead of removing them.',
    'Why wait? The price goes up tomorrow.',
    'This price disappears at midnight.',
    'No "maybe" answers: sign today or lose the rate.',
    'Tell them "act now, this expires tonight" and replace the old offer.',
  ];
  for (const text of loud) it(`still flags: ${text}`, () => assert.ok(flagged(text).length > 0, `expected a finding in: ${text}`));

  it('a quoted question inside a sentence does not end it', async () => {
    const { sentences } = await import('../../server/src/core/context');
    const text = 'Replace tag questions like "right?" with real ones. Then ask "what matters most?" Listen.';
    assert.deepEqual(sentences(text, 0, text.length).map((s) => text.slice(s.start, s.end)), [
      'Replace tag questions like "right?" with real ones.',
      'Then ask "what matters most?"',
      'Listen.',
    ]);
  });
});

describe('reasons for a deadline', () => {
  it('"because" followed only by the deadline\'s own threat is not a reason', async () => {
    const { hasReason } = await import('../../server/src/core/context');
    assert.equal(hasReason('Confirm before Friday, because after that the special price is going away.'), false);
    assert.equal(hasReason('Sign by the 30th because otherwise the discount is gone.'), false);
    assert.equal(hasReason('Confirm before Friday, because the venue needs final numbers.'), true);
    assert.equal(hasReason('The rate ends on 1 March because the hall contract ends then.'), true);
    assert.equal(hasReason('Prices go up on 1 April because supplier costs rose, as listed on our pricing page.'), true);
  });
});
