// The matcher's shortcuts (word-group prefilter in pattern order, start-word anchoring, lazy regex sources)
// must never change a result: linting with them and exhaustively (every pattern, every position) must agree.
import * as assert from 'node:assert/strict';
import { compilePack, compilePattern, DEFAULT_CONFIG, lint, listRules } from '../../server/src/core';
import { matcherSettings } from '../../server/src/core/lint';
import { matchText, PATTERN_FLAGS } from '../../server/src/core/pattern';
import { generatePlaybook } from '../../bench/generate';

function summary(text: string, languageId: string): string[] {
  return lint(text, { languageId }).findings.map((f) => `${f.ruleId}@${f.start}-${f.end}:${f.severity}`);
}

function both(text: string, languageId = 'playbook'): { fast: string[]; exhaustive: string[] } {
  const fast = summary(text, languageId);
  matcherSettings.exhaustive = true;
  try {
    return { fast, exhaustive: summary(text, languageId) };
  } finally {
    matcherSettings.exhaustive = false;
  }
}

describe('matcher shortcuts', () => {
  const rules = listRules();

  it('agree with the exhaustive matcher on every rule example (flag and allow)', function () {
    this.timeout(120_000);
    const texts = rules.flatMap((r) => [...r.examples.flag.map((e) => e.text), ...r.examples.allow]);
    // One document per rule keeps the exhaustive run affordable; sentences do not interact across lines.
    let flagged = 0;
    for (const r of rules) {
      const doc = [...r.examples.flag.map((e) => e.text), ...r.examples.allow].join('\n\n');
      const { fast, exhaustive } = both(doc);
      assert.deepEqual(fast, exhaustive, r.id);
      flagged += fast.length;
    }
    assert.ok(texts.length > 400 && flagged > 200, `${texts.length} texts, ${flagged} findings`);
  });

  it('agree on shouting, decoration, placeholders and odd spacing', function () {
    this.timeout(120_000);
    const samples = rules.flatMap((r) => r.examples.flag.map((e) => e.text)).filter((_, k) => k % 5 === 0);
    const variants = samples.flatMap((t) => [t.toUpperCase(), t.replace(/ /g, '  '), t.replace(/ /g, ' **'), `"${t}"`, t.replace(/\b(\w)/g, '$1')]);
    const { fast, exhaustive } = both(variants.join('\n\n'), 'markdown');
    assert.deepEqual(fast, exhaustive);
    assert.ok(fast.length > 60);
  });

  it('agree on a generated playbook', function () {
    this.timeout(120_000);
    const { fast, exhaustive } = both(generatePlaybook(20_000, 7));
    assert.deepEqual(fast, exhaustive);
    assert.ok(fast.length > 5);
  });

  it('agree where a word runs into CJK punctuation ("now。", "「Act now」", "act、now")', function () {
    this.timeout(120_000);
    const samples = rules.flatMap((r) => r.examples.flag.map((e) => e.text)).filter((_, k) => k % 3 === 0);
    const variants = samples.flatMap((t) => [t.replace(/[.!?]*$/, '。'), `「${t.replace(/[.!?]*$/, '')}」`, t.replace(/ /g, '、')]);
    const { fast, exhaustive } = both(variants.join('\n\n'), 'markdown');
    assert.deepEqual(fast, exhaustive);
    assert.ok(fast.length > 100, `${fast.length} findings`);
    // Quoted in CJK brackets, a line is still read.
    assert.ok(both('「Act now」 before the offer is gone.').fast.some((f) => f.startsWith('act-now@')));
  });

  it('agree where a word is glued to %, $ or CJK letters ("now%", "今すぐAct now", "%Act")', function () {
    this.timeout(120_000);
    const samples = rules.flatMap((r) => r.examples.flag.map((e) => e.text)).filter((_, k) => k % 6 === 0);
    const variants = samples.flatMap((t) => [t.replace(/[.!?]*$/, '%'), t.replace(/[.!?]*$/, '$.'), `今すぐ${t}`, `%${t}`, t.replace(/ /g, '今')]);
    const { fast, exhaustive } = both(variants.join('\n\n'), 'markdown');
    assert.deepEqual(fast, exhaustive);
    assert.ok(fast.length > 100, `${fast.length} findings`);
    for (const text of ['Act now%.', '今すぐAct now before the offer is gone.']) {
      assert.ok(both(text).fast.some((f) => f.startsWith('act-now@')), text);
    }
  });

  it('agree where a choice after a word opens with a gap or an optional gap', () => {
    const cases: Array<[string, string]> = [
      ['alpha {…2 omega|zeta}', 'alpha one two omega'],
      ['alpha {[…2 omega] zeta|kappa}', 'alpha one omega zeta'],
      ['alpha {…1 <SOON>|zeta}', 'alpha please today'],
      // A choice after a word that can match nothing (allowed there, unlike at the start of a pattern).
      ['alpha {[kappa]|zeta} omega', 'alpha omega'],
      ['alpha {[kappa]|zeta} omega', 'alpha kappa omega'],
      ['alpha {^|zeta} omega', 'so alpha zeta omega'],
    ];
    for (const [pattern, text] of cases) {
      const p = compilePattern(pattern);
      const t = matchText(text);
      const viaRegex = new RegExp(p.source, PATTERN_FLAGS).exec(t);
      assert.ok(viaRegex, `${pattern}: the regex matches ${text}`);
      assert.equal(p.matcher(t, viaRegex.index), viaRegex.index + viaRegex[0].length, `${pattern} on ${text}`);
    }
    // A shipped rule with such a group.
    const { fast, exhaustive } = both('You are really letting them down.');
    assert.deepEqual(fast, exhaustive);
    assert.ok(fast.some((f) => f.startsWith('moral-obligation@')));
  });

  it('agree on a pack whose words use CJK letters, marks and fullwidth digits', () => {
    const patterns = ['before the 〆切', 'sign by 〇〇日', '{今日|今すぐ} 々', 'within ３ days', 'act now'];
    const pack = compilePack([{ name: 'cjk.json', pack: { rules: patterns.map((p, k) => ({ id: `cjk-${k}`, category: 'false-urgency', severity: 'warning', message: 'm', rationale: 'r', replacements: [{ text: 'Take your time.' }], patterns: [p] })) } }], undefined, true);
    assert.ok(pack.ok);
    const config = { ...DEFAULT_CONFIG, pack: pack.value };
    const text = 'Sign before the 〆切 please. Please sign by 〇〇日 at the latest. Sign within ３ days! ・Act now, 「act now」.';
    const run = () => lint(text, { config }).findings.map((f) => `${f.ruleId}@${f.start}-${f.end}`);
    const fast = run();
    matcherSettings.exhaustive = true;
    try {
      assert.deepEqual(fast, run());
    } finally {
      matcherSettings.exhaustive = false;
    }
    for (const id of ['cjk-0', 'cjk-1', 'cjk-3', 'cjk-4']) assert.ok(fast.some((f) => f.startsWith(`${id}@`)), `${id} in ${fast.join(' ')}`);
  });
});
