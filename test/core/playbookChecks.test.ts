// Structural checks: placeholders, counter-examples, directive hygiene, speaker-aware scoping, front-matter audience.
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/core';

const ids = (text: string, languageId = 'playbook') => lint(text, { languageId }).findings.map((f) => `${f.ruleId}:${f.text}`);

describe('playbook checks', () => {
  it('flags malformed placeholders and accepts good ones', () => {
    assert.deepEqual(ids('Hi {{first name}, and {{ }} and {company}} from {{company}}.'), [
      'malformed-placeholder:{{first name}',
      'malformed-placeholder:{{ }}',
      'malformed-placeholder:{company}}',
    ]);
  });
  it('ignores braces in code', () => assert.deepEqual(ids('Use `{{x}` here.\n\n```\n{{ }}\n```'), []));
  it('hints at a counter-example that no longer shows a tactic', () => {
    const found = ids("## Don't say\n\n- Act now!\n- Please take your time.\n\n## Say\n\n- Take your time.");
    assert.deepEqual(found, ['stale-counter-example:Please take your time.']);
  });
  it('reports unknown directive ids and unused directives', () => {
    const found = ids('<!-- trustlint-disable-next-line act-nw -->\nHello.\n\n<!-- trustlint-disable-next-line act-now -->\nHello again.');
    assert.deepEqual(found.map((f) => f.split(':')[0]), ['unknown-directive-rule', 'unused-directive']);
  });
  it('a used directive is not reported', () => {
    assert.deepEqual(ids('<!-- trustlint-disable-next-line act-now -- demo -->\nAct now!'), []);
  });
  it('does not flag the buyer, does flag the rep', () => {
    const text = 'Buyer: Act now, I say.\nRep: Act now!';
    const found = lint(text, { languageId: 'playbook' }).findings;
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].start, found[0].end), 'Act now');
    assert.ok(found[0].start > text.indexOf('Rep:'));
  });
  it('front matter audience: consumer raises urgency to error', () => {
    const b2b = lint('Act now!').findings[0];
    const consumer = lint('---\naudience: consumer\n---\nAct now!', { languageId: 'playbook' }).findings[0];
    assert.equal(b2b.severity, 'warning');
    assert.equal(consumer.severity, 'error');
  });
});

describe('relational section checks', () => {
  it('flag a closing with no opt-out and a discovery with no question, and their fixes clear them', async () => {
    const { applyFixes } = await import('../../server/src/core');
    const text = '# Discovery\n\nWe are the best platform.\n\n# Closing\n\nSign here please.\n';
    const found = lint(text, { languageId: 'playbook' }).findings.filter((f) => f.category === 'playbook');
    assert.deepEqual(found.map((f) => f.ruleId), ['discovery-without-questions', 'missing-permission-move']);
    for (const f of found) assert.equal(f.fixes[0].dropIn, false, 'inserting a move needs a human');
    const fixed = applyFixes(text, found.map((f) => f.fixes[0])).text;
    assert.deepEqual(lint(fixed, { languageId: 'playbook' }).findings.filter((f) => f.category === 'playbook'), []);
  });
  it('stay quiet in plain Markdown', () => {
    assert.deepEqual(lint('# Closing\n\nSign here please.\n', { languageId: 'markdown' }).findings.filter((f) => f.category === 'playbook'), []);
  });
});

describe('objection acknowledgement check', () => {
  it('flags an objection answered without acknowledgement, and the fix clears it', async () => {
    const { applyFixes } = await import('../../server/src/core');
    const text = '## Objection: it is too expensive\n\nOur price is the best in the market.\n';
    const found = lint(text, { languageId: 'playbook' }).findings.filter((f) => f.ruleId === 'unacknowledged-objection');
    assert.equal(found.length, 1);
    const fixed = applyFixes(text, [found[0].fixes[0]]).text;
    assert.deepEqual(lint(fixed, { languageId: 'playbook' }).findings.filter((f) => f.category === 'playbook'), []);
  });
  it('stays quiet when the response acknowledges the concern', () => {
    const text = '## Concern: "It is too expensive"\n\nRep: That makes sense. What budget did you have in mind?\n';
    assert.deepEqual(lint(text, { languageId: 'playbook' }).findings.filter((f) => f.category === 'playbook'), []);
  });
});
