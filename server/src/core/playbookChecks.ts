// Structural checks that are code, not phrase rules: malformed placeholders, stale counter-examples,
// and directive comments that name unknown rules or suppress nothing.
import type { Directive } from './directives';
import type { Finding, RuleSpec } from './types';

/**
 * The learned check (lint.ts with classifier.ts). Its findings take the tactic the model names as their category, and
 * `{tactic}` in the message becomes that tactic's name.
 */
export const LEARNED_CHECK: Omit<RuleSpec, 'category'> & { category: 'playbook' } = {
  id: 'possible-pressure',
  category: 'playbook',
  severity: 'information',
  description: 'A sentence that Trustlint\'s learned sentence model reads as pressure on the buyer, where no rule matched. Each finding names the tactic it resembles. On by default in .playbook files; in Markdown and plain text only with "possible-pressure": "on" (on general prose its guesses are noise).',
  patterns: [],
  message: 'This sentence reads like {tactic} to Trustlint\'s learned check, though no rule matched it; reword it if it pressures the buyer.',
  rationale: 'Pressure is worded in endless ways, and no list of phrases catches them all. A small model trained on coercive and honest sales sentences flags the rest, quietly (information, never an automatic fix); turn it off with "possible-pressure": "off".',
  replacements: [],
  examples: { flag: [], allow: [] },
};

/** Metadata for the built-in structural checks, shaped like pack rules so hover, docs and the CLI treat them alike. */
export const PLAYBOOK_RULES: ReadonlyArray<Omit<RuleSpec, 'category'> & { category: 'playbook' }> = [
  {
    id: 'malformed-placeholder',
    category: 'playbook',
    severity: 'warning',
    description: 'A {{placeholder}} with a missing brace or no name.',
    patterns: [],
    message: '“{match}” is not a complete placeholder, so it would reach the buyer as written; use {{name}}.',
    rationale: 'Templates are sent by many reps; a broken placeholder shows the buyer raw template text, which reads as mass mail rather than a considered message.',
    replacements: [],
    examples: { flag: [], allow: [] },
  },
  LEARNED_CHECK,
  {
    id: 'stale-counter-example',
    category: 'playbook',
    severity: 'hint',
    description: 'A line in a "Don\'t say" block that no longer shows any pressure tactic.',
    patterns: [],
    message: 'This counter-example no longer shows a pressure tactic Trustlint recognises; update it, or move it out of the "Don\'t say" block.',
    rationale: 'Counter-examples teach reps what to avoid; one that reads as fine confuses the lesson.',
    replacements: [],
    examples: { flag: [], allow: [] },
  },
  {
    id: 'missing-permission-move',
    category: 'playbook',
    severity: 'information',
    description: 'A closing section with no permission or opt-out for the buyer.',
    patterns: [],
    message: 'This closing section never tells the buyer that "no" or "not yet" is a fine answer; add a permission check-in.',
    rationale: 'An explicit permission to say no removes the fear that makes buyers defensive, and a clear no is more useful than a vague maybe (the up-front contract idea).',
    replacements: [],
    examples: { flag: [], allow: [] },
  },
  {
    id: 'discovery-without-questions',
    category: 'playbook',
    severity: 'information',
    description: 'A discovery section with no question in it.',
    patterns: [],
    message: 'This discovery section asks the buyer nothing; add open questions before presenting.',
    rationale: 'Success in major sales depends more on how well the rep investigates needs than on closing; a discovery section without questions turns into a pitch.',
    replacements: [],
    examples: { flag: [], allow: [] },
  },
  {
    id: 'unacknowledged-objection',
    category: 'playbook',
    severity: 'information',
    description: 'An objection or concern whose scripted response never acknowledges it.',
    patterns: [],
    message: 'The response to this objection never acknowledges it; say it is fair and ask what is behind it before answering.',
    rationale: 'A concern answered without being acknowledged feels dismissed; labelling it and asking what is behind it is what turns an objection into information.',
    replacements: [],
    examples: { flag: [], allow: [] },
  },
  {
    id: 'unknown-directive-rule',
    category: 'playbook',
    severity: 'hint',
    description: 'A trustlint-disable comment names a rule or category that does not exist.',
    patterns: [],
    message: '“{match}” is not a Trustlint rule or category, so this comment disables nothing for it.',
    rationale: 'A mistyped id silently keeps a finding you meant to suppress, or hides that the rule was renamed.',
    replacements: [],
    examples: { flag: [], allow: [] },
  },
  {
    id: 'unused-directive',
    category: 'playbook',
    severity: 'hint',
    description: 'A trustlint-disable comment that suppresses nothing.',
    patterns: [],
    message: 'This trustlint-disable comment suppresses nothing here; remove it so real findings are not hidden later.',
    rationale: 'Old suppressions hide new problems when the text around them changes.',
    replacements: [],
    examples: { flag: [], allow: [] },
  },
];

function finding(id: string, start: number, end: number, text: string, fill: string): Finding {
  const rule = PLAYBOOK_RULES.find((r) => r.id === id)!;
  return { ruleId: id, category: 'playbook', severity: rule.severity, start, end, text, message: rule.message.replace('{match}', fill), fixes: [] };
}

const PERMISSION_TEXT = 'I want to make good use of your time. Where are you leaning right now: towards going ahead, waiting a while, or deciding it isn\'t for you? Any of those is a perfectly good answer.';
const DISCOVERY_TEXT = 'What prompted you to look at this now, and what would a good outcome look like for you?';
const ACKNOWLEDGE_TEXT = 'That\'s a fair concern, and I\'d like to understand it properly. What\'s behind it?';

/** Findings for missing section moves, each with a fix that inserts the move under the heading (never applied automatically). */
export function sectionMoveFindings(text: string, moves: Array<{ move: string; start: number; end: number }>): Finding[] {
  const out: Finding[] = [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (const m of moves) {
    const kinds: Record<string, [string, string, string]> = {
      'permission-check-in': ['missing-permission-move', PERMISSION_TEXT, 'Insert a permission check-in'],
      'discovery-questions': ['discovery-without-questions', DISCOVERY_TEXT, 'Insert a discovery question'],
      'acknowledge-objection': ['unacknowledged-objection', ACKNOWLEDGE_TEXT, 'Insert an acknowledgement'],
    };
    const kind = kinds[m.move];
    if (!kind) continue;
    const [id, move, title] = kind;
    const f = finding(id, m.start, m.end, text.slice(m.start, m.end), '');
    f.fixes = [{ title, start: m.end, end: m.end, replacement: `${eol}${eol}${move}`, dropIn: false }];
    out.push(f);
  }
  return out;
}

/** Placeholders with one brace missing, or none named: `{{first name}`, `{company}}`, `{{ }}`. */
export function placeholderFindings(masked: string, original: string): Finding[] {
  const out: Finding[] = [];
  const re = /\{\{[^{}\n]*\}(?!\})|(?<!\{)\{[^{}\n]*\}\}|\{\{\s*\}\}|\{\{[^{}\n]*$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked)) !== null) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const text = original.slice(m.index, m.index + m[0].length);
    out.push(finding('malformed-placeholder', m.index, m.index + m[0].length, text, text.length > 40 ? `${text.slice(0, 39)}…` : text));
  }
  return out;
}

export function staleCounterExample(start: number, end: number, original: string): Finding {
  return finding('stale-counter-example', start, end, original.slice(start, end), '');
}

/** Hints for directive ids that name nothing and for directives that suppressed nothing. */
export function directiveFindings(directives: Directive[], used: Set<Directive>, known: (id: string) => boolean, text: string): Finding[] {
  const out: Finding[] = [];
  for (const d of directives) {
    const body = text.slice(d.start, d.end);
    for (const id of d.ids) {
      if (known(id)) continue;
      const at = d.start + body.indexOf(id, body.indexOf('trustlint-'));
      out.push(finding('unknown-directive-rule', at, at + id.length, id, id));
    }
    if (d.kind !== 'enable' && d.kind !== 'disable-file' && !used.has(d) && d.ids.every(known)) {
      out.push(finding('unused-directive', d.start, d.end, body, ''));
    }
  }
  return out;
}
