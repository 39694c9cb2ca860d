import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { lint, listRules, CATEGORIES, type Finding } from '../../server/src/core';
import { expandSnippet, SnippetSyntaxError } from './expand';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const root = resolve(__dirname, '../..');
const source = readFileSync(join(root, 'snippets/playbook.code-snippets'), 'utf8');
const errors: ParseError[] = [];
const snippets = parseJsonc(source, errors, { allowTrailingComma: false }) as Record<string, Snippet>;
const entries = Object.entries(snippets ?? {});

// The twelve relational closing templates of the taxonomy (section 3), by their prefixes.
const TAXONOMY_PREFIXES = [
  'trust-summary-close', 'trust-mutual-action-plan', 'trust-upfront-agreement', 'trust-pricing-transparency',
  'trust-explore-concern', 'trust-respectful-walk-away', 'trust-referral-ask', 'trust-fit-check',
  'trust-decision-readiness', 'trust-risk-reduction', 'trust-deadline-disclosure', 'trust-graceful-pause',
];
const DIRECTIVE_PREFIXES = ['trustlint-disable-next-line', 'trustlint-disable-line', 'trustlint-disable', 'trustlint-enable', 'trustlint-disable-file'];

// A line that Trustlint flags for false urgency; directive snippets are checked by suppressing it.
const PRESSURE_LINE = 'Act now, this offer ends tonight!';

const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const show = (findings: Finding[]) => findings.map((f) => `${f.ruleId} "${f.text}": ${f.message}`).join('\n');

/** Puts a directive snippet next to the pressure line it is meant to suppress. */
function inContext(prefix: string, expanded: string): string {
  switch (prefix) {
    case 'trustlint-disable-next-line': return `${expanded}${PRESSURE_LINE}\n`;
    case 'trustlint-disable-line': return `${PRESSURE_LINE}${expanded}\n`;
    case 'trustlint-disable': return expanded.replace('\n\n\n', `\n\n${PRESSURE_LINE}\n\n`);
    case 'trustlint-enable': return `<!-- trustlint-disable false-urgency -- quoted terms -->\n\n${PRESSURE_LINE}\n\n${expanded}`;
    case 'trustlint-disable-file': return `${expanded}\n${PRESSURE_LINE}\n`;
    default: return expanded;
  }
}

describe('snippet expansion helper', () => {
  it('expands placeholders, choices, mirrors, $0 and escapes', () => {
    const e = expandSnippet(['Hi ${1:first name}, ${2|monthly,annually|} \\$5 and \\} ok.', 'Again $1$0']);
    assert.equal(e.text, 'Hi first name, monthly $5 and } ok.\nAgain first name');
    assert.deepEqual(e.tabStops.map((t) => [t.index, t.kind]), [[1, 'placeholder'], [2, 'choice'], [1, 'plain'], [0, 'plain']]);
  });
  it('expands nested placeholders and escaped choice commas', () => {
    assert.equal(expandSnippet('${1:about ${2:the plan}}|$2').text, 'about the plan|the plan');
    assert.equal(expandSnippet('${1|a\\, b,c|}').text, 'a, b');
  });
  it('rejects malformed bodies', () => {
    assert.throws(() => expandSnippet('${1:unclosed'), SnippetSyntaxError);
    assert.throws(() => expandSnippet('${1|a,b}'), SnippetSyntaxError);
    assert.throws(() => expandSnippet('${:x}'), SnippetSyntaxError);
  });
});

describe('snippets/playbook.code-snippets', () => {
  it('is valid JSON with comments', () => {
    assert.deepEqual(errors.map((e) => `${printParseErrorCode(e.error)} at ${e.offset}`), []);
    assert.ok(entries.length >= TAXONOMY_PREFIXES.length + DIRECTIVE_PREFIXES.length + 1);
  });

  it('has the twelve relational closing scripts, a new-playbook scaffold and every directive', () => {
    const prefixes = new Set(entries.flatMap(([, s]) => prefixesOf(s)));
    for (const p of [...TAXONOMY_PREFIXES, ...DIRECTIVE_PREFIXES, 'playbook-new']) assert.ok(prefixes.has(p), `missing snippet ${p}`);
  });

  it('gives every snippet a prefix, a body and a description; prefixes are unique', () => {
    const seen = new Map<string, string>();
    for (const [name, s] of entries) {
      assert.ok(prefixesOf(s).length > 0 && prefixesOf(s).every((p) => /^[a-z][a-z0-9-]*$/.test(p)), `${name}: prefix must be kebab-case`);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === 'string')), `${name}: body`);
      assert.ok(typeof s.description === 'string' && s.description.trim().length > 10, `${name}: description`);
      for (const p of prefixesOf(s)) {
        assert.ok(!seen.has(p), `prefix ${p} is used by "${seen.get(p)}" and "${name}"`);
        seen.set(p, name);
      }
    }
  });

  for (const [name, s] of entries) {
    describe(prefixesOf(s)[0], () => {
      it('numbers its tab stops 1..n in order of first appearance, with at most one $0', () => {
        const { tabStops, variables } = expandSnippet(s.body);
        assert.deepEqual(variables, [], `${name} uses variables`);
        const firsts: number[] = [];
        for (const t of tabStops) if (t.index > 0 && !firsts.includes(t.index)) firsts.push(t.index);
        assert.deepEqual(firsts, firsts.map((_, i) => i + 1), `${name}: tab stops ${firsts.join(', ')}`);
        assert.ok(tabStops.filter((t) => t.index === 0).length <= 1, `${name}: more than one $0`);
        // A bare $n only mirrors; the first occurrence of each tab stop carries the default the user sees.
        for (const n of firsts) {
          const first = tabStops.find((t) => t.index === n)!;
          assert.notEqual(first.kind, 'plain', `${name}: tab stop ${n} first appears without a default`);
        }
        for (const t of tabStops.filter((x) => x.kind === 'choice')) {
          assert.ok(t.choices!.length >= 2 && t.choices!.every((c) => c.trim() !== ''), `${name}: choice ${t.index}`);
        }
      });

      for (const languageId of ['playbook', 'markdown']) {
        it(`lints clean as ${languageId} when expanded with its defaults`, () => {
          const prefix = prefixesOf(s)[0];
          const text = inContext(prefix, expandSnippet(s.body).text);
          const result = lint(text, { languageId });
          assert.equal(result.findings.length, 0, `${name} (${languageId}):\n${text}\n---\n${show(result.findings)}`);
        });
      }
    });
  }

  it('the pressure line used for directive snippets is flagged on its own (so those checks can fail)', () => {
    const ids = lint(`${PRESSURE_LINE}\n`, { languageId: 'playbook' }).findings.map((f) => f.category);
    assert.ok(ids.includes('false-urgency'), `expected false-urgency, got ${ids.join(', ')}`);
  });

  it('the lint check rejects a pressure script (so the clean checks can fail)', () => {
    const coercive = expandSnippet(['Rep: This price is only good until the end of the call, so ${1:name}, sign today.$0']).text;
    assert.ok(lint(coercive, { languageId: 'playbook' }).findings.length > 0);
  });

  it('offers only real rule ids and categories in directive choices', () => {
    const known = new Set<string>([...CATEGORIES, ...listRules().map((r) => r.id)]);
    for (const [name, s] of entries) {
      if (!prefixesOf(s)[0].startsWith('trustlint-')) continue;
      const choices = expandSnippet(s.body).tabStops.flatMap((t) => t.choices ?? []);
      assert.ok(choices.length > 0, `${name} offers no rule choice`);
      for (const c of choices) assert.ok(known.has(c), `${name}: "${c}" is not a rule or category`);
    }
  });
});
