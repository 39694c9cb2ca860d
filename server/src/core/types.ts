// Plain data types shared by the core, the language server and the CLI.
// Offsets are 0-based UTF-16 code units into the original text, end exclusive.

/** How serious a finding is; mirrors LSP DiagnosticSeverity names. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The 18 tactic categories of the taxonomy. */
export const CATEGORIES = [
  'false-urgency',
  'artificial-scarcity',
  'pressure-to-decide',
  'assumptive-close',
  'ultimatum-threat',
  'guilt-obligation',
  'fear-fud',
  'social-proof-pressure',
  'confirmshaming',
  'objection-override',
  'minimizing-concerns',
  'price-opacity',
  'manipulative-trickery',
  'leading-questions',
  'conversation-control',
  'false-intimacy',
  'combat-metaphor',
  'persistence-nagging',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** A finding's category: a tactic, or `playbook` for structural checks (placeholders, directives, counter-examples). */
export type FindingCategory = Category | 'playbook';

/** Human-readable tactic names, as in the taxonomy table. */
export const CATEGORY_LABELS: Record<Category, string> = {
  'false-urgency': 'False urgency',
  'artificial-scarcity': 'Artificial scarcity',
  'pressure-to-decide': 'Pressure to decide now',
  'assumptive-close': 'Assumptive close',
  'ultimatum-threat': 'Ultimatum or threat',
  'guilt-obligation': 'Guilt and obligation',
  'fear-fud': 'Fear, uncertainty and doubt',
  'social-proof-pressure': 'Social-proof pressure',
  confirmshaming: 'Confirmshaming',
  'objection-override': 'Overriding objections',
  'minimizing-concerns': 'Minimising concerns',
  'price-opacity': 'Hiding price or terms',
  'manipulative-trickery': 'Manipulative trickery',
  'leading-questions': 'Leading questions',
  'conversation-control': 'Controlling the conversation',
  'false-intimacy': 'False intimacy',
  'combat-metaphor': 'Combat metaphor',
  'persistence-nagging': 'Nagging persistence',
};

/** A trust-based alternative as written in a rule pack. */
export interface ReplacementSpec {
  /** The replacement text; `{{name}}` marks something the author must fill in. */
  text: string;
  /** True when the text can replace the flagged words mechanically without changing facts or commitments. */
  dropIn: boolean;
  /** Optional note shown in hover and docs ("only if the deadline is real"). */
  note?: string;
}

/** Context switches a rule may opt into. */
export interface RuleContext {
  /** `skip`: do not flag inside questions; `only`: flag only inside questions. */
  questions?: 'skip' | 'only';
  /** When the sentence gives a concrete date and a reason or source, drop the finding. */
  legitimateDeadline?: boolean;
  /** When the sentence gives concrete figures (a number and an alternative), drop the finding. */
  quantifiedCapacity?: boolean;
}

/** One rule as stored in a rule-pack JSON file (validated by server/schemas/rule-pack.schema.json). */
export interface RuleSpec {
  id: string;
  category: Category;
  severity: Severity;
  /** Human description of what the rule looks for (one line). */
  description: string;
  /** Patterns in the Trustlint pattern language (docs/rule-format.md); any match is a finding. */
  patterns?: string[];
  /** Cue groups that must all occur in one sentence, in any order; each group lists alternative patterns. */
  cues?: string[][];
  /** Patterns that, when found in the same clause, mean the wording is benign. */
  unless?: string[];
  /** What a fix replaces: the matched words (default) or the whole sentence. */
  replace?: 'match' | 'sentence';
  context?: RuleContext;
  /** One sentence: what was found and why it erodes trust. `{match}` is the flagged text. */
  message: string;
  /** How a buyer reads it, and which trust principle it breaks. */
  rationale: string;
  replacements: ReplacementSpec[];
  examples: {
    flag: Array<{ text: string; fixed: string }>;
    allow: string[];
  };
}

/** A rule-pack file. */
export interface RulePackFile {
  $schema?: string;
  /** Short description of the pack or category. */
  description?: string;
  rules: RuleSpec[];
}

/** A replacement edit attached to a finding. */
export interface Fix {
  /** Title for a code action, e.g. `Replace with “Take the time you need”`. */
  title: string;
  /** Where the edit applies (may be wider than the finding, e.g. the whole sentence). */
  start: number;
  end: number;
  /** The text to insert, case-matched to the original. */
  replacement: string;
  /** Safe to apply without a human reading it ("fix all", `trustlint --fix`). */
  dropIn: boolean;
}

/** One flagged span. */
export interface Finding {
  ruleId: string;
  category: FindingCategory;
  severity: Severity;
  start: number;
  end: number;
  /** The matched text as it appears in the document. */
  text: string;
  message: string;
  fixes: Fix[];
}

/** Something that went wrong but did not stop linting (a bad pack, a throwing rule, a config typo). */
export interface Problem {
  /** JSON path or file location the problem refers to, when known. */
  path?: string;
  message: string;
}

export interface LintResult {
  findings: Finding[];
  problems: Problem[];
}

/** `{ok: true}` / `{ok: false}` result used at every loading boundary; loaders never throw. */
export type Result<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] };
