// The Trustlint pattern language (docs/rule-format.md): words, `{a|b}` alternatives, `[x]` optional parts,
// `…` bounded gaps, `word+` inflections, `<MACRO>` slots and a few punctuation anchors.
// Patterns compile to word-bounded, case-insensitive regular expressions; authors never write raw regexes,
// so no user pattern can backtrack without bound.
import { buildMatcher, type PatternMatcher } from './matcher';
import { IRREGULAR, LOOSE_CONTRACTIONS, MACROS, NOT_CONTRACTIONS, PRONOUN_CONTRACTIONS, RAW_MACROS } from './vocabulary';

export type Node =
  | { kind: 'word'; word: string; inflect: boolean }
  | { kind: 'alt'; branches: Node[][]; key?: string }
  | { kind: 'opt'; seq: Node[] }
  | { kind: 'gap'; max: number }
  | { kind: 'macro'; name: string }
  | { kind: 'punct'; ch: string }
  | { kind: 'start' }
  | { kind: 'end' };

/** A compiled pattern: the regex source plus the words one of which must occur for it to match. */
export interface CompiledPattern {
  /** Lower-case words; null when the pattern has no required literal (it then always runs). */
  triggers: string[] | null;
  /** Word groups that must all be present in a sentence for the pattern to be worth running. */
  groups: string[][];
  /** Punctuation the pattern always needs ("?" for a tie-down question): a sentence without it is skipped. */
  needsChars: string[];
  /**
   * Lower-case words one of which every match starts with, or null when a match may start otherwise
   * (punctuation, an anchor, a number slot). With it, the matcher tries the pattern only where such a word starts.
   */
  starts: Set<string> | null;
  /** The same pattern as a backtracking matcher over small shared pieces, built on first use (matcher.ts). */
  readonly matcher: PatternMatcher;
  /** Regex source, built on first use. */
  readonly source: string;
}

/** Limits that keep every compiled pattern linear in practice. */
export const PATTERN_LIMITS = { maxLength: 600, maxGap: 8, defaultGap: 4, maxGapsPerPattern: 3, maxMacroDepth: 3 };

// Character classes spelled out so patterns compile without the `u` flag: irregexp runs several times faster
// in non-Unicode mode. Patterns run on matchText(), which is lower case with decoration blanked, so they need
// neither the `i` flag nor long separator classes; both make every regex several times cheaper to compile.
const L = 'a-z';
const N = '0-9';
/** Flags every compiled pattern uses. */
export const PATTERN_FLAGS = 'g';
/** Separator between words: spaces (decoration is blanked to spaces), quotes, commas, dashes. Never a sentence end. */
const SEP = `[\\s',\\-]+`;
/** One token skipped by a gap: a word, number, `{{placeholder}}` or `[Placeholder]` (names blanked to x's by the scanner). */
const TOKEN = `[${L}${N}$%#@&{}\\[\\]]+(?:[-.'/&@][${L}${N}]+)*`;
// `\\b` first: irregexp checks it cheaply before the rarer apostrophe test ("don't" must not match "t").
const WORD_START = `\\b(?<![${L}${N}]')`;
const WORD_END = `(?![${L}${N}_]|'[${L}])`;
const CLAUSE_START = `(?<=(?:^|[.!?;:\\n])[\\s'>#-]*)`;
const SENTENCE_END = `(?=[\\s']*(?:[.!?;:\\n]|$))`;

// Letters beyond ASCII that the scanner treats as letters: patterns are ASCII, so these only need to stay letters.
const NON_ASCII_LETTER = /[\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/g;
// Decoration that only ever separates words: emphasis marks, double quotes, brackets, emoji and odd spaces.
const DECORATION = /[*_~"()\t\r\f\v\u00A0\u2000-\u200B\u202F\u205F\u3000\u2600-\u27BF\uD83C-\uDBFF\uDC00-\uDFFF\u200D\uFE0F]/g;

/**
 * The text patterns are matched against: lower case, with decoration blanked to spaces. Same length as
 * `text`, so match offsets are offsets into `text`.
 */
export function matchText(text: string, keepNonAscii = false): string {
  const blanked = text.replace(DECORATION, ' ');
  const lower = blanked.toLowerCase();
  // Classes in compiled patterns are ASCII (far cheaper to compile), so other letters become "x": still a letter
  // for word boundaries. Packs with non-ASCII pattern words keep them.
  if (lower.length === blanked.length) return keepNonAscii ? lower : lower.replace(NON_ASCII_LETTER, 'x');
  // A few characters lower-case to two ("İ"); keep those as they are so offsets still line up.
  let out = '';
  for (const c of blanked) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return keepNonAscii ? out : out.replace(NON_ASCII_LETTER, 'x');
}

/** Words so frequent that a group holding one is useless as a filter. */
const STOP = new Set(['a', 'an', 'the', 'to', 'of', 'and', 'or', 'in', 'on', 'is', 'it', 'i', 'you', 'we', 'be', 'for', 'that', 'this', 'your', 'my', 'our', 'do', 'not', 'are', 'will']);

/** Words too common to serve as a prefilter trigger. */
const COMMON = new Set(['a', 'an', 'the', 'to', 'of', 'in', 'on', 'for', 'and', 'or', 'it', 'is', 'be', 'i', 'we', 'you', 'your',
  'my', 'our', 'this', 'that', 'do', 'not', 'will', 'are', 'at', 'me', 'us', 'they', 'them', 'with', 'so', 'if', 'what', 'just',
  'like', 'want', 'get', 'go', 'can', 'would', 'should', 'does', 'right', 'one', 'time', 'have', 'has', 'was', 'were', 'there',
  'their', 'all', 'up', 'out', 'about', 'how', 'when', 'by', 'as', 'from', 'no', 'any', 'some', 'more', 'make', 'take', 'let',
  'know', 'see', 'need', 'he', 'she', 'his', 'her', 'its', 'who', 'which', 'here', 'now', 'only', 'don', 'll', 've', 're', 'd', 's', 't']);

export class PatternError extends Error {}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// Sticky, so the parser matches in place instead of slicing the rest of the pattern at every token.
const GAP_SIZE = /\d+/y;
const SLOT = /<([A-Z]+)>/y;
const WORD = /[\p{L}\p{N}$][\p{L}\p{N}'&./%-]*\+?/uy;

/** Parses a pattern string into a sequence of nodes. Throws PatternError with a plain message. */
export function parsePattern(pattern: string): Node[] {
  if (pattern.length > PATTERN_LIMITS.maxLength) throw new PatternError(`pattern is longer than ${PATTERN_LIMITS.maxLength} characters`);
  let i = 0;
  const at = (re: RegExp, from: number) => { re.lastIndex = from; return re.exec(text); };
  const text = pattern.replace(/[\u2018\u2019]/g, "'").replace(/(?<=[\p{L}\p{N}])\[-\](?=[\p{L}\p{N}{])/gu, '-');

  /** Parses `a|b|c` up to `close`, starting just after the opening bracket. */
  function parseBranches(close: string, unclosed: string): Node[][] {
    i++;
    const branches: Node[][] = [];
    for (;;) {
      branches.push(parseSeq(`|${close}`));
      if (text[i] === '|') { i++; continue; }
      if (text[i] === close) { i++; return branches; }
      throw new PatternError(unclosed);
    }
  }

  function parseSeq(closers: string): Node[] {
    const seq: Node[] = [];
    while (i < text.length) {
      const c = text[i];
      if (closers.includes(c)) return seq;
      if (/\s/.test(c)) { i++; continue; }
      if (c === '{') {
        const open = i;
        const branches = parseBranches('}', 'an alternative group "{" is not closed with "}"');
        // `{sign|close}+` inflects the last word of every branch.
        if (text[i] === '+') {
          i++;
          for (const b of branches) {
            const last = b[b.length - 1];
            if (last?.kind === 'word') last.inflect = true;
          }
        }
        // The group's own text identifies it, so work on it is shared across patterns.
        seq.push({ kind: 'alt', branches, key: text.slice(open, i) });
        continue;
      }
      if (c === '[') {
        // `finali[sz]e` reads like a character set, which the language does not have: say so rather than
        // silently matching "finali", an optional word "sz" and "e".
        if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) throw new PatternError(`"[" right after a letter looks like a character set, which patterns do not support; write the spellings out, as in {finalize|finalise}`);
        // `[a b]` is optional; `[a|b]` is an optional choice.
        const branches = parseBranches(']', 'an optional part "[" is not closed with "]"');
        seq.push({ kind: 'opt', seq: branches.length === 1 ? branches[0] : [{ kind: 'alt', branches }] });
        continue;
      }
      if (c === '…' || text.startsWith('...', i)) {
        i += c === '…' ? 1 : 3;
        const m = at(GAP_SIZE, i);
        let max: number = PATTERN_LIMITS.defaultGap;
        if (m) { max = Number(m[0]); i += m[0].length; }
        if (max < 1 || max > PATTERN_LIMITS.maxGap) throw new PatternError(`a gap may skip 1 to ${PATTERN_LIMITS.maxGap} words`);
        seq.push({ kind: 'gap', max });
        continue;
      }
      if (c === '<') {
        const m = at(SLOT, i);
        if (!m) throw new PatternError('"<" must start a slot such as <YOU> or <TIME>');
        if (!(m[1] in MACROS) && !(m[1] in RAW_MACROS)) throw new PatternError(`unknown slot <${m[1]}>`);
        seq.push({ kind: 'macro', name: m[1] });
        i += m[0].length;
        continue;
      }
      if (c === '^') { seq.push({ kind: 'start' }); i++; continue; }
      if (c === '$') { seq.push({ kind: 'end' }); i++; continue; }
      if (',?!:;'.includes(c)) { seq.push({ kind: 'punct', ch: c }); i++; continue; }
      // A lone dash is punctuation (typographic dashes are normalised to "-").
      if (c === '-' && (i + 1 >= text.length || /[\s|}\]]/.test(text[i + 1]))) { seq.push({ kind: 'punct', ch: '-' }); i++; continue; }
      const m = at(WORD, i);
      if (!m) throw new PatternError(`unexpected character "${c}"`);
      let word = m[0].toLowerCase();
      i += m[0].length;
      const inflect = word.endsWith('+');
      if (inflect) word = word.slice(0, -1);
      word = word.replace(/[.]+$/, (dots) => { i -= dots.length; return ''; });
      if (!word) throw new PatternError(`unexpected character "${c}"`);
      seq.push({ kind: 'word', word, inflect });
    }
    if (closers) return seq;
    return seq;
  }

  const seq = parseSeq('');
  if (i < text.length) throw new PatternError(`unexpected "${text[i]}"`);
  if (seq.length === 0) throw new PatternError('pattern is empty');
  const trap = emptyChoiceFirst(seq);
  if (trap) {
    throw new PatternError(`the pattern starts with the choice ${trap}, which has a branch that can match nothing (such as "^" or an optional part); at the start of a sentence that branch never matches, because the next word still wants a space before it; write the cases as patterns of their own ("^ respect a clear no" beside "{we|you} respect a clear no")`);
  }
  const gaps = countGaps(seq);
  if (gaps > PATTERN_LIMITS.maxGapsPerPattern) throw new PatternError(`a pattern may have at most ${PATTERN_LIMITS.maxGapsPerPattern} gaps`);
  return seq;
}

/**
 * The text of a choice that opens the pattern (or opens a branch of such a choice), is followed by more, and has a
 * branch that can match nothing: `{^|no thanks} , i don't`. Compiled, the word after it wants a separator before
 * it, which a sentence never starts with, so the empty branch is dead in both the regex and the matcher.
 */
function emptyChoiceFirst(seq: Node[]): string | undefined {
  // A leading clause-start check matches nothing either: `^ {[really]|so} sorry` has the same dead branch.
  let at = 0;
  while (seq[at]?.kind === 'start') at++;
  if (at > 0) return emptyChoiceFirst(seq.slice(at));
  const first = seq[0];
  if (first?.kind !== 'alt') return undefined;
  if (seq.length > 1 && first.branches.some(canBeEmpty)) return first.key ?? '{…}';
  for (const b of first.branches) {
    const inner = emptyChoiceFirst(b.length && seq.length > 1 ? [...b, ...seq.slice(1)] : b);
    if (inner) return inner;
  }
  return undefined;
}

/** True when a sequence can match no text at all: only anchors, optional parts, gaps or such choices. */
function canBeEmpty(seq: Node[]): boolean {
  return seq.every((n) => n.kind === 'start' || n.kind === 'end' || n.kind === 'opt' || n.kind === 'gap' || (n.kind === 'alt' && n.branches.some(canBeEmpty)));
}

function countGaps(seq: Node[]): number {
  let n = 0;
  for (const node of seq) {
    if (node.kind === 'gap') n++;
    else if (node.kind === 'opt') n += countGaps(node.seq);
    else if (node.kind === 'alt') n += Math.max(0, ...node.branches.map(countGaps));
  }
  return n;
}

/** English inflections of a word: sign -> signs, signed, signing. */
export function inflections(word: string): string[] {
  const parts = word.split(' ');
  if (parts.length > 1) {
    // Inflect the last word of a phrase ("the buyer+").
    const last = parts.pop()!;
    return inflections(last).map((f) => [...parts, f].join(' '));
  }
  const forms = new Set<string>([word]);
  const irregular = IRREGULAR[word];
  if (irregular) {
    for (const f of irregular) forms.add(f);
    return [...forms];
  }
  const vowel = /[aeiou]/;
  if (/[^aeiou]y$/.test(word)) {
    const stem = word.slice(0, -1);
    forms.add(stem + 'ies').add(stem + 'ied').add(word + 'ing');
  } else if (/(s|x|z|ch|sh)$/.test(word)) {
    forms.add(word + 'es').add(word + 'ed').add(word + 'ing');
  } else if (word.endsWith('ee')) {
    forms.add(word + 's').add(word + 'd').add(word + 'ing');
  } else if (word.endsWith('e')) {
    const stem = word.slice(0, -1);
    forms.add(word + 's').add(word + 'd').add(stem + 'ing');
  } else if (word.length <= 4 && /[^aeiou][aeiou][bdgmnpt]$/.test(word) && vowel.test(word)) {
    const last = word[word.length - 1];
    forms.add(word + 's').add(word + last + 'ed').add(word + last + 'ing');
  } else {
    forms.add(word + 's').add(word + 'ed').add(word + 'ing');
  }
  return [...forms];
}

/** Spelling variants of one surface word: contractions expanded, apostrophe-free typing. */
function contractionVariants(word: string): string[] {
  const out = new Set<string>([word]);
  for (const loose of LOOSE_CONTRACTIONS[word] ?? []) out.add(loose);
  const nt = /^(.*)n't$/.exec(word);
  if (nt) {
    for (const [aux, forms] of Object.entries(NOT_CONTRACTIONS)) {
      if (forms.includes(word)) {
        out.add(`${aux} not`);
        for (const f of forms) out.add(f);
      }
    }
  }
  const pron = /^([a-z]+)'(ll|re|ve|m|d|s)$/.exec(word);
  if (pron) {
    for (const [aux, spec] of Object.entries(PRONOUN_CONTRACTIONS)) {
      const suffixes = spec.suffix as unknown as string[];
      if (suffixes.includes(`'${pron[2]}`)) out.add(`${pron[1]} ${aux}`);
    }
  }
  return [...out];
}

/** Variants for a two-word sequence that has a contracted form ("do not" -> "don't"). */
/**
 * The contracted-pair variants when the words at k and k+1 form one ("do not" -> "don't", "dont"), else null.
 * Every reader of a pattern (regex, matcher, prefilter) treats such a pair as one element.
 */
export function pairAt(seq: readonly Node[], k: number): string[] | null {
  const node = seq[k];
  const next = seq[k + 1];
  return node?.kind === 'word' && !node.inflect && next?.kind === 'word' && !next.inflect ? pairVariants(node.word, next.word) : null;
}

export function pairVariants(a: string, b: string): string[] | null {
  if (b === 'not' && NOT_CONTRACTIONS[a]) return [`${a} not`, ...NOT_CONTRACTIONS[a]];
  if (a === 'can' && b === 'not') return ['can not', ...NOT_CONTRACTIONS.can];
  const spec = PRONOUN_CONTRACTIONS[b];
  if (spec && (spec.words as unknown as string[]).includes(a)) {
    const variants = [`${a} ${b}`, ...(spec.suffix as unknown as string[]).map((s) => a + s)];
    for (const v of [...variants]) for (const loose of LOOSE_CONTRACTIONS[v] ?? []) variants.push(loose);
    return variants;
  }
  return null;
}

// The same words recur across hundreds of patterns; their forms are computed once.
const formsCache = new Map<string, string[]>();

export function wordForms(node: { word: string; inflect: boolean }): string[] {
  const key = `${node.inflect ? '+' : ''}${node.word}`;
  let cached = formsCache.get(key);
  if (!cached) {
    const base = node.inflect ? inflections(node.word) : [node.word];
    const forms = new Set<string>();
    for (const b of base) for (const v of contractionVariants(b)) forms.add(v);
    cached = [...forms];
    formsCache.set(key, cached);
  }
  return cached;
}

const altCache = new Map<string, string>();

function altRegex(forms: string[]): string {
  const key = forms.join('|');
  let cached = altCache.get(key);
  if (cached === undefined) { cached = buildAltRegex(forms); altCache.set(key, cached); }
  return cached;
}

/** A trie over the atoms of surface forms, so shared prefixes compile once ("sign(?:ing|ed|s)?"). */
interface Trie { next: Map<string, Trie>; end: boolean; depth: number }

/** The regex atoms of a literal form: a space is a separator, a hyphen may be typed, spaced or left out. */
function atoms(form: string): string[] {
  return [...form].map((c) => (c === ' ' ? SEP : c === '-' ? '[-\\s]?' : escapeRegex(c)));
}

function emitTrie(node: Trie): string {
  // Longer continuations first, then stopping here: the same preference as trying the longest form first.
  const branches = [...node.next].sort((a, b) => b[1].depth - a[1].depth).map(([atom, child]) => atom + emitTrie(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  if (!node.end) return body;
  return branches.length === 1 && !branches[0].includes('|') && branches[0].length <= 2 && !/[\\\]]/.test(branches[0]) ? `${body}?` : `(?:${body})?`;
}

function buildAltRegex(forms: string[]): string {
  // A trailing "'s" (possessive, or "is" as in "the iron's hot") never stops a word from matching.
  return `(?:${formsRegex(forms)})(?:'s)?`;
}

/** A regex body matching any of the forms, longest first, sharing prefixes (no "'s" suffix). */
export function formsRegex(forms: string[]): string {
  const root: Trie = { next: new Map(), end: false, depth: 0 };
  for (const form of new Set(forms)) {
    const path = atoms(form);
    let node = root;
    const visited: Trie[] = [root];
    for (const a of path) {
      let child = node.next.get(a);
      if (!child) { child = { next: new Map(), end: false, depth: 0 }; node.next.set(a, child); }
      node = child;
      visited.push(node);
    }
    node.end = true;
    visited.forEach((n, k) => { n.depth = Math.max(n.depth, path.length - k); });
  }
  return emitTrie(root);
}

// Slots expand to the same text every time, so each is compiled once.
const macroBodies = new Map<string, string>();
const macroTriggers = new Map<string, string[] | null>();

interface Emitted { body: string; kind: 'normal' | 'opt' | 'gap' | 'punct' | 'anchor'; max?: number }

/**
 * Compiles a sequence. `lead` means something precedes it, so its first element brings its own separator:
 * a word needs a space before it, punctuation or an end anchor does not ("remaining:", "time!").
 */
function compileSeq(seq: Node[], depth: number, lead = false): string {
  let out = '';
  let needSep = lead;
  for (let k = 0; k < seq.length; k++) {
    const node = seq[k];
    const pair = pairAt(seq, k);
    if (pair) {
      out += (needSep ? SEP : '') + altRegex(pair);
      needSep = true;
      k++;
      continue;
    }
    switch (node.kind) {
      case 'gap':
        if (needSep) out += `(?:${SEP}${TOKEN}){0,${node.max}}`;
        break;
      case 'opt':
        out += needSep ? `(?:${compileSeq(node.seq, depth, true)})?` : `(?:${compileSeq(node.seq, depth)}${SEP})?`;
        break;
      case 'alt':
        out += `(?:${node.branches.map((b) => compileSeq(b, depth, needSep)).join('|')})`;
        needSep = true;
        break;
      case 'punct':
        out += `[\\s']*${node.ch === '-' ? '-' : escapeRegex(node.ch)}`;
        needSep = true;
        break;
      case 'start':
      case 'end':
        out += compileNode(node, depth).body;
        break;
      default:
        out += (needSep ? SEP : '') + compileNode(node, depth).body;
        needSep = true;
    }
  }
  return out;
}

function compileNode(node: Node, depth: number): Emitted {
  switch (node.kind) {
    case 'word':
      return { body: altRegex(wordForms(node)), kind: 'normal' };
    case 'alt':
      return { body: `(?:${node.branches.map((b) => compileSeq(b, depth)).join('|')})`, kind: 'normal' };
    case 'opt':
      return { body: compileSeq(node.seq, depth), kind: 'opt' };
    case 'gap':
      return { body: '', kind: 'gap', max: node.max };
    case 'punct':
      return { body: node.ch === '-' ? '-' : escapeRegex(node.ch), kind: 'punct' };
    case 'start':
      return { body: CLAUSE_START, kind: 'anchor' };
    case 'end':
      return { body: SENTENCE_END, kind: 'anchor' };
    case 'macro': {
      if (node.name in RAW_MACROS) return { body: `(?:${RAW_MACROS[node.name]})`, kind: 'normal' };
      if (depth >= PATTERN_LIMITS.maxMacroDepth) throw new PatternError(`slot <${node.name}> nests too deeply`);
      let body = macroBodies.get(node.name);
      if (body === undefined) {
        body = `(?:${MACROS[node.name].map((p) => compileSeq(parsePattern(p), depth + 1)).join('|')})`;
        macroBodies.set(node.name, body);
      }
      return { body, kind: 'normal' };
    }
  }
}

const altTriggers = new Map<string, string[] | null>();

/** For each required element of a sequence, the words one of which must occur (elements without words are left out). */
function elementTriggers(seq: Node[], depth: number): string[][] {
  const groups: string[][] = [];
  for (let k = 0; k < seq.length; k++) {
    const node = seq[k];
    let t: string[] | null = null;
    if (node.kind === 'word') {
      const pair = pairAt(seq, k);
      if (pair) k++; // "do not" also matches "don't", so "not" is not required.
      t = (pair ?? wordForms(node)).flatMap(startTokens);
    } else if (node.kind === 'alt') {
      const key = node.key === undefined ? undefined : `${depth}${node.key}`;
      if (key !== undefined && altTriggers.has(key)) {
        t = altTriggers.get(key)!;
      } else {
        const all: string[] = [];
        let ok = true;
        for (const b of node.branches) {
          const bt = seqTriggers(b, depth);
          if (!bt) { ok = false; break; }
          all.push(...bt);
        }
        t = ok ? all : null;
        if (key !== undefined) altTriggers.set(key, t);
      }
    } else if (node.kind === 'macro' && node.name in MACROS && depth < PATTERN_LIMITS.maxMacroDepth) {
      if (!macroTriggers.has(node.name)) {
        const all: string[] = [];
        let ok = true;
        for (const p of MACROS[node.name]) {
          const bt = seqTriggers(parsePattern(p), depth + 1);
          if (!bt) { ok = false; break; }
          all.push(...bt);
        }
        macroTriggers.set(node.name, ok ? all : null);
      }
      t = macroTriggers.get(node.name)!;
    }
    // A word the tokenizer cannot start ("" as its start token: fullwidth digits, say) makes a group no sentence meets.
    if (t && t.length && !t.includes('')) groups.push([...new Set(t)]);
  }
  return groups;
}

/** The most selective required element's words: one of them must occur for the sequence to match. */
function seqTriggers(seq: Node[], depth: number): string[] | null {
  let best: string[] | null = null;
  let bestScore = Infinity;
  for (const unique of elementTriggers(seq, depth)) {
    const commonCount = unique.filter((w) => COMMON.has(w)).length;
    const stopCount = unique.filter((w) => STOP.has(w)).length;
    const score = unique.length + commonCount * 50 + stopCount * 1000;
    if (score < bestScore) { best = unique; bestScore = score; }
  }
  return best;
}

const macroStarts = new Map<string, Set<string> | null>();

/** In a pattern's start words: the pattern can also start at a digit that follows no word character (`\\b\\d`). */
export const DIGIT_START = '\u0000digit';

const altStarts = new Map<string, { words: Set<string> | null; empty: boolean }>();

/**
 * The words (tokenizer-aligned) a match of `seq` can start with, and whether `seq` can match nothing at all.
 * `null` words mean "cannot tell" (punctuation, some raw slots): callers then try every position. The set may be
 * a cached one: read it, never change it. `lead`: the sequence follows a word, as the matcher builds it then
 * (buildSeq's `lead`): its separator is skipped before these words, and a gap it opens with takes words.
 */
export function startWords(seq: Node[], depth: number, lead = false): { words: Set<string> | null; empty: boolean } {
  const words = new Set<string>();
  for (let k = 0; k < seq.length; k++) {
    const node = seq[k];
    let first: { words: Set<string> | null; empty: boolean };
    if (node.kind === 'word') {
      const pair = pairAt(seq, k);
      first = { words: new Set((pair ?? wordForms(node)).flatMap(startTokens)), empty: false };
    } else if (node.kind === 'alt') {
      // The same group recurs across patterns (and the matcher asks again for each nested group): once per text.
      const key = node.key === undefined ? undefined : `${depth}${lead ? '+' : ''}${node.key}`;
      let cached = key === undefined ? undefined : altStarts.get(key);
      if (!cached) {
        const union = new Set<string>();
        let empty = false;
        let known = true;
        for (const b of node.branches) {
          const r = startWords(b, depth, lead);
          if (!r.words) { known = false; break; }
          for (const w of r.words) union.add(w);
          empty ||= r.empty;
        }
        cached = known ? { words: union, empty } : { words: null, empty: false };
        if (key !== undefined) altStarts.set(key, cached);
      }
      if (!cached.words) return { words: null, empty: false };
      first = cached;
    } else if (node.kind === 'opt') {
      const r = startWords(node.seq, depth, lead);
      first = { words: r.words, empty: true };
    } else if (node.kind === 'gap') {
      // A gap with nothing before it compiles to nothing; after a word it takes words of its own, any words.
      if (lead) return { words: null, empty: false };
      first = { words: new Set(), empty: true };
    } else if (node.kind === 'start') {
      // A clause-start check is zero-width, and the clause's first word begins a token.
      first = { words: new Set(), empty: true };
    } else if (node.kind === 'macro' && node.name in RAW_MACROS && RAW_MACROS[node.name].startsWith('\\d')) {
      // Numbers, times and countdowns start at a digit: the matcher is tried where one starts (eachMatch in lint.ts).
      first = { words: new Set([DIGIT_START]), empty: false };
    } else if (node.kind === 'macro' && node.name in MACROS && depth < PATTERN_LIMITS.maxMacroDepth) {
      if (!macroStarts.has(node.name)) {
        const union = new Set<string>();
        let ok = true;
        for (const p of MACROS[node.name]) {
          const r = startWords(parsePattern(p), depth + 1);
          if (!r.words || r.empty) { ok = false; break; }
          for (const w of r.words) union.add(w);
        }
        macroStarts.set(node.name, ok ? union : null);
      }
      const m = macroStarts.get(node.name)!;
      first = { words: m, empty: false };
    } else {
      return { words: null, empty: false };
    }
    if (!first.words) return { words: null, empty: false };
    // A sequence that opens with a required element has that element's words: a slot's or a group's cached set,
    // handed out as it is (callers only read it) rather than copied for every use.
    if (!first.empty && words.size === 0) return { words: first.words, empty: false };
    for (const w of first.words) words.add(w);
    if (!first.empty) return { words, empty: false };
  }
  return { words, empty: true };
}

const startTokensCache = new Map<string, string[]>();

/**
 * The first token a form can show up as in text, as the linter's tokenizer splits it: "follow-up" may be
 * typed "follow-up", "follow up" or "followup", so it can start with "follow" or "followup"; "y'all" starts
 * with "y". Both the filter groups and the start words use it, so they agree with the tokenizer and each other.
 */
function startTokens(form: string): string[] {
  let cached = startTokensCache.get(form);
  if (!cached) { cached = computeStartTokens(form); startTokensCache.set(form, cached); }
  return cached;
}

function computeStartTokens(form: string): string[] {
  const parts = form.split(' ')[0].split('-');
  const out: string[] = [];
  let joined = '';
  for (const part of parts) {
    joined += part;
    // As far as the tokenizer would read it as one word.
    let n = 0;
    while (n < joined.length && isWordCharCode(joined.charCodeAt(n))) n++;
    out.push(joined.slice(0, n));
  }
  return out;
}

/** `\\w` as the patterns' regular expressions read it (ASCII letters, digits and the underscore). */
export function isRegexWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Characters a sentence's words are made of, for the tokenizer (lint.ts) and everything that must agree with it
 * (start tokens, the matcher's first-word guard): ASCII letters and digits, $ and %, and letters, marks and numbers
 * beyond ASCII, but not the spaces, punctuation and symbols among them (CJK brackets and commas, the katakana middle
 * dot, supplemental punctuation, the Ogham space), so "「act now」" and "・act now" have the words "act" and "now".
 */
export function isWordCharCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 36 || c === 37;
  if (c < 0xc0 || c === 0xd7 || c === 0xf7 || c === 0x1680) return false;
  if (c < 0x2000) return true;
  if (c < 0x2c00 || c >= 0xd800 || (c >= 0x2e00 && c < 0x2e80) || c === 0x30fb) return false;
  // CJK Symbols and Punctuation holds a few letters and numbers too: 々 〆 〇, Hangzhou numerals, kana repeat marks.
  if (c >= 0x3000 && c < 0x3040) return (c >= 0x3005 && c <= 0x3007) || (c >= 0x3021 && c <= 0x302f) || (c >= 0x3031 && c <= 0x3035) || (c >= 0x3038 && c <= 0x303c);
  return true;
}

/** What the prefilter needs from a pattern; the shipped pack has these precomputed (see pack.ts, PackIndex). */
export interface PatternIndex {
  groups: string[][];
  starts: string[] | null;
  needsChars: string[];
  triggers: string[] | null;
}

interface Parsed { seq: Node[]; opensWithWord: boolean; closesWithWord: boolean }

function parseChecked(pattern: string): Parsed {
  const seq = parsePattern(pattern);
  const first = seq[0];
  const last = seq[seq.length - 1];
  if (first.kind === 'gap' || last.kind === 'gap') throw new PatternError('a pattern cannot start or end with a gap');
  // `\b` needs a word character next to it; punctuation, anchors and {{placeholders}} bring their own boundaries.
  const opensWithWord = first.kind !== 'punct' && first.kind !== 'start' && !(first.kind === 'macro' && first.name === 'PH');
  return { seq, opensWithWord, closesWithWord: !(last.kind === 'punct' || last.kind === 'end') };
}

/** The prefilter data of a parsed pattern; `triggers` (rarely needed) only when asked for. */
function indexOf(seq: Node[], withTriggers = true): PatternIndex {
  // Every required element with no very common word becomes a filter group: a sentence must hold a word of each.
  const groups = elementTriggers(seq, 0).filter((g) => !g.some((w) => STOP.has(w))).slice(0, 16);
  const needsChars = [...new Set(seq.filter((n): n is Extract<Node, { kind: 'punct' }> => n.kind === 'punct' && n.ch !== '-' && n.ch !== ',').map((n) => n.ch))];
  const start = startWords(seq, 0);
  const starts = start.words && !start.empty && start.words.size && ![...start.words].some((w) => w === '') ? [...start.words] : null;
  return { groups, starts, needsChars, triggers: withTriggers ? seqTriggers(seq, 0) : null };
}

/** Computes a pattern's prefilter data (for building the shipped pack's index). Throws PatternError. */
export function patternIndex(pattern: string): PatternIndex {
  return indexOf(parseChecked(pattern).seq);
}

/**
 * Compiles one pattern. Throws PatternError for malformed patterns. With `pre` (the shipped pack's precomputed
 * index) nothing is parsed until the pattern first passes the prefilter.
 */
export function compilePattern(pattern: string, validate = true, pre?: PatternIndex): CompiledPattern {
  let parsed = pre ? undefined : parseChecked(pattern);
  const parse = () => (parsed ??= parseChecked(pattern));
  const makeSource = () => {
    const { seq, opensWithWord, closesWithWord } = parse();
    return `${opensWithWord ? WORD_START : ''}(?:${compileSeq(seq, 0)})${closesWithWord ? WORD_END : ''}`;
  };
  // The shipped pack (checked by the test suite) builds each regex source on first use: most patterns never
  // pass the prefilter in a given document, so start-up skips that work. Other packs compile and parse every
  // pattern now, so a bad one is reported at load time, not while linting.
  let source = validate ? makeSource() : undefined;
  if (validate) {
    try {
      new RegExp(source!, PATTERN_FLAGS);
    } catch (e) {
      throw new PatternError(`pattern could not be compiled: ${(e as Error).message}`);
    }
  }
  const index = pre ?? indexOf(parsed!.seq, false);
  let matcher: PatternMatcher | undefined;
  let triggers = pre ? pre.triggers : undefined;
  return {
    get source() { return (source ??= makeSource()); },
    get matcher() {
      if (!matcher) {
        const p = parse();
        matcher = buildMatcher(p.seq, p.opensWithWord, p.closesWithWord);
        // The matcher has what it needs; the parse tree (the bulk of a warmed-up pack's memory) is made again only
        // if the regex source or the triggers are still asked for.
        parsed = undefined;
      }
      return matcher;
    },
    get triggers() { return triggers === undefined ? (triggers = seqTriggers(parse().seq, 0)) : triggers; },
    groups: index.groups,
    needsChars: index.needsChars,
    starts: index.starts ? new Set(index.starts) : null,
  };
}
