// Turns a document into lintable blocks without building a Markdown AST: one linear pass over lines.
// The output text has exactly the same length as the input, so every offset found in it is an offset
// in the original document (UTF-16 code units). Non-prose is overwritten with BLOCK characters,
// which no pattern can match or cross.
// The pass works chunk by chunk (a chunk ends at a blank line) and carries a small state between chunks,
// so a caller can reuse the result for every chunk whose text and incoming state did not change.

/** Stands in for masked characters: not a letter, not a separator. */
export const BLOCK = '\u0001';

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'quote' | 'table';
export type Speaker = 'rep' | 'buyer' | 'other' | undefined;

/** A run of prose that patterns may match within (never across). */
export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
  speaker: Speaker;
  /** Inside a counter-example section or list ("Don't say", "Avoid", ❌). */
  meta: boolean;
  /** Heading level for headings; 0 otherwise. */
  level: number;
}

export interface ScopeOptions {
  languageId?: string;
  checkBuyerTurns?: boolean;
  buyerLabels?: string[];
  repLabels?: string[];
  otherLabels?: string[];
}

export interface Scoped {
  /** Typography-normalised, masked copy of the text, same length as the input. */
  text: string;
  blocks: Block[];
  /** Raw YAML front matter (without the fences), if any. */
  frontMatter?: string;
}

export const DEFAULT_BUYER_LABELS = ['buyer', 'prospect', 'customer', 'client', 'them', 'lead', 'champion', 'cfo', 'ceo', 'vp'];
export const DEFAULT_REP_LABELS = ['rep', 'seller', 'ae', 'sdr', 'bdr', 'csm', 'you', 'me', 'agent', 'salesperson', 'account executive'];
export const DEFAULT_OTHER_LABELS = ['note', 'coach', 'tip', 'context', 'goal', 'why'];

// Same-length typography normalisation: curly quotes, dashes, odd spaces.
const TYPO: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2012': '-', '\u2212': '-', '\u2010': '-', '\u2011': '-',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\u2007': ' ', '\u200B': ' ', '\uFEFF': ' ', '\u2026': '.',
  '\t': ' ',
};
const TYPO_RE = /[\u00B4\u2018\u2019\u201A\u201B\u2032\u02BC\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2015\u2012\u2212\u2010\u2011\u00A0\u2009\u202F\u2007\u200B\uFEFF\u2026\t]/g;

/** Replaces typographic variants by their ASCII equivalents, keeping the length. */
export function normalizeTypography(text: string): string {
  return text.replace(TYPO_RE, (c) => TYPO[c]);
}

/** A heading that announces counter-examples: "Avoid…" at its start, or an explicit phrase anywhere. */
const META_HEADING = /^[^\w\n]*(?:avoid(?:ing)?|don'?ts)\b|\b(?:don'?t say|do not say|never say|what not to (?:say|do|write)|(?:phrases|words|lines|things|language) to (?:avoid|retire)|avoid (?:saying|these|phrases|lines)|instead of|banned (?:phrases|words|lines)|red flags?|anti-?patterns?|bad (?:examples?|phrases?|lines?)|old scripts?|counter-?examples?|do not use|before and after|before\/after)\b|❌|🚫/i;
/** A line ending in a colon that introduces counter-examples ("Don't say:", "Avoid:", "Phrases to avoid:"). */
const META_INTRO = /^[^\w\n]*(?:avoid(?:ing)?|bad|instead of)\b[^.!?]*:\s*$|\b(?:don'?t say|do not say|never say|avoid(?:ing)? (?:saying|phrases?|lines?|language|wording|these|things like|words)|(?:phrases|words|lines) to avoid|what not to say|do not use|old scripts?)\b[^.!?]*:\s*$/i;
const META_LINE = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?(?:❌|✗|✘|🚫|bad:|don'?t:|avoid:|before:|wrong:|old:)/i;


/** Scanner state carried from one chunk to the next. */
export interface ScanState {
  fence: string | null;
  inComment: boolean;
  inList: boolean;
  /** A heading that announced counter-examples covers everything until a heading of the same or higher level. */
  metaHeadingLevel: number;
  /** A "Don't say:" line covers the next paragraph or run of list items. */
  metaIntro: boolean;
  metaIntroKind?: BlockKind;
}

export const INITIAL_STATE: ScanState = Object.freeze({ fence: null, inComment: false, inList: false, metaHeadingLevel: 0, metaIntro: false });

/** A compact key for a state, for caches. */
/** True when two scanner states would scan the next chunk the same way (what stateKey tells apart). */
export function sameState(a: ScanState, b: ScanState): boolean {
  return a === b || ((a.fence ?? '') === (b.fence ?? '') && a.inComment === b.inComment && a.inList === b.inList
    && a.metaHeadingLevel === b.metaHeadingLevel && a.metaIntro === b.metaIntro && (a.metaIntroKind ?? '') === (b.metaIntroKind ?? ''));
}

export function stateKey(s: ScanState): string {
  return `${s.fence ?? ''}|${s.inComment ? 1 : 0}${s.inList ? 1 : 0}|${s.metaHeadingLevel}|${s.metaIntro ? 1 : 0}${s.metaIntroKind ?? ''}`;
}

/** One scanned chunk; offsets are relative to the chunk start. */
export interface ScannedChunk {
  masked: string;
  blocks: Block[];
  state: ScanState;
  frontMatter?: string;
}

/**
 * Splits a document into chunks that each end after a blank line. Returns chunk start offsets.
 * From a known chunk start `from` the scan gives the same starts as a whole-document scan (it only reads ahead), so
 * an edit rescans from the chunk before it; `until` stops the scan at the first start it accepts.
 */
export function chunkStarts(text: string, from = 0, until?: (start: number) => boolean): number[] {
  // indexOf runs natively; a regex over the whole document costs more on every keystroke.
  const starts = [from];
  const n = text.length;
  let i = text.indexOf('\n', from);
  while (i >= 0) {
    // Skip the blank lines (only spaces, tabs and a CR) that follow this line break.
    let j = i + 1;
    let blank = false;
    for (;;) {
      let k = j;
      while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
      if (k < n && text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10) k++;
      if (k < n && text.charCodeAt(k) === 10) { blank = true; j = k + 1; continue; }
      break;
    }
    if (blank && j < n) {
      starts.push(j);
      if (until?.(j)) return starts;
    }
    i = text.indexOf('\n', blank ? j : i + 1);
    if (blank && i >= 0 && i < j) i = text.indexOf('\n', j);
  }
  return starts;
}

/** Compiled speaker-label matcher for a set of options. */
export interface Labels { re: RegExp }

const labelCache = new Map<string, Labels>();

export function compileLabels(options: ScopeOptions = {}): Labels {
  const key = JSON.stringify([options.buyerLabels, options.repLabels, options.otherLabels]);
  let labels = labelCache.get(key);
  if (!labels) {
    const buyer = labelAlternation([...DEFAULT_BUYER_LABELS, ...(options.buyerLabels ?? [])]);
    const rep = labelAlternation([...DEFAULT_REP_LABELS, ...(options.repLabels ?? [])]);
    const other = labelAlternation([...DEFAULT_OTHER_LABELS, ...(options.otherLabels ?? [])]);
    // A speaker label: optional bold, a known name, an optional "(role)", a colon. Sticky: it is tried only where
    // a label may start (the line start, or after a closed sentence), not at every character.
    const re = new RegExp(`((?:\\*\\*|__)?\\s*(?:(${buyer})|(${rep})|(${other}))(?:\\s*\\([^)]*\\))?\\s*(?:\\*\\*|__)?\\s*:(?:\\*\\*|__)?)`, 'iy');
    labels = { re };
    labelCache.set(key, labels);
  }
  return labels;
}

const SENTENCE_CLOSE = /[.!?"')]\s+/g;

/** Any speaker-like label at a line start: one to three capitalised words or an acronym, maybe bold, then a colon. */
const OTHER_LABEL = /^\s*(?:\*\*|__)?\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}\s*(?:\([^)]*\))?\s*(?:\*\*|__)?\s*:(?:\*\*|__)?(?=\s)/;

/** Where a speaker label may start in a line: its start, and just after each closed sentence. */
function labelStarts(content: string): number[] {
  const out = [0];
  SENTENCE_CLOSE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_CLOSE.exec(content)) !== null) out.push(m.index + m[0].length);
  return out;
}

interface Mask { from: number; to: number; ch: string }

/** Characters that may start inline non-prose; lines without them skip the inline pass. */
const INLINE_SPECIAL = /[`<\]{@]|https?:|www\./i;

function inlineMasks(line: string, base: number, out: Mask[]): void {
  if (!INLINE_SPECIAL.test(line)) return;
  const add = (re: RegExp, ch: string, keep = 0) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      out.push({ from: base + m.index + keep, to: base + m.index + m[0].length, ch });
    }
  };
  add(/(`+)[^`]*?\1/g, BLOCK);
  add(/<!--.*?-->/g, BLOCK);
  add(/!\[[^\]]*\]\([^)]*\)/g, BLOCK);
  add(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, BLOCK, 1);
  add(/\]\[[^\]]*\]/g, BLOCK, 1);
  add(/<(?:https?:|mailto:)[^>\s]*>/gi, BLOCK);
  add(/\b(?:https?:\/\/|www\.)[^\s<>()"']*[^\s<>()"'.,;:!?]/gi, BLOCK);
  add(/[\w.+-]+@[\w-]+\.[\w.-]+/g, BLOCK);
  add(/<\/?[A-Za-z][^<>]*>/g, ' ');
  // Templating such as {{< shortcode >}} or {{generator:x}} is not prose. A {{placeholder}} stands for a word,
  // so its name is blanked to "x"s: it still fills a gap in a pattern, but "{{act now}}" is not flagged.
  add(/\{\{(?![\s\w.-]*\}\})[^{}]*\}\}|\{%[^%]*%\}/g, BLOCK);
  const ph = /\{\{([\s\w.-]*\w[\s\w.-]*)\}\}/g;
  let p: RegExpExecArray | null;
  while ((p = ph.exec(line)) !== null) out.push({ from: base + p.index + 2, to: base + p.index + 2 + p[1].length, ch: 'x' });
  // [Company] or [First Name] in a template is a placeholder too (a link's text is followed by "(" or "[", a task
  // box or footnote does not start with a letter, an alert starts with "!").
  const bracket = /\[([A-Za-z][\w .'&-]{0,39})\](?![(\[:])/g;
  while ((p = bracket.exec(line)) !== null) out.push({ from: base + p.index + 1, to: base + p.index + 1 + p[1].length, ch: 'x' });
}

function applyMasks(text: string, masks: Mask[]): string {
  if (masks.length === 0) return text;
  masks.sort((a, b) => a.from - b.from || b.to - a.to);
  let out = '';
  let pos = 0;
  for (const m of masks) {
    if (m.to <= pos) continue;
    const from = Math.max(m.from, pos);
    out += text.slice(pos, from);
    // Masks never cover line breaks, so offsets and line numbers stay exact.
    for (let k = from; k < m.to; k++) {
      const c = text.charCodeAt(k);
      out += c === 10 || c === 13 ? text[k] : m.ch;
    }
    pos = m.to;
  }
  return out + text.slice(pos);
}

/**
 * Scans one chunk. `chunk` is normalised text; `atDocumentStart` enables front matter.
 * Returns masked text, blocks relative to the chunk, and the state for the next chunk.
 */
export function scanChunk(chunk: string, stateIn: ScanState, options: ScopeOptions, labels: Labels, atDocumentStart: boolean): ScannedChunk {
  const masks: Mask[] = [];
  const mask = (from: number, to: number, ch = BLOCK) => { if (to > from) masks.push({ from, to, ch }); };
  const markdown = options.languageId !== 'plaintext';
  const blocks: Block[] = [];
  const st: ScanState = { ...stateIn };
  let frontMatter: string | undefined;
  let current: Block | null = null;
  let prevBlank = true;
  let speaker: Speaker;

  // Lines of the chunk: [start, end) without the line break.
  const lines: Array<[number, number]> = [];
  {
    let pos = 0;
    const re = /\r\n|\n|\r/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(chunk)) !== null) { lines.push([pos, m.index]); pos = m.index + m[0].length; }
    lines.push([pos, chunk.length]);
  }
  let i = 0;
  if (atDocumentStart && markdown && lines.length > 1 && /^---\s*$/.test(chunk.slice(lines[0][0], lines[0][1]))) {
    // Front matter may contain blank lines, so the caller hands over the whole document as the first chunk's tail.
    for (let k = 1; k < lines.length; k++) {
      const t = chunk.slice(lines[k][0], lines[k][1]);
      if (/^(?:---|\.\.\.)\s*$/.test(t)) {
        frontMatter = chunk.slice(lines[1][0], lines[k][0]);
        for (let j = 0; j <= k; j++) mask(lines[j][0], lines[j][1]);
        i = k + 1;
        break;
      }
    }
  }

  const close = () => {
    if (current && current.end > current.start) blocks.push(current);
    current = null;
  };
  const open = (start: number, kind: BlockKind, level = 0) => {
    close();
    if (st.metaIntro) {
      if (st.metaIntroKind === undefined) st.metaIntroKind = kind;
      else if (kind !== 'list' || st.metaIntroKind !== 'list') { st.metaIntro = false; st.metaIntroKind = undefined; }
    }
    current = { start, end: start, kind, speaker, meta: st.metaHeadingLevel > 0 || st.metaIntro, level };
  };

  for (; i < lines.length; i++) {
    const [ls, le] = lines[i];
    const t = chunk.slice(ls, le);
    if (st.fence) {
      mask(ls, le);
      if (new RegExp(`^\\s{0,3}${st.fence[0] === '`' ? '`' : '~'}{${st.fence.length},}\\s*$`).test(t)) st.fence = null;
      continue;
    }
    let from = ls;
    if (st.inComment) {
      const endIdx = t.indexOf('-->');
      mask(ls, endIdx < 0 ? le : ls + endIdx + 3);
      if (endIdx < 0) continue;
      st.inComment = false;
      if (!t.slice(endIdx + 3).trim()) continue;
      from = ls + endIdx + 3;
    }
    if (!markdown) {
      if (!t.trim()) { close(); speaker = undefined; continue; }
      if (!current) open(from, 'paragraph');
      current!.end = le;
      applySpeakers(from, chunk.slice(from, le), current!);
      continue;
    }
    if (!t.trim()) {
      close();
      prevBlank = true;
      speaker = undefined;
      continue;
    }
    const first = t.charCodeAt(t.search(/\S/));
    // Cheap dispatch on the first non-space character keeps plain prose lines on the fast path.
    if (first === 96 /* ` */ || first === 126 /* ~ */) {
      const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(t);
      if (fenceMatch) { close(); st.fence = fenceMatch[1]; mask(ls, le); continue; }
    }
    if (first === 60 /* < */ && /^\s*<!--/.test(t) && !t.includes('-->')) {
      close(); st.inComment = true; mask(ls, le); continue;
    }
    if (prevBlank && !st.inList && (t.startsWith('    ') || t.startsWith('\t')) && !/^\s*([-*+]|\d+[.)])\s/.test(t)) {
      mask(ls, le); // Indented code block.
      continue;
    }
    inlineMasks(t, ls, masks);
    if ((first === 91 /* [ */ && /^\s{0,3}\[[^\]]+\]:\s*\S/.test(t)) || ((first === 124 || first === 45 || first === 58) && /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(t))
      || ((first === 45 || first === 42 || first === 95) && /^\s{0,3}(?:[-*_]\s*){3,}$/.test(t)) || (first === 60 && /^\s*<\/?[A-Za-z][^>]*>\s*$/.test(t))) {
      mask(ls, le); // Reference definitions, table separators, rules and lone HTML tags are not prose.
      close();
      continue;
    }
    if (first === 35 /* # */) {
      const heading = /^(\s{0,3})(#{1,6})(\s+|$)/.exec(t);
      if (heading) {
        const level = heading[2].length;
        if (st.metaHeadingLevel && level <= st.metaHeadingLevel) st.metaHeadingLevel = 0;
        st.metaIntro = false;
        st.metaIntroKind = undefined;
        st.inList = false;
        speaker = undefined;
        const isMeta = META_HEADING.test(t.slice(heading[0].length));
        mask(ls, ls + heading[0].length);
        open(ls + heading[0].length, 'heading', level);
        current!.end = le;
        current!.meta = current!.meta || isMeta;
        close();
        if (isMeta) st.metaHeadingLevel = level;
        prevBlank = false;
        continue;
      }
    }
    if ((first === 61 || first === 45) && !prevBlank && /^\s{0,3}(=+|-+)\s*$/.test(t)) { mask(ls, le); close(); continue; }

    let offset = 0;
    let kind: BlockKind = 'paragraph';
    let startsBlock = prevBlank;
    if (first === 62 /* > */) {
      const quote = /^(\s{0,3}>\s?)+/.exec(t);
      if (quote) { mask(ls, ls + quote[0].length, ' '); offset = quote[0].length; kind = 'quote'; }
    }
    const listItem = /^(\s*)([-*+]|\d{1,3}[.)])(\s+\[[ xX]\])?\s+/.exec(offset ? t.slice(offset) : t);
    if (listItem) {
      mask(ls + offset, ls + offset + listItem[0].length, ' ');
      offset += listItem[0].length;
      kind = 'list';
      startsBlock = true;
      st.inList = true;
      speaker = undefined;
    } else if (prevBlank) {
      st.inList = false;
    }
    if (t.includes('|') && (first === 124 || (t.match(/\|/g)?.length ?? 0) >= 2)) {
      for (let k = 0; k < t.length; k++) if (t[k] === '|') mask(ls + k, ls + k + 1); // Each table cell is separate prose.
      kind = 'table';
      startsBlock = true;
    }
    const isMetaLine = META_LINE.test(t);
    if (startsBlock || !current || kind === 'table' || isMetaLine || (current as Block).kind === 'heading') open(ls + offset, kind);
    const blk = current! as Block;
    blk.end = le;
    if (isMetaLine) blk.meta = true;
    applySpeakers(ls + offset, t.slice(offset), blk);
    // "❌ … ✅ …" on one line: only the part before the ✅ is a counter-example.
    const good = isMetaLine ? /✅|✔️|\b(?:good|better|instead|try):/i.exec(t) : null;
    if (good && good.index > 0) {
      blk.end = ls + good.index;
      const wasMetaIntro = st.metaIntro;
      open(ls + good.index, kind);
      current!.end = le;
      current!.meta = st.metaHeadingLevel > 0;
      st.metaIntro = wasMetaIntro;
    }
    if (META_INTRO.test(t.replace(/\*\*|__/g, ''))) {
      // The introducing line is prose about the examples; what follows is the counter-example.
      close();
      st.metaIntro = true;
      st.metaIntroKind = undefined;
    }
    prevBlank = false;
  }
  close();

  function applySpeakers(start: number, content: string, blk: Block) {
    const quiet = !options.checkBuyerTurns;
    // Labels need a colon near the start, or after a closed sentence; most lines have neither.
    if (!content.includes(':')) {
      if (speaker === 'buyer' && quiet) mask(start, start + content.length);
      blk.speaker = blk.speaker ?? speaker;
      return;
    }
    const re = labels.re;
    const turns: Array<{ at: number; labelEnd: number; who: Speaker }> = [];
    let from = 0;
    for (const at of labelStarts(content)) {
      if (at < from) continue;
      re.lastIndex = at;
      const m = re.exec(content);
      if (!m) continue;
      const who: Speaker = m[2] ? 'buyer' : m[3] ? 'rep' : 'other';
      turns.push({ at: start + at, labelEnd: start + at + m[1].length, who });
      from = at + m[1].length;
    }
    // A buyer's turn also ends at a line that opens with a label Trustlint does not know ("AM:", "Dr Patel:"),
    // which is someone else speaking; unmarked lines after a buyer's line stay the buyer's.
    if (speaker === 'buyer' && (turns.length === 0 || turns[0].at > start)) {
      const m = OTHER_LABEL.exec(content);
      if (m) turns.unshift({ at: start, labelEnd: start + m[0].length, who: 'other' });
    }
    let pos = start;
    for (const turn of turns) {
      if (speaker === 'buyer' && quiet) mask(pos, turn.at);
      mask(turn.at, turn.labelEnd);
      speaker = turn.who;
      pos = turn.labelEnd;
    }
    if (speaker === 'buyer' && quiet) mask(pos, start + content.length);
    blk.speaker = speaker;
  }

  return { masked: applyMasks(chunk, masks), blocks, state: st, frontMatter };
}

function labelAlternation(labels: string[]): string {
  return [...new Set(labels.map((l) => l.trim().toLowerCase()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|');
}

/** The end of the front matter block if the document starts with one, else 0. Front matter may contain blank lines. */
export function frontMatterEnd(text: string): number {
  if (!/^---[ \t]*\r?\n/.test(text)) return 0;
  const m = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  return m ? 3 + m.index + m[0].length : 0;
}

/**
 * Scans a whole document. Markdown and playbook documents get Markdown handling;
 * plain text is one paragraph per blank-line block.
 */
export function scopeDocument(input: string, options: ScopeOptions = {}): Scoped {
  const labels = compileLabels(options);
  const fmEnd = options.languageId === 'plaintext' ? 0 : frontMatterEnd(input);
  const starts = chunkStarts(input).filter((s) => s === 0 || s >= fmEnd);
  let state: ScanState = INITIAL_STATE;
  let text = '';
  const blocks: Block[] = [];
  let frontMatter: string | undefined;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1] : input.length;
    const chunk = scanChunk(normalizeTypography(input.slice(start, end)), state, options, labels, start === 0);
    if (start === 0) frontMatter = chunk.frontMatter;
    text += chunk.masked;
    for (const b of chunk.blocks) blocks.push({ ...b, start: b.start + start, end: b.end + start });
    state = chunk.state;
  }
  return { text, blocks, frontMatter };
}
