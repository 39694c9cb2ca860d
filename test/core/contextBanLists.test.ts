// Context cues for ban lists and reported speech: "reps still say '…'", "Ban list: '…'", "'…' is banned here",
// "'…' are off the list". Each quiet line talks about a phrase; each loud line uses one on a buyer.
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lint } from '../../server/src/core';
import { isMentionContext, isMetaSentence, quotedSpans } from '../../server/src/core/context';

const flagged = (text: string) => lint(text, { languageId: 'playbook' }).findings.filter((f) => f.category !== 'playbook').map((f) => f.ruleId);
const whole = (text: string) => ({ start: 0, end: text.length });

describe('ban lists and reported speech', () => {
  const quiet = [
    'Coach: Plenty of reps still say "the clock is ticking". We don\'t, because it makes people dig in.',
    'Ban list for this quarter: "today only", "last chance", "act now".',
    'The old "just OK the paperwork" line is banned here; call it a contract.',
    '"Trust me" and "it\'s a no-brainer" are off the list, give reasons instead.',
    '"Never let the prospect lead" is terrible advice, and here is why.',
    // A retired practice, told as history.
    'We used to show a "take it or leave it" modal on cancellation, and we removed it in March because it made people furious.',
    'Some coaches use the take-it-or-leave-it close; we dropped it in 2021 because our refund requests doubled.',
    'We deleted the "No, I like being broke" button from the popup in 2022.',
  ];
  for (const text of quiet) it(`does not flag: ${text}`, () => assert.deepEqual(flagged(text), []));

  const loud = [
    'The clock is ticking, so sign today.',
    'Today only: the last chance to lock in this rate.',
    'Reps, say it plainly: this price is gone tonight.',
    'No ban on it: act now before the rate is gone tonight.',
    // Retiring something else is not talking about the line.
    'We removed the old plan, so take it or leave it: sign today.',
    'We used to wait for you, but this offer expires tonight.',
  ];
  for (const text of loud) it(`still flags: ${text}`, () => assert.ok(flagged(text).length > 0, `expected a finding in: ${text}`));

  it('treats an adverb between the speaker and the reporting verb as reported speech', () => {
    const t = 'Some reps often say "act now" on calls.';
    assert.equal(isMentionContext(t, whole(t), quotedSpans(t, whole(t))), true);
    const u = 'Some reps often act now on calls.';
    assert.equal(isMentionContext(u, whole(u), quotedSpans(u, whole(u))), false);
  });

  it('recognises ban-list wording as meta-discussion, but not the word "banner"', () => {
    assert.equal(isMetaSentence('Ban list: "today only".', whole('Ban list: "today only".')), true);
    assert.equal(isMetaSentence('That phrase is banned in our team.', whole('That phrase is banned in our team.')), true);
    assert.equal(isMetaSentence('Put a banner on the page: act now.', whole('Put a banner on the page: act now.')), false);
  });
});

describe('trainers talking about a line (shared meta clauses)', () => {
  // No quotation marks: only the clause's own wording says the line is being discussed, not used.
  const texts = [
    'Telling buyers the price disappears at midnight is banned on our team.',
    'Telling a buyer this deal won\'t last is how we got complaints last year.',
    // Caught only by the shared clause patterns (the sentence-level cues do not see it).
    'Trainer: Hiding the auto-renewal is how we got the complaints last year, always say it out loud.',
  ];
  for (const text of texts) {
    it(`is not flagged by default, and is with checkMetaDiscussion: ${text}`, () => {
      assert.deepEqual(lint(text, { languageId: 'playbook' }).findings.filter((f) => f.category !== 'playbook').map((f) => f.ruleId), []);
      const config = { ...DEFAULT_CONFIG, checkMetaDiscussion: true, hash: `${DEFAULT_CONFIG.hash}|meta` };
      assert.ok(lint(text, { languageId: 'playbook', config }).findings.length > 0, 'the line itself is coercive');
    });
  }
});
