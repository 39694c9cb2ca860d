// The trust score: an explainable 0–100 picture of a playbook. Every point lost is attributed to a finding,
// a missing relational move or the balance of buyer-focused language, and to a section. docs/trust-score.md has the formula.
import type { LintResult } from './types';
import { BLOCK, scopeDocument } from './scope';

/** One reason the score is below 100. */
export interface ScoreItem {
  kind: 'finding' | 'missing-move' | 'focus';
  points: number;
  reason: string;
  /** Where it applies (UTF-16 offsets); the section heading for missing moves. */
  start: number;
  end: number;
  ruleId?: string;
  category?: string;
  section: string;
}

export interface SectionReport {
  title: string;
  start: number;
  end: number;
  words: number;
  score: number;
  findingsByCategory: Record<string, number>;
}

export interface MissingMove {
  move: 'discovery-questions' | 'permission-check-in' | 'price-stated' | 'acknowledge-objection';
  section: string;
  start: number;
  end: number;
  points: number;
  /** The snippet prefix that adds the move (snippets/playbook.code-snippets). */
  snippet: string;
  advice: string;
}

export interface TrustReport {
  score: number;
  words: number;
  items: ScoreItem[];
  sections: SectionReport[];
  missingMoves: MissingMove[];
}

/** Points a finding costs per 250 words of checked prose, by severity. */
export const SEVERITY_WEIGHT = { error: 6, warning: 3, information: 1, hint: 0 } as const;
/** Words below this count are treated as this many, so a short note is not scored as if every line were a paragraph. */
export const MIN_WORDS = 250;
export const MOVE_POINTS = { 'discovery-questions': 5, 'permission-check-in': 8, 'price-stated': 5, 'acknowledge-objection': 3 } as const;
export const MAX_FOCUS_POINTS = 5;

const DISCOVERY = /\b(?:discovery|qualif\w*|needs|questions? to ask|first call|intro(?:duction)? call|diagnos\w*)\b/i;
const CLOSING = /\b(?:clos(?:e|ing)|next steps?|proposal|negotiat\w*|decision|commit\w*|sign(?:ing|ature)?|wrap[- ]up)\b/i;
/** Wording that gives the buyer an explicit way to say no or to decide later. */
const PERMISSION = /\b(?:(?:it'?s|that'?s|is)\s+(?:completely |perfectly |totally )?(?:fine|okay|ok|alright)|no obligation|no pressure|say no|a clear no|not (?:the )?right fit|not a fit|whatever you decide|up to you|your call|in your own time|take (?:the|your|whatever) time|when you'?re ready|would you like to|does (?:that|this) (?:sound|work)|any of those is|decide (?:later|not to)|if (?:it|this) (?:isn'?t|is not|doesn'?t|does not))\b/i;
const OBJECTION = /\b(?:objections?|concerns?|push-?back|pushback|hesitations?|worr(?:y|ies))\b|^["'“]/i;
/** Wording that acknowledges a concern before answering it. */
const ACKNOWLEDGE = /\b(?:fair|of course|(?:good|glad|great) to hear|absolutely|no problem|that'?s (?:fine|okay|ok)|totally|completely understand|reasonable|makes sense|understand(?:able)?|i hear you|hear that|good (?:question|point)|tell me more|what'?s behind|say more|thanks for (?:raising|telling|sharing)|that'?s (?:a )?(?:valid|real|common|important)|i get (?:it|that)|sounds like|it sounds|appreciate)\b/i;
const PRICE_MENTION = /\b(?:price|pricing|cost|costs|fee|fees|quote|budget)\b/i;
const PRICE_STATED = /[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:usd|eur|gbp|dollars|euros|pounds|k|per (?:month|year|seat|user))\b|\{\{\s*[\w ]*(?:price|cost|fee|total|amount)[\w ]*\}\}/i;
const YOU = /\b(?:you|your|yours|yourself|you'?re|you'?ll|you'?ve|you'?d)\b/gi;
const WE = /\b(?:i|i'?m|i'?ll|i'?ve|i'?d|me|my|mine|we|we'?re|we'?ll|we'?ve|our|ours|us)\b/gi;

interface Section { title: string; start: number; end: number; headingEnd: number; level: number; /** End of the section including its subsections. */ treeEnd: number }

/**
 * The document's sections, one per heading outside code fences (plus "(top)" before the first heading).
 * A walk over line starts with indexOf, no split: the linter calls it on every keystroke in a playbook.
 */
function sectionsOf(text: string): Section[] {
  const out: Section[] = [];
  const heading = /^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$/m;
  const fence = /^\s{0,3}(```|~~~)/;
  let inFence = false;
  const headings: Array<{ at: number; end: number; title: string; level: number }> = [];
  for (let offset = 0; offset <= text.length;) {
    let eol = text.indexOf('\n', offset);
    if (eol < 0) eol = text.length;
    // Only lines that can open a fence or a heading are looked at more closely.
    const first = firstNonSpace(text, offset, eol);
    if (first < eol) {
      const c = text.charCodeAt(first);
      if (c === 96 /* ` */ || c === 126 /* ~ */ || (c === 35 /* # */ && !inFence) || c < 32 || c > 127) {
        const line = text.slice(offset, eol);
        if (fence.test(line)) inFence = !inFence;
        else if (!inFence) {
          const m = heading.exec(line);
          if (m) headings.push({ at: offset, end: eol, title: m[2].replace(/\r$/, '').trim(), level: m[1].length });
        }
      }
    }
    offset = eol + 1;
  }
  if (headings.length === 0 || headings[0].at > 0) {
    const end = headings[0]?.at ?? text.length;
    out.push({ title: '(top)', start: 0, end, headingEnd: 0, level: 0, treeEnd: end });
  }
  // Where each heading's subtree ends: the next heading at its level or above (a stack keeps this linear).
  const treeEnds = new Array<number>(headings.length).fill(text.length);
  const open: number[] = [];
  headings.forEach((h, i) => {
    while (open.length && headings[open[open.length - 1]].level >= h.level) treeEnds[open.pop()!] = h.at;
    open.push(i);
  });
  headings.forEach((h, i) => {
    out.push({ title: h.title, start: h.at, end: headings[i + 1]?.at ?? text.length, headingEnd: h.end, level: h.level, treeEnd: treeEnds[i] });
  });
  return out;
}

/** The first offset in [from, to) that is not a space or tab (`to` if none). */
function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

function countWords(s: string): number {
  return s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

function proseOf(scoped: ReturnType<typeof scopeDocument>, s: Section, end = s.end): string {
  const parts: string[] = [];
  // Blocks are in document order, so the section's blocks are one run found by binary search.
  for (let k = firstAt(scoped.blocks, s.headingEnd); k < scoped.blocks.length && scoped.blocks[k].start < end; k++) {
    const b = scoped.blocks[k];
    if (!b.meta) parts.push(scoped.text.slice(b.start, b.end));
  }
  return parts.join(' ');
}

/** Index of the first item starting at or after `offset` (items sorted by start). */
function firstAt(items: ReadonlyArray<{ start: number }>, offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the section checks need to know about one block of checked prose (not a counter-example). */
export interface BlockFacts {
  start: number;
  words: boolean;
  question: boolean;
  permission: boolean;
  acknowledge: boolean;
}

/** The facts of each checked block, with the blocks' offsets. The linter keeps them with each cached chunk. */
export function proseFacts(text: string, blocks: ReadonlyArray<{ start: number; end: number; meta?: boolean }>): BlockFacts[] {
  const out: BlockFacts[] = [];
  for (const b of blocks) {
    if (b.meta) continue;
    const prose = text.slice(b.start, b.end);
    out.push({ start: b.start, words: countWords(prose) > 0, question: prose.includes('?'), permission: PERMISSION.test(prose), acknowledge: ACKNOWLEDGE.test(prose) });
  }
  return out;
}

/** Block facts in runs that each start at `offset` (facts relative to it), runs in document order. */
export type FactRuns = ReadonlyArray<{ offset: number; facts: readonly BlockFacts[] }>;

/** Discovery sections without a question, objections never acknowledged, closing sections without a permission move. */
function sectionMoves(runs: FactRuns, sections: Section[]): MissingMove[] {
  const moves: MissingMove[] = [];
  for (const s of sections) {
    const discovery = DISCOVERY.test(s.title);
    const objection = OBJECTION.test(s.title) && s.level > 0;
    const closing = CLOSING.test(s.title);
    // Most sections are none of these, and their prose is never looked at.
    if (!discovery && !objection && !closing) continue;
    // A stage's moves may sit in its sub-sections, so the whole subtree counts.
    let words = false;
    let question = false;
    let permission = false;
    let acknowledge = false;
    // The run holding the heading's end: the last run starting at or before it.
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid].offset <= s.headingEnd) lo = mid;
      else hi = mid - 1;
    }
    let run = lo;
    for (; run < runs.length && runs[run].offset < s.treeEnd; run++) {
      const { offset, facts } = runs[run];
      for (let k = firstAt(facts, s.headingEnd - offset); k < facts.length && facts[k].start + offset < s.treeEnd; k++) {
        const f = facts[k];
        words ||= f.words;
        question ||= f.question;
        permission ||= f.permission;
        acknowledge ||= f.acknowledge;
      }
    }
    if (!words) continue;
    if (discovery && !question) {
      moves.push({ move: 'discovery-questions', section: s.title, start: s.start, end: s.headingEnd, points: MOVE_POINTS['discovery-questions'], snippet: 'trust-fit-check', advice: 'A discovery section with no questions: ask what the buyer needs before presenting.' });
    }
    if (objection && !acknowledge) {
      moves.push({ move: 'acknowledge-objection', section: s.title, start: s.start, end: s.headingEnd, points: MOVE_POINTS['acknowledge-objection'], snippet: 'trust-explore-concern', advice: 'An objection whose response never acknowledges it: say it is fair and ask what is behind it before answering.' });
    }
    if (closing && !permission) {
      moves.push({ move: 'permission-check-in', section: s.title, start: s.start, end: s.headingEnd, points: MOVE_POINTS['permission-check-in'], snippet: 'trust-decision-readiness', advice: 'A closing section with no permission or opt-out: tell the buyer that "no" or "not yet" is a fine answer.' });
    }
  }
  return moves;
}

/**
 * The section-level relational moves a playbook is missing, for the structural findings. The linter passes the
 * block facts it keeps per chunk, so a keystroke never scans the document again.
 */
export function missingSectionMoves(text: string, options: { languageId?: string; checkBuyerTurns?: boolean } = {}, runs?: FactRuns): MissingMove[] {
  if (!runs) {
    const scoped = scopeDocument(text, options);
    runs = [{ offset: 0, facts: proseFacts(scoped.text, scoped.blocks) }];
  }
  return sectionMoves(runs, sectionsOf(text));
}

/**
 * Scores a document from its lint result. Pure: same text and findings, same report.
 * Only rep prose counts toward words and focus (buyer turns, code and counter-examples are left out).
 */
export function trustReport(text: string, result: LintResult, options: { languageId?: string; checkBuyerTurns?: boolean } = {}): TrustReport {
  const scoped = scopeDocument(text, { languageId: options.languageId, checkBuyerTurns: options.checkBuyerTurns });
  const prose = scoped.blocks.filter((b) => !b.meta).map((b) => scoped.text.slice(b.start, b.end).split(BLOCK).join(' '));
  const words = countWords(prose.join(' '));
  const scale = MIN_WORDS / Math.max(words, MIN_WORDS);
  const sections = sectionsOf(text);
  const sectionAt = (offset: number) => sections.find((s) => s.start <= offset && offset < s.end) ?? sections[sections.length - 1];
  const items: ScoreItem[] = [];

  for (const f of result.findings) {
    if (f.category === 'playbook') continue;
    const points = SEVERITY_WEIGHT[f.severity] * scale;
    if (points === 0) continue;
    items.push({ kind: 'finding', points, reason: f.message, start: f.start, end: f.end, ruleId: f.ruleId, category: f.category, section: sectionAt(f.start).title });
  }

  // Relational moves the taxonomy asks for, checked per section on the masked (checked) prose.
  const missingMoves: MissingMove[] = sectionMoves([{ offset: 0, facts: proseFacts(scoped.text, scoped.blocks) }], sections);
  const sectionProse = (s: Section, end = s.end) => proseOf(scoped, s, end);
  const allProse = prose.join(' ');
  if (PRICE_MENTION.test(allProse) && !PRICE_STATED.test(allProse)) {
    const at = Math.max(0, scoped.text.search(PRICE_MENTION));
    missingMoves.push({ move: 'price-stated', section: sectionAt(at).title, start: at, end: at, points: MOVE_POINTS['price-stated'], snippet: 'trust-pricing-transparency', advice: 'Price comes up but is never stated: give the figure, or a range, when the buyer asks.' });
  }
  for (const m of missingMoves) items.push({ kind: 'missing-move', points: m.points, reason: m.advice, start: m.start, end: m.end, section: m.section });

  // Buyer focus: more "I/we" than "you" in rep prose costs up to MAX_FOCUS_POINTS.
  const you = allProse.match(YOU)?.length ?? 0;
  const we = allProse.match(WE)?.length ?? 0;
  if (you + we >= 20 && we > you) {
    const points = Math.min(MAX_FOCUS_POINTS, ((we - you) / (we + you)) * 10);
    items.push({ kind: 'focus', points, reason: `The rep talks about "I/we" (${we}) more than "you/your" (${you}); buyer-focused language keeps the conversation about their needs.`, start: 0, end: 0, section: sections[0].title });
  }

  const lost = items.reduce((sum, i) => sum + i.points, 0);
  const sectionReports: SectionReport[] = sections.map((s) => {
    const sWords = countWords(sectionProse(s));
    const sScale = MIN_WORDS / Math.max(sWords, MIN_WORDS);
    let sLost = 0;
    const byCategory: Record<string, number> = {};
    for (const i of items) {
      if (i.section !== s.title || i.start < s.start || i.start >= s.end) continue;
      if (i.kind === 'finding') {
        sLost += (i.points / scale) * sScale;
        byCategory[i.category!] = (byCategory[i.category!] ?? 0) + 1;
      } else if (i.kind === 'missing-move') sLost += i.points;
    }
    return { title: s.title, start: s.start, end: s.end, words: sWords, score: Math.max(0, Math.round(100 - sLost)), findingsByCategory: byCategory };
  });
  return { score: Math.max(0, Math.round(100 - lost)), words, items: items.sort((a, b) => b.points - a.points || a.start - b.start), sections: sectionReports, missingMoves };
}
