// A backtracking matcher that runs a parsed pattern directly, as the pattern's regular expression would
// (same separators, gaps, optional parts and ordered choices), but built from small shared pieces.
// One big regex per pattern costs milliseconds to compile and tens of kilobytes of machine code each; this
// costs a few closures, and word lists become set lookups. Offsets are into matchText(), like the regexes'.
import { DIGIT_START, formsRegex, isRegexWordCode, isWordCharCode, pairAt, parsePattern, PATTERN_LIMITS, startWords, wordForms, type Node } from './pattern';
import { MACROS, RAW_MACROS } from './vocabulary';

/** Continuation: given where the pattern has got to, returns the match end or -1. */
type Next = (end: number) => number;
/** Tries to match from `pos`, calling `next` with each way it can end (preferred first); returns the first success. */
type Step = (text: string, pos: number, next: Next) => number;

/** Matches a whole pattern at `pos` (which must be a word start for patterns that open with a word): the end, or -1. */
export type PatternMatcher = (text: string, pos: number) => number;

const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
// `\w` and `\s` as the regexes read them (the text is lower case, but keep the rest of \w for `\b`).
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
/** SEP in pattern.ts: `[\s',\-]+`. */
const isSep = (c: number) => isSpace(c) || c === 39 || c === 44 || c === 45;
/** Characters a gap token starts with and is made of: `[a-z0-9$%#@&{}[\]]`. */
const isTokenChar = (c: number) => isAlnum(c) || c === 36 || c === 37 || c === 35 || c === 64 || c === 38 || c === 123 || c === 125 || c === 91 || c === 93;
/** Joiners inside a gap token: `[-.'/&@]`. */
const isJoiner = (c: number) => c === 45 || c === 46 || c === 39 || c === 47 || c === 38 || c === 64;

const seqSteps = (steps: Step[]): Step => {
  if (steps.length === 0) return (_t, pos, next) => next(pos);
  if (steps.length === 1) return steps[0];
  return steps.reduceRight((rest: Step | undefined, step) => (rest
    ? (t, pos, next) => step(t, pos, (e) => rest(t, e, next))
    : step)) as Step;
};

const choice = (options: Step[]): Step => (options.length === 1 ? options[0] : (t, pos, next) => {
  for (const o of options) {
    const r = o(t, pos, next);
    if (r >= 0) return r;
  }
  return -1;
});

const optional = (step: Step): Step => (t, pos, next) => {
  const r = step(t, pos, next);
  return r >= 0 ? r : next(pos);
};

/** `[\s',\-]+`, as many as there are (what follows never starts with one of them). */
const sep: Step = (t, pos, next) => {
  let q = pos;
  while (q < t.length && isSep(t.charCodeAt(q))) q++;
  return q > pos ? next(q) : -1;
};

/** `[\s']*` then the punctuation mark. */
const punct = (ch: string): Step => {
  const code = ch.charCodeAt(0);
  return (t, pos, next) => {
    let q = pos;
    while (q < t.length && (isSpace(t.charCodeAt(q)) || t.charCodeAt(q) === 39)) q++;
    return t.charCodeAt(q) === code ? next(q + 1) : -1;
  };
};

/** One gap token: `[a-z0-9$%#@&{}[\]]+(?:[-.'/&@][a-z0-9]+)*`; longest first, then shorter at each joiner. */
const token: Step = (t, pos, next) => {
  let q = pos;
  while (q < t.length && isTokenChar(t.charCodeAt(q))) q++;
  if (q === pos) return -1;
  const ends = [q];
  while (q + 1 < t.length && isJoiner(t.charCodeAt(q)) && isAlnum(t.charCodeAt(q + 1))) {
    q++;
    while (q < t.length && isAlnum(t.charCodeAt(q))) q++;
    ends.push(q);
  }
  for (let k = ends.length - 1; k >= 0; k--) {
    const r = next(ends[k]);
    if (r >= 0) return r;
  }
  return -1;
};

const sepToken = seqSteps([sep, token]);
// gaps[n] is `(?:SEP TOKEN){0,n}`, built once and shared: a gap step used to build its shorter self on every try.
const gaps: Step[] = [(_t, pos, next) => next(pos)];

/** `(?:SEP TOKEN){0,max}`, greedy. */
const gap = (max: number): Step => {
  while (gaps.length <= max) {
    const rest = gaps[gaps.length - 1];
    gaps.push((t, pos, next) => {
      const r = sepToken(t, pos, (e) => rest(t, e, next));
      return r >= 0 ? r : next(pos);
    });
  }
  return gaps[max];
};

// Word leaves are shared by every pattern that uses the same word list.
const leafCache = new Map<string, Step>();

/**
 * Any of the forms, then an optional "'s". Plain one-word forms are a set lookup on the word at `pos`; forms with
 * spaces, hyphens or apostrophes go through one small regex. Longer ends are tried first, as the regex's trie does.
 */
function wordLeaf(forms: string[]): Step {
  const key = forms.join('|');
  let leaf = leafCache.get(key);
  if (leaf) return leaf;
  const plain = new Set(forms.filter((f) => /^[a-z0-9]+$/.test(f)));
  const others = forms.filter((f) => !plain.has(f));
  const re = others.length ? new RegExp(formsRegex(others), 'y') : undefined;
  // Cheap checks before cutting the word out of the text: most attempts fail on the first letter or the length.
  const firsts = new Uint8Array(128);
  let minLen = Infinity;
  let maxLen = 0;
  for (const f of plain) {
    firsts[f.charCodeAt(0)] = 1;
    minLen = Math.min(minLen, f.length);
    maxLen = Math.max(maxLen, f.length);
  }
  const tryEnd = (t: string, end: number, next: Next): number => {
    if (t.charCodeAt(end) === 39 && t.charCodeAt(end + 1) === 115) {
      const r = next(end + 2);
      if (r >= 0) return r;
    }
    return next(end);
  };
  leaf = (t, pos, next) => {
    let a = -1;
    const c0 = t.charCodeAt(pos);
    if (c0 < 128 && firsts[c0] === 1) {
      let q = pos;
      while (q < t.length && isAlnum(t.charCodeAt(q))) q++;
      const len = q - pos;
      if (len >= minLen && len <= maxLen && plain.has(t.slice(pos, q))) a = q;
    }
    let b = -1;
    if (re) {
      re.lastIndex = pos;
      const m = re.exec(t);
      if (m) b = pos + m[0].length;
    }
    // Longer end first, as the regex's trie would.
    if (b > a) { const x = a; a = b; b = x; }
    if (a >= 0) {
      const r = tryEnd(t, a, next);
      if (r >= 0) return r;
    }
    return b >= 0 && b !== a ? tryEnd(t, b, next) : -1;
  };
  leafCache.set(key, leaf);
  return leaf;
}

const rawCache = new Map<string, Step>();
function rawLeaf(name: string): Step {
  let leaf = rawCache.get(name);
  if (!leaf) {
    const re = new RegExp(`(?:${RAW_MACROS[name]})`, 'y');
    leaf = (t, pos, next) => {
      re.lastIndex = pos;
      const m = re.exec(t);
      return m ? next(pos + m[0].length) : -1;
    };
    rawCache.set(name, leaf);
  }
  return leaf;
}

/** `(?<=(?:^|[.!?;:\n])[\s'>#-]*)`: at the start of a clause. */
const clauseStart: Step = (t, pos, next) => {
  let q = pos - 1;
  while (q >= 0) {
    const c = t.charCodeAt(q);
    // A line break inside the run is itself a clause boundary.
    if (c === 10) return next(pos);
    if (isSpace(c) || c === 39 || c === 62 || c === 35 || c === 45) q--;
    else break;
  }
  if (q < 0) return next(pos);
  const c = t.charCodeAt(q);
  return c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 10 ? next(pos) : -1;
};

/** `(?=[\s']*(?:[.!?;:\n]|$))`: at the end of a sentence. */
const sentenceEnd: Step = (t, pos, next) => {
  let q = pos;
  while (q < t.length && (isSpace(t.charCodeAt(q)) || t.charCodeAt(q) === 39)) {
    if (t.charCodeAt(q) === 10) return next(pos);
    q++;
  }
  if (q >= t.length) return next(pos);
  const c = t.charCodeAt(q);
  return c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 10 ? next(pos) : -1;
};

const macroCache = new Map<string, Step>();

/** Mirrors compileSeq in pattern.ts step for step, so both read a pattern the same way. */
function buildSeq(seq: Node[], depth: number, lead = false): Step {
  const steps: Step[] = [];
  let needSep = lead;
  for (let k = 0; k < seq.length; k++) {
    const node = seq[k];
    const pair = pairAt(seq, k);
    if (pair) {
      if (needSep) steps.push(sep);
      steps.push(wordLeaf(pair));
      needSep = true;
      k++;
      continue;
    }
    switch (node.kind) {
      case 'gap':
        if (needSep) steps.push(gap(node.max));
        break;
      case 'opt':
        steps.push(optional(needSep ? buildSeq(node.seq, depth, true) : seqSteps([buildSeq(node.seq, depth), sep])));
        break;
      case 'alt':
        steps.push(firstWordGuard(choice(node.branches.map((b) => buildSeq(b, depth, needSep))), node, depth, needSep));
        needSep = true;
        break;
      case 'punct':
        steps.push(punct(node.ch));
        needSep = true;
        break;
      case 'start':
        steps.push(clauseStart);
        break;
      case 'end':
        steps.push(sentenceEnd);
        break;
      case 'word':
        if (needSep) steps.push(sep);
        steps.push(wordLeaf(wordForms(node)));
        needSep = true;
        break;
      case 'macro':
        if (needSep) steps.push(sep);
        steps.push(firstWordGuard(macro(node.name, depth), node, depth, false));
        needSep = true;
        break;
    }
  }
  return seqSteps(steps);
}

/**
 * A choice or a slot is tried only where one of its first words begins (after the separators it opens with, if
 * `lead`): a slot of thirty phrases behind a gap would otherwise be tried phrase by phrase at every gap length.
 * The first words are the ones pattern-level start words use (startWords, told the same `lead`), so the guard never
 * turns a match away.
 */
function firstWordGuard(step: Step, node: Node, depth: number, lead: boolean): Step {
  // Worked out on first use (many choices inside a pattern are never reached); then the parse tree is let go.
  let pending: Node | undefined = node;
  let words: Set<string> | null = null;
  let digits = false;
  return (t, pos, next) => {
    if (pending) {
      const first = startWords([pending], depth, lead);
      pending = undefined;
      words = !first.words || first.empty || first.words.size === 0 || first.words.has('') ? null : first.words;
      digits = words?.has(DIGIT_START) ?? false;
    }
    if (words === null) return step(t, pos, next);
    let q = pos;
    if (lead) {
      while (q < t.length && isSep(t.charCodeAt(q))) q++;
      if (q === pos) return -1;
    }
    const c = t.charCodeAt(q);
    if (digits && c >= 48 && c <= 57) return step(t, pos, next);
    // The tokenizer's word may run on past where a pattern word can end ("now。", "now%"): any cut that the
    // regex's word end would allow counts.
    let e = q;
    while (e < t.length && isWordCharCode(t.charCodeAt(e))) {
      e++;
      if (!isRegexWordCode(t.charCodeAt(e)) && words.has(t.slice(q, e))) return step(t, pos, next);
    }
    return -1;
  };
}

function macro(name: string, depth: number): Step {
  if (name in RAW_MACROS) return rawLeaf(name);
  if (depth >= PATTERN_LIMITS.maxMacroDepth) throw new Error(`slot <${name}> nests too deeply`);
  let step = macroCache.get(name);
  if (!step) {
    // Late-bound, so a slot may be used before its own steps are built.
    const options: Step[] = [];
    step = (t, pos, next) => {
      for (const o of options) {
        const r = o(t, pos, next);
        if (r >= 0) return r;
      }
      return -1;
    };
    macroCache.set(name, step);
    for (const p of MACROS[name]) options.push(buildSeq(parsePattern(p), depth + 1));
  }
  return step;
}

/**
 * Builds the matcher for a parsed pattern: `\b(?<![a-z0-9]')` before a leading word, and
 * `(?![a-z0-9_]|'[a-z])` after a trailing one, as in the compiled regex.
 */
export function buildMatcher(seq: Node[], opensWithWord: boolean, closesWithWord: boolean): PatternMatcher {
  const body = buildSeq(seq, 0);
  const end = closesWithWord
    ? (t: string) => (e: number) => {
      const c = t.charCodeAt(e);
      if (isAlnum(c) || c === 95 || (c === 39 && t.charCodeAt(e + 1) >= 97 && t.charCodeAt(e + 1) <= 122)) return -1;
      return e;
    }
    : () => (e: number) => e;
  return (t, pos) => {
    if (opensWithWord) {
      const before = pos > 0 ? t.charCodeAt(pos - 1) : -1;
      if (isRegexWordCode(before) === isRegexWordCode(t.charCodeAt(pos))) return -1;
      if (before === 39 && pos > 1 && isAlnum(t.charCodeAt(pos - 2))) return -1;
    }
    return body(t, pos, end(t));
  };
}
