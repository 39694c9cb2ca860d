// Builds case-preserving replacement fixes and applies them without ever overlapping edits.
import type { Fix, LintResult, ReplacementSpec } from './types';

/** Adjusts a replacement to the case of the text it replaces: "Act now" -> "Take…", "ACT NOW" -> "TAKE…". */
export function matchCase(replacement: string, original: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    // Keep placeholders readable inside an all-caps rewrite.
    return replacement.split(/(\{\{[^{}]*\}\})/).map((part, i) => (i % 2 ? part : part.toUpperCase())).join('');
  }
  const first = /\p{L}/u.exec(original)?.[0];
  if (!first) return replacement;
  const idx = replacement.search(/\p{L}/u);
  if (idx < 0 || replacement.startsWith('{{')) return replacement;
  if (first === first.toUpperCase() && first !== first.toLowerCase()) {
    return replacement.slice(0, idx) + replacement[idx].toUpperCase() + replacement.slice(idx + 1);
  }
  // Lower-case the first letter, except for "I" and acronyms.
  if (/^I\b/.test(replacement.slice(idx)) || /^\p{Lu}{2}/u.test(replacement.slice(idx))) return replacement;
  return replacement.slice(0, idx) + replacement[idx].toLowerCase() + replacement.slice(idx + 1);
}

/** True when `s` leaves a `quote` open: an odd number of double quotes, or a single quote that starts a word. */
function opensQuote(s: string, quote: string): boolean {
  if (quote === '"') return (s.match(/"/g)?.length ?? 0) % 2 === 1;
  const opening = s.match(/(?:^|[\s(])'(?=\S)/g)?.length ?? 0;
  const closing = s.match(/(?<=\S)'(?=$|[\s).,!?;:])/g)?.length ?? 0;
  return opening > closing;
}

function shorten(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/**
 * Turns a rule's replacements into Fix edits.
 * `span` is what gets replaced: the match, or the sentence without its closing punctuation.
 * A replacement that ends in . ! or ? also replaces the sentence's closing punctuation.
 */
export function buildFixes(
  text: string,
  replacements: readonly ReplacementSpec[],
  span: { start: number; end: number },
  sentence: boolean,
): Fix[] {
  const original = text.slice(span.start, span.end);
  let punctEnd = span.end;
  while (punctEnd < text.length && '.!?'.includes(text[punctEnd])) punctEnd++;
  // A quote opened inside the sentence closes after its punctuation ("…'not interested.'"); the rewrite replaces it too.
  if (sentence && punctEnd < text.length && `"'`.includes(text[punctEnd]) && opensQuote(original, text[punctEnd])) punctEnd++;
  return replacements.map((r) => {
    const replacement = matchCase(r.text, original);
    const ownsPunctuation = sentence && /[.!?]$/.test(r.text);
    const end = ownsPunctuation ? punctEnd : span.end;
    const verb = sentence ? 'Rewrite as' : 'Replace with';
    return { title: `${verb} “${shorten(replacement)}”`, start: span.start, end, replacement, dropIn: r.dropIn };
  });
}

/** Applies fixes bottom-up, skipping any that overlap one already applied. */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let applied = 0;
  let limit = Infinity;
  for (const f of sorted) {
    if (f.start < 0 || f.end > text.length || f.start > f.end) continue;
    if (f.end > limit || (f.end === limit && f.start === limit && applied > 0)) continue;
    out = out.slice(0, f.start) + f.replacement + out.slice(f.end);
    limit = f.start;
    applied++;
  }
  return { text: out, applied };
}

export interface FixAllResult {
  text: string;
  applied: number;
  passes: number;
}

/** The most passes "fix all" makes before it stops, so a fix that re-triggers a rule can never loop. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies the first drop-in fix of every finding, re-linting between passes until nothing changes.
 * Suggestions that need a human (dropIn: false) are never applied.
 */
export function fixAllWith(text: string, lintFn: (t: string) => LintResult): FixAllResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const fixes = lintFn(current).findings.map((f) => f.fixes.find((x) => x.dropIn)).filter((f): f is Fix => !!f);
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    passes++;
    if (result.applied === 0 || result.text === current) break;
    current = result.text;
    applied += result.applied;
  }
  return { text: current, applied, passes };
}
