// The lint pipeline: scope → blocks → prefilter → patterns → context → severity → fixes.
import {
  clauseAround, hasConcreteDate, hasQuantifiedCapacity, hasReason, isMentionContext, isMetaSentence, isQuestion,
  quotedSpans, sentenceBody, sentences, type Span,
} from './context';
import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import { parseDirectives, Suppressions } from './directives';
import { directiveFindings, placeholderFindings, staleCounterExample } from './playbookChecks';
import { buildFixes, fixAllWith, type FixAllResult } from './fixes';
import { fillMessage } from './message';
import type { CompiledRule } from './pack';
import type { CompiledPattern } from './pattern';
import { triggerWords } from './pattern';
import { scopeDocument, type Block } from './scope';
import { CATEGORIES, type Category, type Finding, type LintResult, type Problem, type Severity } from './types';

export interface LintOptions {
  /** 'markdown' | 'playbook' | 'plaintext'; anything else is treated as Markdown. */
  languageId?: string;
  config?: ResolvedConfig;
  /** Called between blocks; when it returns true, linting stops and returns what it has. */
  isCancelled?: () => boolean;
}

const LEVELS: Severity[] = ['hint', 'information', 'warning', 'error'];
const raise = (s: Severity): Severity => LEVELS[Math.min(3, LEVELS.indexOf(s) + 1)];

/** Categories that together form the high-pressure signature regulators act on (taxonomy §0.4). */
const PRESSURE: ReadonlySet<Category> = new Set(['false-urgency', 'artificial-scarcity', 'social-proof-pressure', 'fear-fud', 'pressure-to-decide', 'ultimatum-threat']);
/** Categories the consumer profile raises by one level (taxonomy §0.3). */
const CONSUMER_RAISED: ReadonlySet<Category> = new Set(['false-urgency', 'artificial-scarcity', 'fear-fud', 'social-proof-pressure']);

// Compiled regexes are cached per pattern object; lastIndex is reset before every use.
const regexCache = new WeakMap<CompiledPattern, RegExp>();
function regexOf(p: CompiledPattern): RegExp {
  let re = regexCache.get(p);
  if (!re) { re = new RegExp(p.source, 'giu'); regexCache.set(p, re); }
  re.lastIndex = 0;
  return re;
}

interface Candidate {
  rule: CompiledRule;
  start: number;
  end: number;
  severity: Severity;
  sentence: Span;
}

/**
 * Lints one document. Never throws: a failing rule becomes a Problem and the other rules still run.
 * Offsets in findings are UTF-16 code units into `text`.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const problems: Problem[] = [];
  const scoped = scopeDocument(text, {
    languageId: options.languageId,
    checkBuyerTurns: config.checkBuyerTurns,
    buyerLabels: config.speakers.buyer,
    repLabels: config.speakers.rep,
    otherLabels: config.speakers.other,
  });
  const audience = /^\s*audience\s*:\s*["']?consumer\b/im.test(scoped.frontMatter ?? '') ? 'consumer' : undefined;
  const profile = audience === 'consumer' ? 'consumer' : config.profile;
  const directives = parseDirectives(text);
  const suppressions = new Suppressions(text, directives);
  const rules = config.pack.rules.filter((r) => settingOf(config, r) !== 'off');
  const candidates: Candidate[] = [];
  const structural: Finding[] = [];

  for (const block of scoped.blocks) {
    if (options.isCancelled?.()) break;
    const before = candidates.length;
    lintBlock(scoped.text, block, rules, config, candidates, problems);
    // A counter-example line that no rule recognises any more is stale: say so, quietly.
    if (block.meta && !config.checkMetaDiscussion && (block.kind === 'list' || /^[\s\u0001]*(?:❌|✗|✘|🚫)/u.test(scoped.text.slice(block.start, block.end)))) {
      const probe: Candidate[] = [];
      lintBlock(scoped.text, { ...block, meta: false }, rules, { ...config, checkMetaDiscussion: true }, probe, []);
      if (probe.length === 0 && candidates.length === before && /\p{L}{3}/u.test(scoped.text.slice(block.start, block.end))) {
        let from = block.start;
        while (from < block.end && /[\s\u0001]/.test(scoped.text[from])) from++;
        structural.push(staleCounterExample(from, block.end, text));
      }
    }
  }

  const findings = finalize(text, scoped.text, candidates, config, profile, suppressions);
  if (scoped.text.includes('{')) structural.push(...placeholderFindings(scoped.text, text));
  if (directives.length) {
    const known = (id: string) => config.pack.byId.has(id) || (CATEGORIES as readonly string[]).includes(id) || id === 'playbook';
    structural.push(...directiveFindings(directives, suppressions.used, known, text));
  }
  for (const f of structural) {
    const setting = config.rules[f.ruleId];
    if (setting === 'off' || (f.ruleId !== 'unused-directive' && suppressions.any && suppressions.isDisabled(f.ruleId, f.category, f.start))) continue;
    if (setting && setting !== 'on') f.severity = setting as Severity;
    findings.push(f);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings, problems };
}

function settingOf(config: ResolvedConfig, rule: CompiledRule): string | undefined {
  return config.rules[rule.spec.id] ?? config.categories[rule.spec.category];
}

function lintBlock(text: string, block: Block, rules: CompiledRule[], config: ResolvedConfig, out: Candidate[], problems: Problem[]): void {
  const blockText = text.slice(block.start, block.end);
  if (!/\p{L}/u.test(blockText)) return;
  const words = triggerWords(blockText, new Set());
  let sentenceSpans: Span[] | undefined;
  const meta = block.meta && !config.checkMetaDiscussion;
  for (const rule of rules) {
    if (rule.triggers && !hasAny(rule.triggers, words)) continue;
    try {
      for (const pattern of rule.patterns) {
        const re = regexOf(pattern);
        let m: RegExpExecArray | null;
        while ((m = re.exec(blockText)) !== null) {
          if (m[0].length === 0) { re.lastIndex++; continue; }
          if (meta) continue;
          const start = block.start + m.index;
          const end = start + m[0].length;
          sentenceSpans ??= sentences(text, block.start, block.end);
          const sentence = sentenceSpans.find((s) => s.start <= start && start < s.end) ?? { start, end };
          const severity = judge(text, rule, start, end, sentence, sentenceSpans, config);
          if (severity) out.push({ rule, start, end, severity, sentence });
        }
      }
    } catch (e) {
      problems.push({ message: `rule "${rule.spec.id}" failed and was skipped: ${(e as Error).message}` });
    }
  }
}

function hasAny(triggers: Set<string>, words: Set<string>): boolean {
  if (triggers.size < words.size) {
    for (const t of triggers) if (words.has(t)) return true;
    return false;
  }
  for (const w of words) if (triggers.has(w)) return true;
  return false;
}

/** Applies the context cues to one match. Returns its severity, or undefined when it should not be reported. */
function judge(text: string, rule: CompiledRule, start: number, end: number, sentence: Span, all: Span[], config: ResolvedConfig): Severity | undefined {
  const spec = rule.spec;
  if (!config.checkMetaDiscussion) {
    if (isMetaSentence(text, sentence)) return undefined;
    const quotes = quotedSpans(text, sentence);
    if (quotes.some((q) => q.start <= start && end <= q.end) && isMentionContext(text, sentence, quotes)) return undefined;
  }
  const ctx = spec.context ?? {};
  if (ctx.questions) {
    const q = isQuestion(text, sentence);
    if (ctx.questions === 'skip' && q) return undefined;
    if (ctx.questions === 'only' && !q) return undefined;
  }
  if (rule.unless.length) {
    const clause = clauseAround(text, sentence, start);
    const clauseText = text.slice(clause.start, clause.end);
    for (const u of rule.unless) {
      if (regexOf(u).test(clauseText)) return undefined;
    }
  }
  let severity = spec.severity;
  if (ctx.legitimateDeadline || ctx.quantifiedCapacity) {
    const idx = all.indexOf(sentence);
    const windowText = [all[idx - 1], sentence, all[idx + 1]].filter(Boolean).map((s) => text.slice(s!.start, s!.end)).join(' ');
    const own = text.slice(sentence.start, sentence.end);
    if (ctx.legitimateDeadline && hasConcreteDate(own)) {
      if (hasReason(windowText)) return undefined;
      severity = 'information';
    }
    if (ctx.quantifiedCapacity && hasQuantifiedCapacity(own)) return undefined;
  }
  if (config.allow.length) {
    const lowered = text.slice(sentence.start, sentence.end).toLowerCase();
    const matched = text.slice(start, end).toLowerCase();
    if (config.allow.some((a) => lowered.includes(a) && (a.includes(matched) || matched.includes(a)))) return undefined;
  }
  return severity;
}

function finalize(original: string, masked: string, candidates: Candidate[], config: ResolvedConfig, profile: string, suppressions: Suppressions): Finding[] {
  // Overlaps: within one rule, or one category, keep the longest match (then the more severe one).
  candidates.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const clash = kept.find((k) => k.rule.spec.category === c.rule.spec.category && k.start < c.end && c.start < k.end);
    if (!clash) { kept.push(c); continue; }
    const longer = c.end - c.start > clash.end - clash.start || (c.end - c.start === clash.end - clash.start && LEVELS.indexOf(c.severity) > LEVELS.indexOf(clash.severity));
    if (longer) kept[kept.indexOf(clash)] = c;
  }

  // Stacking: two or more pressure categories in one sentence raise each by one level.
  const bySentence = new Map<number, Set<Category>>();
  for (const c of kept) {
    if (!PRESSURE.has(c.rule.spec.category)) continue;
    const set = bySentence.get(c.sentence.start) ?? new Set();
    set.add(c.rule.spec.category);
    bySentence.set(c.sentence.start, set);
  }

  const findings: Finding[] = [];
  for (const c of kept) {
    const spec = c.rule.spec;
    if (suppressions.any && suppressions.isDisabled(spec.id, spec.category, c.start)) continue;
    let severity = c.severity;
    const matchText = original.slice(c.start, c.end);
    const sentenceText = masked.slice(c.sentence.start, c.sentence.end);
    const stacked = (bySentence.get(c.sentence.start)?.size ?? 0) >= 2;
    const shouting = /\p{L}{2}/u.test(matchText) && matchText === matchText.toUpperCase() && matchText !== matchText.toLowerCase();
    if ((stacked || shouting || /!!/.test(sentenceText)) && severity !== 'hint') severity = raise(severity);
    if (profile === 'consumer' && CONSUMER_RAISED.has(spec.category) && severity === 'warning') severity = 'error';
    if (profile === 'internal-training' && spec.category === 'combat-metaphor') severity = 'hint';
    const setting = settingOf(config, c.rule);
    if (setting && setting !== 'on' && setting !== 'off') severity = setting as Severity;
    const span = spec.replace === 'sentence' ? sentenceBody(original, c.sentence) : { start: c.start, end: c.end };
    findings.push({
      ruleId: spec.id,
      category: spec.category,
      severity,
      start: c.start,
      end: c.end,
      text: matchText,
      message: fillMessage(spec.message, matchText),
      fixes: buildFixes(original, spec.replacements, span, spec.replace === 'sentence'),
    });
  }
  return findings;
}

/** Applies every drop-in fix, re-linting until stable (bounded). Judgment rewrites are never applied. */
export function fixAll(text: string, options: LintOptions = {}): FixAllResult {
  return fixAllWith(text, (t) => lint(t, options));
}
