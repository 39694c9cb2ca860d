// The learned check: the sentence model flags what no rule matched, in .playbook documents by default, through the
// same context checks as rules, as information with no automatic fix, and it obeys the config like any rule.
import * as assert from 'node:assert/strict';
import { lint, listRules, resolveConfig, type ResolvedConfig, type RuleSetting } from '../../server/src/core';
import { classifySentence, COERCIVE_THRESHOLD } from '../../server/src/core/classifier';

const COERCIVE = 'Everybody on your street has already signed up, and you really do not want to be the last house left out.';
const HONEST = 'Here is the full price, including setup, and you can decide next month or not at all.';

/** A config with every pack rule off, so only the learned check can speak. */
function onlyLearned(extra: Record<string, RuleSetting> = {}): ResolvedConfig {
  const rules: Record<string, RuleSetting> = Object.fromEntries(listRules().map((r) => [r.id, 'off' as const]));
  const resolved = resolveConfig({ rules: { ...rules, ...extra } });
  assert.ok(resolved.ok);
  assert.deepEqual(resolved.problems, []);
  return resolved.value;
}

describe('learned check', () => {
  it('the example sentences sit on the expected sides of the threshold', () => {
    assert.ok(classifySentence(COERCIVE).score >= COERCIVE_THRESHOLD);
    assert.ok(classifySentence(HONEST).score < COERCIVE_THRESHOLD);
  });

  it('flags a sentence no rule matched in a playbook, as information, naming the tactic, with no automatic fix', () => {
    const findings = lint(`Rep: ${COERCIVE}`, { languageId: 'playbook', config: onlyLearned() }).findings;
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f.ruleId, 'possible-pressure');
    assert.equal(f.severity, 'information');
    assert.equal(f.category, classifySentence(COERCIVE).category);
    assert.equal(f.text, COERCIVE.slice(0, -1), 'the sentence, without its full stop');
    assert.ok(f.fixes.every((x) => !x.dropIn));
    assert.match(f.message, /learned check/);
  });

  it('stays quiet on honest sentences and in buyer turns', () => {
    assert.deepEqual(lint(HONEST, { languageId: 'playbook', config: onlyLearned() }).findings, []);
    assert.deepEqual(lint(`Buyer: ${COERCIVE}`, { languageId: 'playbook', config: onlyLearned() }).findings, []);
  });

  it('is off by default in Markdown and plain text, and on there when the config asks', () => {
    for (const languageId of ['markdown', 'plaintext']) {
      assert.deepEqual(lint(COERCIVE, { languageId, config: onlyLearned() }).findings, []);
      assert.equal(lint(COERCIVE, { languageId, config: onlyLearned({ 'possible-pressure': 'on' }) }).findings.length, 1);
    }
  });

  it('obeys "off", a severity, and its category being off', () => {
    assert.deepEqual(lint(COERCIVE, { languageId: 'playbook', config: onlyLearned({ 'possible-pressure': 'off' }) }).findings, []);
    assert.equal(lint(COERCIVE, { languageId: 'playbook', config: onlyLearned({ 'possible-pressure': 'warning' }) }).findings[0].severity, 'warning');
    const category = classifySentence(COERCIVE).category;
    const rules: Record<string, RuleSetting> = Object.fromEntries(listRules().map((r) => [r.id, 'off' as const]));
    const resolved = resolveConfig({ rules, categories: { [category]: 'off' } });
    assert.ok(resolved.ok);
    assert.deepEqual(lint(COERCIVE, { languageId: 'playbook', config: resolved.value }).findings, []);
  });

  it('is silenced by a directive and skipped in counter-example lists', () => {
    const directive = `<!-- trustlint-disable-next-line possible-pressure -->\n${COERCIVE}`;
    assert.deepEqual(lint(directive, { languageId: 'playbook', config: onlyLearned() }).findings, []);
    const counterExample = `## Don't say\n\n- ${COERCIVE}\n`;
    assert.deepEqual(lint(counterExample, { languageId: 'playbook', config: onlyLearned() }).findings.filter((f) => f.ruleId === 'possible-pressure'), []);
  });

  it('never runs where a rule already matched the sentence', () => {
    const findings = lint('Act now, this offer expires tonight!', { languageId: 'playbook' }).findings;
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.ruleId !== 'possible-pressure'));
  });
});
