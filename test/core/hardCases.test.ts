// Taxonomy §2: the 73 hard cases a naive matcher gets wrong. Every row asserts its label.
// "not" cases must produce no finding (or at most the quiet level the taxonomy allows);
// coercive cases must produce a finding in one of the named categories at least at the given severity.
import * as assert from 'node:assert/strict';
import { lint, type Severity } from '../../server/src/core';

type Case = [id: string, text: string, label: 'not' | Severity, categories?: string[], quietAllowed?: Severity];

const CASES: Case[] = [
  ['H1', 'There\'s no rush—take whatever time you need.', 'not'],
  ['H2', 'Don\'t feel pressured to decide today.', 'not'],
  ['H3', 'You don\'t need to decide on this call.', 'not'],
  ['H4', 'We never use countdown timers or fake deadlines in our emails.', 'not'],
  ['H5', 'We\'ll cover exact pricing once scope is confirmed; most teams your size pay $20–30k a year.', 'not'],
  ['H6', 'No hidden fees: the total is $4,800 a year, onboarding included.', 'not'],
  ['H7', 'No hidden fees!!', 'information', ['price-opacity']],
  ['H8', 'Don\'t wait too long, or the price goes up.', 'warning', ['false-urgency']],
  ['H9', 'Don\'t miss out on this exclusive offer!', 'warning', ['false-urgency', 'artificial-scarcity']],
  ['H10', 'It\'s not a now-or-never decision; we can revisit it next quarter.', 'not'],
  ['H11', 'Not to pressure you, but I really need an answer today.', 'warning', ['pressure-to-decide']],
  ['H12', 'No pressure at all—but this price disappears at midnight.', 'warning', ['false-urgency']],
  ['H13', 'There\'s no risk of data loss during migration: we run both systems in parallel for two weeks, and you can roll back at any point.', 'not'],
  ['H14', 'Avoid saying \'act now\' in follow-up emails.', 'not'],
  ['H15', '❌ \'This offer expires tonight.\' ✅ \'This pricing is valid until March 31 because our fiscal year closes then.\'', 'not'],
  ['H16', 'Old script (do not use): \'I need a decision before you leave.\'', 'not'],
  ['H17', 'Some reps still use the takeaway close. We don\'t, because it damages trust.', 'not'],
  ['H18', 'Why do buyers bristle at \'What would it take to get you to sign today?\'', 'not'],
  ['H19', 'Instead of \'overcome objections,\' we say \'explore concerns.\'', 'not'],
  ['H20', 'Role-play: the buyer is told \'take it or leave it\'—practise staying calm and asking what\'s behind it.', 'not'],
  ['H21', 'Buyer: \'I need to decide today because our budget freezes tomorrow.\'', 'not'],
  ['H22', 'Prospect: \'Honestly, I\'m worried we\'ll be left behind.\'', 'not'],
  ['H23', 'If they say \'Just send me the contract,\' send it with a summary of the key terms.', 'not'],
  ['H24', 'Customer: \'Can you hold this price until Friday?\' Rep: \'Yes—it\'s held until Friday at 5 pm.\'', 'not'],
  ['H25', 'When the buyer says \'we need to move fast,\' confirm their timeline and plan backward from it.', 'not'],
  ['H26', 'Rep: \'I\'m hearing that you need this live by Q3—is that right?\'', 'not'],
  ['H27', 'My first manager used to yell \'Always be closing!\' at us.', 'not', undefined, 'hint'],
  ['H28', 'Your contract renews on March 1. To avoid a gap in service, we\'d need your decision by February 15.', 'not'],
  ['H29', 'Our 2025 price list takes effect on January 1 (see pricing page); quotes issued before then are honoured for 30 days.', 'not'],
  ['H30', 'The early-bird conference rate ends on May 10, as listed on the registration page.', 'not'],
  ['H31', 'This quote is valid for 30 days (until {{date}}), which is our standard policy.', 'not'],
  ['H32', 'Your trial ends on June 3. You won\'t be charged unless you choose a plan.', 'not'],
  ['H33', 'The spring promotion ends Friday.', 'not', undefined, 'information'],
  ['H34', 'The state rebate program closes June 30, per the Department of Energy notice (link).', 'not'],
  ['H35', 'We can start two new implementations in April; after that, the next start date is June.', 'not'],
  ['H36', 'Thursday\'s workshop has 20 seats and 3 are left; there\'s another session on the 28th.', 'not', undefined, 'information'],
  ['H37', 'Enable push notifications to get deal-stage alerts.', 'not'],
  ['H38', 'Our target go-live date is June 1.', 'not'],
  ['H39', 'Let\'s close the loop on the security questionnaire.', 'not'],
  ['H40', 'The kill switch disables the integration instantly.', 'not'],
  ['H41', 'Our target market is mid-size logistics firms.', 'not', undefined, 'hint'],
  ['H42', 'We crushed onboarding time from six weeks to two.', 'not'],
  ['H43', 'Bulk export is a killer feature for finance teams.', 'not'],
  ['H44', 'Reducing the attack surface is the main security benefit.', 'not'],
  ['H45', 'Hunt-group routing sends calls to the next free agent.', 'not'],
  ['H46', 'We\'ll close the books at month-end and send your invoice on the 3rd.', 'not'],
  ['H47', 'We\'ll push the update to all devices overnight.', 'not'],
  ['H48', 'The buyer\'s RFP sets a deadline of April 4 for questions.', 'not'],
  ['H49', 'Limited warranty: two years, parts and labour.', 'not'],
  ['H50', 'Act on dashboard insights in real time.', 'not'],
  ['H51', 'Call now to reach support: 1-800-555-0100 (24/7).', 'not', undefined, 'hint'],
  ['H52', 'Don\'t hesitate to reach out with any questions.', 'not'],
  ['H53', 'We\'re moving fast on the roadmap; SSO ships in May.', 'not'],
  ['H54', 'Is there a deadline on your side we should know about?', 'not'],
  ['H55', 'What would need to happen for you to feel comfortable deciding?', 'not'],
  ['H56', 'Do you need an answer from us today?', 'not'],
  ['H57', 'Would Tuesday or Thursday work better for the demo you asked for?', 'not'],
  ['H58', 'You want to save money, don\'t you?', 'information', ['leading-questions']],
  ['H59', 'Does that make sense, or should I explain it differently?', 'not'],
  ['H60', 'Who else is involved in the decision? Are you the decision-maker?', 'not'],
  ['H61', 'Is now a bad time to talk?', 'not'],
  ['H62', 'Have you given up on fixing onboarding this year?', 'not', undefined, 'information'],
  ['H63', 'What happens if onboarding isn\'t fixed by Q3?', 'not'],
  ['H64', 'If you don\'t fix onboarding by Q3, you\'re finished.', 'warning', ['fear-fud']],
  ['H65', 'Prices are rising 8% on January 1 because of supplier costs; current customers keep their rate until renewal.', 'not'],
  ['H66', 'Everyone on your team gets access at no extra cost.', 'not'],
  ['H67', 'Everyone\'s switching to us—don\'t get left behind.', 'warning', ['social-proof-pressure', 'fear-fud']],
  ['H68', 'Nobody likes long implementations, so we built a two-week one.', 'not'],
  ['H69', 'Team goal: hit our number this quarter.', 'not'],
  ['H70', 'I need to hit my number this quarter, so can you sign by Friday?', 'warning', ['guilt-obligation', 'false-urgency', 'pressure-to-decide']],
  ['H71', 'Our onboarding team is small, so we stagger start dates; here are the next three openings.', 'not'],
  ['H72', 'Just checking in—did the security review raise any questions I can help with?', 'not'],
  ['H73', 'Just checking in—are you ready to sign yet?', 'warning', ['manipulative-trickery', 'pressure-to-decide']],
];

const LEVEL: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

describe('taxonomy hard cases (§2)', () => {
  it('has all 73 cases', () => assert.equal(CASES.length, 73));
  for (const [id, text, label, categories, quiet] of CASES) {
    it(`${id} is ${label === 'not' ? 'not coercive' : `coercive (${label})`}: ${text}`, () => {
      const findings = lint(text, { languageId: 'markdown' }).findings;
      const describe = findings.map((f) => `${f.ruleId}/${f.severity}: ${f.text}`);
      if (label === 'not') {
        const allowed = quiet ? LEVEL[quiet] : -1;
        assert.deepEqual(findings.filter((f) => LEVEL[f.severity] > allowed).map((f) => `${f.ruleId}/${f.severity}: ${f.text}`), [], `findings: ${describe.join('; ')}`);
      } else {
        const hit = findings.filter((f) => (!categories || categories.includes(f.category)) && LEVEL[f.severity] >= LEVEL[label]);
        assert.ok(hit.length > 0, `expected a ${categories?.join('/')} finding at ${label} or above; got: ${describe.join('; ') || 'nothing'}`);
      }
    });
  }
});
