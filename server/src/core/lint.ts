// The lint pipeline: chunks → scope → blocks → trigger prefilter → patterns → context → severity → fixes.
// Each chunk (text up to a blank line) is scanned and matched on its own, so a cache can reuse every chunk
// an edit did not touch; the few document-wide steps (stacking, directives, overlaps) are cheap.
import {
  META_CLAUSE_PATTERNS, clauseAround, hasConcreteDate, hasQuantifiedCapacity, hasReason, isMentionContext, isMetaSentence, isQuestion,
  quotedSpans, sentenceBody, sentences, type Span,
} from './context';
import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import { parseDirectives, Suppressions } from './directives';
import { buildFixes, fixAllWith, type FixAllResult } from './fixes';
import { fillMessage } from './message';
import type { CompiledPack, CompiledRule } from './pack';
import { compilePattern, DIGIT_START, isRegexWordCode, isWordCharCode, matchText, PATTERN_FLAGS, type CompiledPattern } from './pattern';
import { directiveFindings, LEARNED_CHECK, placeholderFindings, PLAYBOOK_RULES, sectionMoveFindings, staleCounterExample } from './playbookChecks';
import { missingSectionMoves, proseFacts, type BlockFacts } from './trustScore';
import {
  chunkStarts, compileLabels, frontMatterEnd, INITIAL_STATE, normalizeTypography, sameState, scanChunk, stateKey,
  type Block, type ScanState, type ScopeOptions,
} from './scope';
import { CATEGORIES, CATEGORY_LABELS, type Category, type Finding, type Fix, type LintResult, type Problem, type Severity } from './types';
import { classifySentence, COERCIVE_THRESHOLD } from './classifier';
import LEARNED_ALTERNATIVES from './model/alternatives.json';
import { docsUrl } from './pack';

export interface LintOptions {
  /** 'markdown' | 'playbook' | 'plaintext'; anything else is treated as Markdown. */
  languageId?: string;
  config?: ResolvedConfig;
  /** Called between chunks; when it returns true, linting stops and returns what it has. */
  isCancelled?: () => boolean;
  /** Reuse results for unchanged chunks across calls (one cache per document). */
  cache?: LintCache;
  /**
   * Where the text differs from the text the cache last linted, when the caller knows (an editor does). Chunks
   * outside it are then reused without comparing their text or rescanning for chunk starts. Ignored when it does not
   * fit the cache's last text; a wrong one gives wrong results, so pass it only from a record of the edits.
   */
  changed?: ChangedRange;
}

/**
 * A changed region: the new text's [start, end) replaced the old text's [start, end - delta), and everything after
 * it moved by `delta` (the change in length).
 */
export interface ChangedRange {
  start: number;
  end: number;
  delta: number;
}

/**
 * Adds one edit (the text's [start, oldEnd) replaced by `inserted` characters) to the region changed so far, giving
 * the region changed since the text `so` was measured from. Pure arithmetic, so an editor can record its edits.
 */
export function addChange(so: ChangedRange | undefined, start: number, oldEnd: number, inserted: number): ChangedRange {
  const delta = inserted - (oldEnd - start);
  if (!so) return { start, end: start + inserted, delta };
  // Past both the earlier region and this edit, the text is the old text moved by both deltas.
  return { start: Math.min(so.start, start), end: Math.max(so.end, oldEnd) + delta, delta: so.delta + delta };
}

/** Per-document memo of chunk results, keyed by chunk text, then by incoming scanner state and position. */
export interface LintCache {
  key: string;
  chunks: Map<string, Map<string, ChunkResult>>;
  /**
   * The last lint's chunks in document order, so an edit finds unchanged chunks by position without hashing them,
   * with each chunk's findings as placed at its offset for `profile` (kept per position: equal chunks share a result).
   */
  last?: {
    length: number;
    fmEnd: number;
    starts: number[];
    results: ChunkResult[];
    /** Indexes of the chunks with structural findings, problems or directive comments. */
    notable: number[];
    profile?: string;
    placed?: Finding[][];
    /** The section checks' findings, when the document had headings. */
    sections?: Finding[];
  };
  /** Chunks reused and recomputed by the last lint, and whether it used the caller's changed range; for tests and benchmarks. */
  stats: { reused: number; computed: number; planned?: boolean; sectionsKept?: boolean };
}

/** Shared by every chunk without findings, so a long document's empty chunks cost no array each. */
const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/** Creates an empty cache for lint(…, {cache}). */
export function createLintCache(): LintCache {
  return { key: '', chunks: new Map(), stats: { reused: 0, computed: 0 } };
}

/**
 * A copy of a chunk's text that does not share memory with the document. A slice would keep the whole document
 * of that version alive for as long as the chunk stays cached, one old version per edit.
 */
function ownCopy(raw: string): string {
  return raw.length < 13 ? raw : (`\u0000${raw}`).slice(1);
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
  if (!re) { re = new RegExp(p.source, PATTERN_FLAGS); regexCache.set(p, re); }
  re.lastIndex = 0;
  return re;
}

/**
 * `exhaustive` turns the shortcuts off: every enabled pattern runs on every sentence, from every position.
 * Slow; tests use it to prove the prefilter and start-word anchoring never lose a match.
 */
export const matcherSettings = { exhaustive: false };

/**
 * Calls `each` with every match of a pattern in a sentence (start and end), leftmost first and non-overlapping,
 * as a global regex scan would find them, until it returns true. When the pattern knows its start words, only the
 * sentence's tokens that are such words are tried: a failing scan then costs a few anchored attempts instead of one
 * at every character, and those run on the pattern's matcher (matcher.ts), not its regex: the regex is compiled
 * only for patterns without start words.
 */
function eachMatch(p: CompiledPattern, text: string, tokens: Tokens, each: (index: number, end: number) => boolean | void): void {
  // A callback rather than a generator: this runs for every candidate pattern of every sentence, and generator
  // objects cost an allocation and a resumable frame each, which shows most before the code is optimised (cold start).
  if (!p.starts || matcherSettings.exhaustive) {
    const re = regexOf(p);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      if (each(m.index, m.index + m[0].length)) return;
    }
    return;
  }
  const match = p.matcher;
  const starts = p.starts;
  let from = 0;
  // A number slot can also start where a word begins with a digit (the tokenizer sets "50" apart in "$50").
  const digits = starts.has(DIGIT_START);
  let tried = -1;
  for (let k = 0; k < tokens.count; k++) {
    const at = tokens.starts[k];
    if (at < from || at === tried) continue;
    const word = tokens.words[k];
    if (!starts.has(word) && !(digits && word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57)) continue;
    tried = at;
    const end = match(text, at);
    if (end <= at) continue;
    from = end;
    if (each(at, end)) return;
  }
}

const groupSetsCache = new WeakMap<CompiledPattern, Array<Set<string>>>();

/** True when every filter group of the pattern has one of its words among the sentence's tokens. */
function groupsPresent(p: CompiledPattern, tokens: Tokens): boolean {
  const groups = p.groups;
  if (groups.length === 0) return true;
  let sets = groupSetsCache.get(p);
  if (!sets) { sets = groups.map((g) => new Set(g)); groupSetsCache.set(p, sets); }
  for (let g = 0; g < sets.length; g++) {
    let found = false;
    // Whichever is shorter is walked: the group's words looked up among the sentence's, or the other way round.
    if (groups[g].length < tokens.count) {
      const present = (tokens.set ??= new Set(tokens.words.slice(0, tokens.count)));
      for (const w of groups[g]) if (present.has(w)) { found = true; break; }
    } else {
      const set = sets[g];
      for (let k = 0; k < tokens.count && !found; k++) found = set.has(tokens.words[k]);
    }
    if (!found) return false;
  }
  return true;
}

/**
 * The leftmost match of a pattern in a short text (a sentence or clause), or undefined. `tokens` are the text's
 * words when the caller has them (a sentence); a clause is tokenized here.
 */
function firstMatch(p: CompiledPattern, text: string, tokens?: Tokens): { index: number; end: number } | undefined {
  const words = tokens ?? tokenize(text, { count: 0, starts: [], words: [] });
  // Only worth running when each of its required word groups has a word in the text.
  if (!matcherSettings.exhaustive && !groupsPresent(p, words)) return undefined;
  let first: { index: number; end: number } | undefined;
  eachMatch(p, text, words, (index, end) => { first = { index, end }; return true; });
  return first;
}

/** Fills `tokens` with the text's words (runs of isWordCharCode characters, pattern.ts) and where each starts. */
function tokenize(text: string, tokens: Tokens): Tokens {
  const n = text.length;
  let i = 0;
  let count = 0;
  let runs = 0;
  while (i < n) {
    if (!isWordCharCode(text.charCodeAt(i))) { i++; continue; }
    const start = i;
    // Plain words (lower-case letters and digits) are the whole story; a run with $, % or letters beyond ASCII may
    // hold words a pattern's regex finds inside it ("now%", "今すぐact").
    let mixed = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (!isWordCharCode(c)) break;
      if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) mixed = true;
    }
    tokens.starts[count] = start;
    tokens.words[count++] = text.slice(start, i);
    runs++;
    if (mixed) count = subTokens(text, start, i, tokens, count);
  }
  tokens.count = count;
  tokens.runs = runs;
  tokens.set = undefined;
  return tokens;
}

/**
 * Adds the words inside a run [start, end) that regex word boundaries set apart: each longest stretch of letters and
 * digits ("now" in "now%", "act" in "今すぐact", "50" in "$50"), in order, unless it is the whole run. Linear in the
 * run's length, however it mixes scripts.
 */
function subTokens(text: string, start: number, end: number, tokens: Tokens, count: number): number {
  let a = start;
  while (a < end) {
    if (!isRegexWordCode(text.charCodeAt(a))) { a++; continue; }
    let b = a + 1;
    while (b < end && isRegexWordCode(text.charCodeAt(b))) b++;
    if (a > start || b < end) {
      tokens.starts[count] = a;
      tokens.words[count++] = text.slice(a, b);
    }
    a = b;
  }
  return count;
}

/** A sentence's words (lower case) and where each starts; filled by tokenize and reused. */
interface Tokens {
  count: number;
  starts: number[];
  words: string[];
  /** How many runs of word characters the text has (`count` also holds the words found inside some of them). */
  runs?: number;
  /** The words as a set, built when first needed. */
  set?: Set<string>;
}

/** A match that survived its context checks; offsets relative to its chunk. */
interface Candidate {
  rule: CompiledRule;
  start: number;
  end: number;
  severity: Severity;
  sentence: Span;
  /** The sentence shouts ("!!"). */
  loud: boolean;
}

interface ChunkResult {
  /** The chunk's text (its own copy) and the scanner state it was linted from. */
  raw: string;
  incoming: ScanState;
  atStart: boolean;
  /** Cache key of (incoming state, position). */
  key: string;
  state: ScanState;
  /** The chunk's masked text and blocks (relative), reused by the document-wide relational checks. */
  masked: string;
  blocks: Block[];
  candidates: Candidate[];
  structural: Finding[];
  frontMatter?: string;
  problems: Problem[];
  /** The chunk's phrase findings (relative), finalised for one profile; kept with the chunk in the cache. */
  finals?: { profile: string; findings: Finding[] };
  /** The chunk mentions "trustlint-", so the document may hold directive comments. */
  directives: boolean;
  /** What the section checks need from the chunk's blocks, computed when a playbook first asks. */
  facts?: BlockFacts[];
}

/**
 * Lints one document. Never throws: a failing rule becomes a Problem and the other rules still run.
 * Offsets in findings are UTF-16 code units into `text`.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const scopeOptions: ScopeOptions = {
    languageId: options.languageId,
    checkBuyerTurns: config.checkBuyerTurns,
    buyerLabels: config.speakers.buyer,
    repLabels: config.speakers.rep,
    otherLabels: config.speakers.other,
  };
  const labels = compileLabels(scopeOptions);
  const rules = enabledRules(config);
  const cache = options.cache;
  const cacheKey = `${config.hash}|${options.languageId ?? ''}`;
  const previous = cache && cache.key === cacheKey ? cache.chunks : undefined;
  // Keyed by the chunk's own text first: no per-chunk key string is built, so a keystroke never copies the document.
  // The memo carries over from lint to lint and is rebuilt only when it has grown well past the document's chunks.
  const memo = previous ?? new Map<string, Map<string, ChunkResult>>();
  const remember = (r: ChunkResult) => {
    let byState = memo.get(r.raw);
    if (!byState) { byState = new Map(); memo.set(r.raw, byState); }
    byState.set(r.key, r);
  };
  if (cache) cache.stats = { reused: 0, computed: 0, planned: false };

  const problems: Problem[] = [];
  const chunkResults: ChunkResult[] = [];
  const chunkOffsets: number[] = [];
  const structural: Finding[] = [];
  let frontMatter: string | undefined;
  const fmEnd = options.languageId === 'plaintext' ? 0 : frontMatterEnd(text);
  const last = previous ? cache?.last : undefined;
  // With a record of the edit, only the chunks around it are rescanned and compared; the rest are known unchanged.
  const plan = last && options.changed ? reusePlan(text, fmEnd, last, options.changed) : undefined;
  const starts = plan ? plan.starts : chunkStarts(text).filter((s) => s === 0 || s >= fmEnd);
  if (plan) cache!.stats.planned = true;
  let state: ScanState = INITIAL_STATE;
  let profile: string | undefined;
  // Playbooks with headings also get the document-wide relational checks, which reuse the chunks' scan.
  const wantsScan = options.languageId === 'playbook' && hasHeading(text);
  // An edit leaves the chunks before it where they were and moves the ones after it by the change in length:
  // both are found by position and checked with one native comparison, instead of hashing every chunk's text.
  const delta = last ? text.length - last.length : 0;
  let same = 0;
  let moved = 0;
  // The old index of each new chunk whose result carries over, or -1: its placed findings are reused or moved.
  const fromOld: number[] = [];
  // Chunks whose results matter beyond their findings (structural findings, problems, directive comments).
  const notable: number[] = [];
  let nextNotable = 0;
  const reuseAt = (index: number, start: number, end: number, atStart: boolean): ChunkResult | undefined => {
    const r = last!.results[index];
    return r.raw.length === end - start && r.atStart === atStart && enteredAlike(r, state) ? r : undefined;
  };
  const reuseAtText = (index: number, start: number, end: number, atStart: boolean): ChunkResult | undefined => {
    const r = reuseAt(index, start, end, atStart);
    return r && text.slice(start, end) === r.raw ? r : undefined;
  };
  // With a plan, the chunks before the edit are the old ones as they were; those after it are too, once the first of
  // them is entered in the same scanner state as before (the rest follow from it). Such trusted chunks are taken
  // without reading their results: on a long document, touching every chunk's objects costs more than the edit.
  const prefix = plan ? plan.prefix : 0;
  let suffixTrusted = false;
  // Every chunk after the edit is the old one (none was recomputed because its scanner state changed).
  let suffixUnchanged = false;
  // The result whose outgoing state the next chunk enters with, when it has not been read yet.
  let pendingState: ChunkResult | undefined;
  for (let k = 0; k < starts.length; k++) {
    if (options.isCancelled?.()) break;
    const start = starts[k];
    let result: ChunkResult | undefined;
    let old = -1;
    if (k < prefix) old = k;
    else if (suffixTrusted) old = k - plan!.suffixNew + plan!.suffixOld;
    if (old >= 0) {
      result = last!.results[old];
      chunkResults.push(result);
      chunkOffsets.push(start);
      fromOld.push(old);
      while (nextNotable < last!.notable.length && last!.notable[nextNotable] < old) nextNotable++;
      if (last!.notable[nextNotable] === old || start === 0) collect(result, k, start);
      pendingState = result;
      continue;
    }
    if (pendingState) { state = pendingState.state; pendingState = undefined; }
    const end = k + 1 < starts.length ? starts[k + 1] : text.length;
    const atStart = start === 0;
    if (plan && k >= plan.suffixNew) {
      // Once a chunk after the edit is entered as before, so are all the ones after it.
      const j = k - plan.suffixNew + plan.suffixOld;
      if ((result = reuseAt(j, start, end, atStart))) {
        old = j;
        suffixTrusted = true;
        if (k === plan.suffixNew) suffixUnchanged = true;
      }
    }
    if (!result && last) {
      while (same < last.starts.length && last.starts[same] < start) same++;
      if (same < last.starts.length && last.starts[same] === start && (result = reuseAtText(same, start, end, atStart))) old = same;
      if (!result && delta !== 0) {
        while (moved < last.starts.length && last.starts[moved] < start - delta) moved++;
        if (moved < last.starts.length && last.starts[moved] === start - delta && (result = reuseAtText(moved, start, end, atStart))) old = moved;
      }
    }
    if (!result) {
      const raw = text.slice(start, end);
      const key = `${stateKey(state)}\u0000${atStart ? 'S' : ''}`;
      result = memo.get(raw)?.get(key);
      if (!result) {
        // Only a cached result outlives this call, so only it needs a copy of its own.
        result = lintChunk(cache ? ownCopy(raw) : raw, state, atStart, scopeOptions, labels, config, rules, key);
        if (cache) { cache.stats.computed++; remember(result); }
      }
    }
    chunkResults.push(result);
    chunkOffsets.push(start);
    fromOld.push(old);
    collect(result, k, start);
    // The section checks need the chunk's facts; made now, while its scan is at hand.
    if (wantsScan) result.facts ??= proseFacts(result.masked, result.blocks);
    if (!cache) {
      // Nothing is kept for a later call: the chunk's findings are made now and its text and scan let go, so memory
      // stays flat however long the file (the relational checks already have the chunk's facts).
      profile ??= profileOf(frontMatter, config);
      result.finals = { profile, findings: finalize(result.raw, result.candidates, config, profile) };
      result.raw = result.masked = '';
      result.blocks = [];
      result.candidates = [];
    }
    state = result.state;
  }
  // Every chunk not linted here came from the cache: by position, by its text, or as trusted around an edit.
  if (cache) cache.stats.reused = chunkResults.length - cache.stats.computed;

  /** Takes what a chunk adds beyond its phrase findings. */
  function collect(result: ChunkResult, k: number, start: number): void {
    if (result.structural.length || result.problems.length || result.directives) {
      notable.push(k);
      for (const f of result.structural) structural.push({ ...f, start: f.start + start, end: f.end + start });
      problems.push(...result.problems);
    }
    if (start === 0) frontMatter = result.frontMatter;
  }

  profile ??= profileOf(frontMatter, config);
  // Most documents have no directive: the chunks already know, so the document is not searched on every keystroke.
  const directives = notable.some((k) => chunkResults[k].directives) || chunkResults.length < starts.length ? parseDirectives(text) : [];
  const suppressions = new Suppressions(text, directives);
  // Phrase findings are final per chunk (overlaps and stacking never cross a sentence), so an edit only
  // re-finalises the chunks it touched; the rest are reused where they were or moved into place.
  const findings: Finding[] = [];
  const placedAll: Finding[][] = [];
  const lastPlaced = last?.placed && last.profile === profile ? last.placed : undefined;
  for (let k = 0; k < chunkResults.length; k++) {
    const result = chunkResults[k];
    const offset = chunkOffsets[k];
    const j = fromOld[k];
    let placed: Finding[];
    if (lastPlaced && j >= 0 && last!.results[j] === result) {
      // Findings are never changed after they are made, so the ones placed here last time serve as they are.
      const by = offset - last!.starts[j];
      placed = by === 0 || lastPlaced[j].length === 0 ? lastPlaced[j] : lastPlaced[j].map((f) => shift(f, by));
    } else {
      if (result.finals?.profile !== profile) result.finals = { profile, findings: finalize(result.raw, result.candidates, config, profile) };
      placed = result.finals.findings.length ? result.finals.findings.map((f) => shift(f, offset)) : NO_FINDINGS;
    }
    placedAll.push(placed);
    for (const f of placed) {
      if (suppressions.any && suppressions.isDisabled(f.ruleId, f.category, f.start)) continue;
      findings.push(f);
    }
  }
  // Playbooks also get the structural relational checks: a closing with no opt-out, a discovery with no question.
  let sections: Finding[] | undefined;
  if (wantsScan && chunkResults.length === starts.length) {
    sections = plan && options.changed && (suffixUnchanged || plan.suffixNew >= starts.length)
      ? sectionsAfterEdit(text, last!, plan, options.changed, chunkResults)
      : undefined;
    if (cache && sections) cache.stats.sectionsKept = true;
    if (!sections) {
      const runs = chunkResults.map((r, k) => ({ offset: chunkOffsets[k], facts: (r.facts ??= proseFacts(r.masked, r.blocks)) }));
      sections = sectionMoveFindings(text, missingSectionMoves(text, { languageId: options.languageId, checkBuyerTurns: config.checkBuyerTurns }, runs));
    }
    structural.push(...sections);
  }
  if (cache) {
    cache.key = cacheKey;
    // Not after a cancelled lint: its few chunks would leave the memo without the rest of the document.
    if (chunkResults.length === starts.length && memo.size > 2 * chunkResults.length + 64) {
      // Chunks no longer in the document: start the memo again from the ones that are.
      memo.clear();
      for (const r of chunkResults) remember(r);
    }
    cache.chunks = memo;
    cache.last = chunkResults.length === starts.length
      ? { length: text.length, fmEnd, starts: chunkOffsets, results: chunkResults, notable, profile, placed: placedAll, sections }
      : undefined;
  }
  if (directives.length) {
    const known = (id: string) => config.pack.byId.has(id) || (CATEGORIES as readonly string[]).includes(id) || id === 'playbook' || PLAYBOOK_RULES.some((r) => r.id === id);
    structural.push(...directiveFindings(directives, suppressions.used, known, text));
  }
  for (const f of structural) {
    const setting = config.rules[f.ruleId];
    if (setting === 'off' || (f.ruleId !== 'unused-directive' && suppressions.any && suppressions.isDisabled(f.ruleId, f.category, f.start))) continue;
    // A copy, not a change: kept findings (the section checks') are shared with the cache and the last result.
    findings.push(setting && setting !== 'on' && f.severity !== setting ? { ...f, severity: setting as Severity } : f);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings, problems };
}

/**
 * The section checks' findings after an edit, from the last lint's, when the edit cannot have changed them: it
 * stays inside one line (no line break removed or added) after a character that keeps that line from being a
 * heading or a code fence before and after the edit, and the chunks it touched hold the same block facts as before.
 * Then only positions after the edit move. Undefined when that is not certain: the caller checks the document.
 */
function sectionsAfterEdit(text: string, last: NonNullable<LintCache['last']>, plan: NonNullable<ReturnType<typeof reusePlan>>, changed: ChangedRange, results: ChunkResult[]): Finding[] | undefined {
  if (!last.sections) return undefined;
  const { start, end, delta } = changed;
  const removed = end - delta - start;
  // The old chunk holding the removed text, which must hold all of it.
  let j = plan.prefix;
  while (j + 1 < plan.suffixOld && last.starts[j + 1] <= start) j++;
  const oldRaw = last.results[j]?.raw;
  if (oldRaw === undefined || start - last.starts[j] + removed > oldRaw.length) return undefined;
  const was = oldRaw.slice(start - last.starts[j], start - last.starts[j] + removed);
  // The section scan cuts lines at "\n" only, but its heading pattern also starts a line after "\r", U+2028 or U+2029:
  // none of those may be on the edited line, before or after the edit (the line as it is now holds the inserted text
  // and everything around the removed text).
  const breaks = /[\r\n\u2028\u2029]/;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  else if (text.charCodeAt(lineEnd - 1) === 13 && lineEnd - 1 >= end) lineEnd--; // CRLF: the "\r" ends the line too.
  if (breaks.test(was) || breaks.test(text.slice(lineStart, lineEnd))) return undefined;
  // The first character of the line that is not white space comes before the edit, the same in both versions.
  const lead = /\S/.exec(text.slice(lineStart, start));
  if (!lead || '#`~'.includes(lead[0])) return undefined;
  // The touched chunks' block facts, in order, as before (where a block starts inside its chunk does not matter:
  // the edit moves the blocks after it and the section boundaries after it alike).
  const facts = (from: number, to: number, list: ChunkResult[]) => list.slice(from, to).flatMap((r) => (r.facts ??= proseFacts(r.masked, r.blocks)));
  const before = facts(plan.prefix, plan.suffixOld, last.results);
  const after = facts(plan.prefix, plan.suffixNew, results);
  if (before.length !== after.length) return undefined;
  for (let k = 0; k < before.length; k++) {
    const a = before[k];
    const b = after[k];
    if (a.words !== b.words || a.question !== b.question || a.permission !== b.permission || a.acknowledge !== b.acknowledge) return undefined;
  }
  return delta === 0 ? last.sections : last.sections.map((f) => (f.start >= start ? shift(f, delta) : f));
}

/**
 * Chunk starts after an edit, from the last lint's: the chunks that end before the edit keep their starts (all but
 * the last of them, whose end the edit may move), the text from there is rescanned until a start past the edit that
 * was also a start before it, and the old starts after that are moved by the change in length. New chunks below
 * `prefix` are the old ones at the same index; from `suffixNew` on, they are the old ones from `suffixOld`.
 * Undefined when the region does not fit the last text or touches front matter.
 */
function reusePlan(text: string, fmEnd: number, last: NonNullable<LintCache['last']>, changed: ChangedRange): { starts: number[]; prefix: number; suffixNew: number; suffixOld: number } | undefined {
  const { start, end, delta } = changed;
  if (!(start >= 0 && start <= end && end <= text.length && last.length + delta === text.length && end - delta >= start)) return undefined;
  if (fmEnd !== last.fmEnd || start <= fmEnd) return undefined;
  const old = last.starts;
  // The first old chunk whose end (the next start, or the end of the text) reaches the edit.
  let lo = 0;
  let hi = old.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (old[mid + 1] >= start) hi = mid; else lo = mid + 1;
  }
  const from = Math.max(0, lo - 1);
  let suffixOld = old.length;
  const scanned = chunkStarts(text, old[from], (s) => {
    if (s < end) return false;
    const k = indexOfSorted(old, s - delta);
    if (k >= 0) suffixOld = k;
    return k >= 0;
  }).filter((s) => s === 0 || s >= fmEnd);
  // The chunks before `from` are taken as they were, so the rescan must begin where chunk `from` did (it always
  // does today: chunkStarts returns its starting point; this keeps a later change there from going unnoticed).
  if (scanned[0] !== old[from]) return undefined;
  const starts = old.slice(0, from).concat(scanned);
  const suffixNew = suffixOld < old.length ? starts.length - 1 : starts.length;
  for (let k = suffixOld + 1; k < old.length; k++) starts.push(old[k] + delta);
  return { starts, prefix: from, suffixNew, suffixOld };
}

/** The index of `value` in an ascending array, or -1. */
function indexOfSorted(values: number[], value: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] === value) return mid;
    if (values[mid] < value) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/** The profile for a document: front matter `audience: consumer` applies the consumer profile. */
function profileOf(frontMatter: string | undefined, config: ResolvedConfig): string {
  return /^\s*audience\s*:\s*["']?consumer\b/im.test(frontMatter ?? '') ? 'consumer' : config.profile;
}

/** True when some line starts with up to three spaces and "#". indexOf-based: it runs on every keystroke. */
function hasHeading(text: string): boolean {
  for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
    let k = i - 1;
    while (k >= 0 && text.charCodeAt(k) === 32 && i - k <= 3) k--;
    const c = text.charCodeAt(k);
    if (k < 0 || c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

// Which pack rules a config leaves on, by position; a config object is never changed once resolved.
const enabledByConfig = new WeakMap<ResolvedConfig, boolean[]>();
function enabledRules(config: ResolvedConfig): boolean[] {
  let rules = enabledByConfig.get(config);
  if (!rules) {
    rules = config.pack.rules.map((r) => settingOf(config, r) !== 'off');
    enabledByConfig.set(config, rules);
  }
  return rules;
}

function settingOf(config: ResolvedConfig, rule: CompiledRule): string | undefined {
  return config.rules[rule.spec.id] ?? config.categories[rule.spec.category];
}

/** Scans and matches one chunk; all offsets in the result are relative to the chunk. */
function lintChunk(raw: string, state: ScanState, atStart: boolean, scopeOptions: ScopeOptions, labels: ReturnType<typeof compileLabels>, config: ResolvedConfig, enabled: boolean[], key: string): ChunkResult {
  const scanned = scanChunk(normalizeTypography(raw), state, scopeOptions, labels, atStart);
  const learned = learnedCheckOn(config, scopeOptions.languageId);
  const masked = scanned.masked;
  const lower = matchText(masked, config.pack.nonAscii);
  const candidates: Candidate[] = [];
  const structural: Finding[] = [];
  const problems: Problem[] = [];
  for (const block of scanned.blocks) {
    const before = candidates.length;
    lintBlock(masked, lower, block, config.pack, enabled, config, candidates, problems, learned);
    // A counter-example line that no rule recognises any more is stale: say so, quietly. Only in playbooks: an
    // "Avoid" list in a general Markdown style guide is not about sales pressure.
    if (scopeOptions.languageId === 'playbook' && block.meta && !config.checkMetaDiscussion && (block.kind === 'list' || /^[\s\u0001]*(?:❌|✗|✘|🚫)/u.test(masked.slice(block.start, block.end)))) {
      const probe: Candidate[] = [];
      lintBlock(masked, lower, { ...block, meta: false }, config.pack, enabled, { ...config, checkMetaDiscussion: true }, probe, [], learned);
      if (probe.length === 0 && candidates.length === before && /\p{L}{3}/u.test(masked.slice(block.start, block.end))) {
        let from = block.start;
        while (from < block.end && /[\s\u0001]/.test(masked[from])) from++;
        structural.push(staleCounterExample(from, block.end, raw));
      }
    }
  }
  if (masked.includes('{')) structural.push(...placeholderFindings(masked, raw));
  return { raw, incoming: state, atStart, key, directives: raw.includes('trustlint-'), state: scanned.state, masked, blocks: scanned.blocks, candidates, structural, frontMatter: scanned.frontMatter, problems };
}

/** `text` is the masked chunk; `lower` is its matchText(), which every pattern runs on. */
function lintBlock(text: string, lower: string, block: Block, pack: CompiledPack, enabled: boolean[], config: ResolvedConfig, out: Candidate[], problems: Problem[], learned: boolean): void {
  if (block.meta && !config.checkMetaDiscussion) return;
  const sentenceSpans = bounded(text, sentences(text, block.start, block.end));
  const tokens: Tokens = { count: 0, starts: [], words: [] };
  for (let si = 0; si < sentenceSpans.length; si++) {
    const sentence = sentenceSpans[si];
    const facts: SentenceFacts = { index: si };
    const sentenceText = lower.slice(sentence.start, sentence.end);
    tokenize(sentenceText, tokens);
    // Judges a match (offsets in the sentence) and keeps it if it survives its context checks.
    const accept = (rule: CompiledRule, from: number, to: number) => {
      const start = sentence.start + from;
      const end = sentence.start + to;
      const severity = judge(text, lower, rule, start, end, sentence, sentenceSpans, config, facts);
      if (severity) out.push({ rule, start, end, severity, sentence, loud: (facts.loud ??= /!!/.test(text.slice(sentence.start, sentence.end + 2))) });
    };
    const found = out.length;
    // One pass over the sentence's words says which patterns have every required word present.
    const candidates = candidatePatterns(tokens, pack, enabled);
    for (const g of candidates) {
      const [ri, pi] = pack.patternRefs[g];
      const rule = pack.rules[ri];
      if (pi === -1) {
        try {
          const span = cueSpan(rule, sentenceText, tokens, facts);
          if (span) accept(rule, span.start, span.end);
        } catch (e) {
          problems.push({ message: `rule "${rule.spec.id}" failed and was skipped: ${(e as Error).message}` });
        }
        continue;
      }
      const pattern = rule.patterns[pi];
      if (pattern.needsChars.length && !pattern.needsChars.every((c) => sentenceText.includes(c))) continue;
      try {
        eachMatch(pattern, sentenceText, tokens, (index, end) => { accept(rule, index, end); });
      } catch (e) {
        problems.push({ message: `rule "${rule.spec.id}" failed and was skipped: ${(e as Error).message}` });
      }
    }
    // No rule matched: the learned sentence model has a look (a sentence with a few words, not a label or a heading).
    if (out.length === found && learned && (tokens.runs ?? tokens.count) >= 4) {
      const { score, category } = classifySentence(text.slice(sentence.start, sentence.end));
      if (score >= COERCIVE_THRESHOLD && config.categories[category] !== 'off') {
        const body = sentenceBody(text, sentence);
        accept(learnedRule(category), body.start - sentence.start, body.end - sentence.start);
      }
    }
  }
}

/**
 * True when a cached chunk was scanned from a state like `state`. An equal state becomes the chunk's own, so the
 * next lint finds the very same object and skips comparing fields (state objects come in several shapes).
 */
function enteredAlike(r: ChunkResult, state: ScanState): boolean {
  if (r.incoming === state) return true;
  if (!sameState(r.incoming, state)) return false;
  r.incoming = state;
  return true;
}

/** The id of the learned check (its metadata is LEARNED_CHECK in playbookChecks.ts). */
export const LEARNED_RULE_ID = LEARNED_CHECK.id;

/**
 * The learned check runs by default in .playbook documents only: it was trained on sales sentences, and on general
 * prose (a Markdown handbook, a README) its guesses are noise. A config setting for it turns it on or off anywhere.
 */
export function learnedCheckOn(config: ResolvedConfig, languageId: string | undefined): boolean {
  const setting = config.rules[LEARNED_RULE_ID];
  return setting === undefined ? languageId === 'playbook' : setting !== 'off';
}

// One rule object per tactic, so the learned findings go through the same context checks, overlap and stacking
// steps as the rules' findings.
const learnedRules = new Map<Category, CompiledRule>();
function learnedRule(category: Category): CompiledRule {
  let rule = learnedRules.get(category);
  if (!rule) {
    rule = Object.freeze({
      spec: {
        ...LEARNED_CHECK,
        category,
        message: LEARNED_CHECK.message.replace('{tactic}', CATEGORY_LABELS[category].toLowerCase()),
        // Whole-sentence rewrites that always need the writer's judgment: the model cannot know what was meant.
        replacements: ((LEARNED_ALTERNATIVES as Record<string, unknown>)[category] as string[] | undefined ?? []).map((text) => ({ text, dropIn: false })),
        replace: 'sentence' as const,
      },
      docsUrl: docsUrl(LEARNED_RULE_ID),
      patterns: [],
      cues: [],
      unless: [],
    });
    learnedRules.set(category, rule);
  }
  return rule;
}

/** Longest span treated as one sentence; longer runs without sentence punctuation are cut at spaces. */
const MAX_SENTENCE = 1000;

/**
 * Sentence spans with none longer than MAX_SENTENCE. Context checks look at a match's whole sentence, so a
 * 100 KB paste with no full stops would otherwise cost time proportional to its length for every match in it.
 */
function bounded(text: string, spans: Span[]): Span[] {
  if (spans.every((s) => s.end - s.start <= MAX_SENTENCE)) return spans;
  const out: Span[] = [];
  for (const s of spans) {
    let start = s.start;
    while (s.end - start > MAX_SENTENCE) {
      let cut = text.lastIndexOf(' ', start + MAX_SENTENCE / 2 + 200);
      if (cut <= start + MAX_SENTENCE / 4) cut = start + MAX_SENTENCE / 2;
      out.push({ start, end: cut });
      start = cut;
    }
    out.push({ start, end: s.end });
  }
  return out;
}

/** Where every cue of a cue rule occurs in a sentence (first cue start to last cue end), or undefined if one is missing. */
function cueSpan(rule: CompiledRule, sentence: string, tokens: Tokens, facts: SentenceFacts): { start: number; end: number } | undefined {
  let start = Infinity;
  let end = -1;
  const seen = (facts.cueMatches ??= new Map());
  for (const cue of rule.cues) {
    let found = false;
    for (const i of cueCandidates(cue, tokens)) {
      const p = cue[i];
      // Cue patterns recur across rules: each is looked for once per sentence.
      let m = seen.get(p);
      if (m === undefined) { m = firstMatch(p, sentence, tokens) ?? null; seen.set(p, m); }
      if (m) {
        start = Math.min(start, m.index);
        end = Math.max(end, m.end);
        found = true;
        break;
      }
    }
    if (!found) return undefined;
  }
  return { start, end };
}

/** Per cue: which of its patterns each word can start a chance for (by the pattern's smallest filter group). */
interface CueIndex { byWord: Map<string, number[]>; always: number[]; all: number[] }
const cueIndexes = new WeakMap<CompiledPattern[], CueIndex>();

/**
 * The positions, in order, of a cue's patterns that can match the sentence: a pattern none of whose smallest filter
 * group's words is in the sentence cannot (groupsPresent would say no), so it is not even looked up. Cues have grown
 * to dozens of alternatives each; this keeps the cost to the few that share a word with the sentence.
 */
function cueCandidates(cue: CompiledPattern[], tokens: Tokens): number[] {
  let index = cueIndexes.get(cue);
  if (!index) {
    const byWord = new Map<string, number[]>();
    const always: number[] = [];
    cue.forEach((p, i) => {
      if (p.groups.length === 0) { always.push(i); return; }
      const smallest = p.groups.reduce((a, b) => (b.length < a.length ? b : a));
      for (const w of new Set(smallest)) {
        const list = byWord.get(w);
        if (list) list.push(i); else byWord.set(w, [i]);
      }
    });
    index = { byWord, always, all: cue.map((_, i) => i) };
    cueIndexes.set(cue, index);
  }
  if (matcherSettings.exhaustive || cue.length <= 2) return index.all;
  const out = index.always.slice();
  for (let k = 0; k < tokens.count; k++) {
    const list = index.byWord.get(tokens.words[k]);
    if (list) for (const i of list) out.push(i);
  }
  if (out.length > 1) {
    out.sort((a, b) => a - b);
    let n = 1;
    for (let k = 1; k < out.length; k++) if (out[k] !== out[n - 1]) out[n++] = out[k];
    out.length = n;
  }
  return out;
}

/**
 * Patterns worth running on a sentence: every one of their filter groups has a word in it, and for phrase
 * patterns those words come in the pattern's order (each element's words lie inside that element's match, so
 * a match needs them in order). A tight loop over characters and one map lookup per word; no regular expression.
 * Also fills `tokens` with the sentence's words, for anchoring the patterns that run.
 */
function candidatePatterns(tokens: Tokens, pack: CompiledPack, enabled: boolean[]): number[] {
  // Reused between calls, one slot per pattern, reset through the list of touched slots.
  if (maskBuffer.length < pack.fullMask.length) {
    maskBuffer = new Int32Array(pack.fullMask.length);
    lastToken = new Int32Array(pack.fullMask.length).fill(-1);
  }
  const masks = maskBuffer;
  const last = lastToken;
  const ordered = pack.ordered;
  const touched: number[] = [];
  const map = pack.groupWords;
  for (let index = 0; index < tokens.count; index++) {
    const entries = map.get(tokens.words[index]);
    if (!entries) continue;
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k];
      const g = e >>> 5;
      const gi = e & 31;
      if (ordered[g]) {
        // masks[g] counts groups seen in order; one word advances it at most once.
        if (masks[g] !== gi || last[g] === index) continue;
        if (gi === 0) touched.push(g);
        masks[g] = gi + 1;
        last[g] = index;
      } else {
        if (masks[g] === 0) touched.push(g);
        masks[g] |= 1 << gi;
      }
    }
  }
  const out: number[] = [];
  for (const g of touched) {
    const full = ordered[g] ? masks[g] === pack.groupCount[g] : masks[g] === pack.fullMask[g];
    if (full && enabled[pack.patternRefs[g][0]]) out.push(g);
    masks[g] = 0;
    last[g] = -1;
  }
  for (const g of pack.alwaysPatterns) if (enabled[pack.patternRefs[g][0]]) out.push(g);
  if (matcherSettings.exhaustive) return pack.patternRefs.flatMap(([ri], g) => (enabled[ri] ? [g] : []));
  return out.sort((a, b) => a - b);
}

let maskBuffer = new Int32Array(0);
let lastToken = new Int32Array(0);

/** Applies the context cues to one match. Returns its severity, or undefined when it should not be reported. */
let metaClauses: CompiledPattern[] | undefined;
function metaClausePatterns(): CompiledPattern[] {
  return (metaClauses ??= META_CLAUSE_PATTERNS.map((p) => compilePattern(p, false)));
}

/** The clause a match is in; a cue rule's match spans its cues, so every clause from its first cue to its last. */
function matchClauses(text: string, sentence: Span, start: number, end: number, rule: CompiledRule): Span {
  const first = clauseAround(text, sentence, start);
  const last = rule.cues.length && end > first.end ? clauseAround(text, sentence, end - 1) : first;
  return { start: first.start, end: Math.max(first.end, last.end) };
}

/** Facts about one sentence that every match in it shares: computed at most once per sentence. */
interface SentenceFacts {
  index: number;
  meta?: boolean;
  quotes?: Span[];
  mention?: boolean;
  question?: boolean;
  loud?: boolean;
  date?: boolean;
  reason?: boolean;
  capacity?: boolean;
  /** Per clause ("start:end"): its text, words, and which exception patterns it holds. */
  clauses?: Map<string, { text: string; tokens: Tokens; hits: Map<CompiledPattern, boolean> }>;
  /** Where each cue pattern first matches in the sentence (null: nowhere). */
  cueMatches?: Map<CompiledPattern, { index: number; end: number } | null>;
}

function judge(text: string, lower: string, rule: CompiledRule, start: number, end: number, sentence: Span, all: Span[], config: ResolvedConfig, facts: SentenceFacts): Severity | undefined {
  const spec = rule.spec;
  if (!config.checkMetaDiscussion) {
    if ((facts.meta ??= isMetaSentence(text, sentence))) return undefined;
    const quotes = (facts.quotes ??= quotedSpans(text, sentence));
    if (quotes.some((q) => q.start <= start && end <= q.end) && (facts.mention ??= isMentionContext(text, sentence, quotes))) return undefined;
  }
  const ctx = spec.context ?? {};
  if (ctx.questions) {
    const q = (facts.question ??= isQuestion(text, sentence));
    if (ctx.questions === 'skip' && q) return undefined;
    if (ctx.questions === 'only' && !q) return undefined;
  }
  // Does the match's clause hold this pattern? Exception patterns are shared by many rules, so each is tried
  // once per clause.
  let clause: { text: string; tokens: Tokens; hits: Map<CompiledPattern, boolean> } | undefined;
  const inClause = (p: CompiledPattern): boolean => {
    if (!clause) {
      const span = matchClauses(text, sentence, start, end, rule);
      const key = `${span.start}:${span.end}`;
      facts.clauses ??= new Map();
      clause = facts.clauses.get(key);
      if (!clause) {
        const clauseText = lower.slice(span.start, span.end);
        clause = { text: clauseText, tokens: tokenize(clauseText, { count: 0, starts: [], words: [] }), hits: new Map() };
        facts.clauses.set(key, clause);
      }
    }
    let hit = clause.hits.get(p);
    if (hit === undefined) { hit = firstMatch(p, clause.text, clause.tokens) !== undefined; clause.hits.set(p, hit); }
    return hit;
  };
  // A trainer talking about the line in this clause ("…is how we got complaints"): not said to a buyer.
  if (!config.checkMetaDiscussion && metaClausePatterns().some(inClause)) return undefined;
  if (rule.unless.some(inClause)) return undefined;
  let severity = spec.severity;
  if (ctx.legitimateDeadline || ctx.quantifiedCapacity) {
    const own = () => text.slice(sentence.start, sentence.end);
    if (ctx.legitimateDeadline && (facts.date ??= hasConcreteDate(own()))) {
      const idx = facts.index;
      const windowText = () => [all[idx - 1], sentence, all[idx + 1]].filter(Boolean).map((s) => text.slice(s!.start, s!.end)).join(' ');
      if ((facts.reason ??= hasReason(windowText()))) return undefined;
      severity = 'information';
    }
    if (ctx.quantifiedCapacity && (facts.capacity ??= hasQuantifiedCapacity(own()))) return undefined;
  }
  if (config.allow.length) {
    const lowered = text.slice(sentence.start, sentence.end).toLowerCase();
    const matched = text.slice(start, end).toLowerCase();
    if (config.allow.some((a) => lowered.includes(a) && (a.includes(matched) || matched.includes(a)))) return undefined;
  }
  return severity;
}

/** A finding moved by `offset`, with its fixes; a copy, so cached chunk findings are never changed. */
function shift(f: Finding, offset: number): Finding {
  // Written out rather than spread: this runs for every finding after an edit, on every keystroke.
  // Required<…>: a field added to Finding or Fix, even an optional one, fails to compile here until it is copied.
  const fixes: Fix[] = new Array(f.fixes.length);
  for (let i = 0; i < fixes.length; i++) {
    const x = f.fixes[i];
    const moved: Required<Fix> = { title: x.title, start: x.start + offset, end: x.end + offset, replacement: x.replacement, dropIn: x.dropIn };
    fixes[i] = moved;
  }
  const out: Required<Finding> = { ruleId: f.ruleId, category: f.category, severity: f.severity, start: f.start + offset, end: f.end + offset, text: f.text, message: f.message, fixes };
  return out;
}

/** Resolves overlaps and stacking among one chunk's candidates and builds their findings (offsets relative to the chunk). */
function finalize(original: string, input: Candidate[], config: ResolvedConfig, profile: string): Finding[] {
  // Overlaps: within one category, keep the longest match (then the more severe one).
  const candidates = input.slice().sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const kept: Candidate[] = [];
  for (const c of candidates) {
    let clash = -1;
    for (let k = kept.length - 1; k >= 0 && kept[k].end > c.start - 2000; k--) {
      const o = kept[k];
      if (o.rule.spec.category === c.rule.spec.category && o.start < c.end && c.start < o.end) { clash = k; break; }
    }
    if (clash < 0) { kept.push(c); continue; }
    const o = kept[clash];
    // A specific phrase rule beats a broad cue rule of the same category; otherwise the longer (then more severe) match wins.
    const cueC = c.rule.cues.length > 0;
    const cueO = o.rule.cues.length > 0;
    const longer = cueC !== cueO ? cueO : c.end - c.start > o.end - o.start || (c.end - c.start === o.end - o.start && LEVELS.indexOf(c.severity) > LEVELS.indexOf(o.severity));
    if (longer) kept[clash] = c;
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
    let severity = c.severity;
    const matchText = original.slice(c.start, c.end);
    const stacked = PRESSURE.has(spec.category) && (bySentence.get(c.sentence.start)?.size ?? 0) >= 2;
    const shouting = /\p{L}{2}/u.test(matchText) && matchText === matchText.toUpperCase() && matchText !== matchText.toLowerCase();
    if ((stacked || shouting || c.loud) && severity !== 'hint') severity = raise(severity);
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
  return fixAllWith(text, (t) => lint(t, { ...options, cache: undefined }));
}
