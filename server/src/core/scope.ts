// Turns a document into lintable blocks without building a Markdown AST: one linear pass over lines.
// The output text has exactly the same length as the input, so every offset found in it is an offset
// in the original document (UTF-16 code units). Non-prose is overwritten with BLOCK characters,
// which no pattern can match or cross.

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
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2012': '-', '\u2212': '-', '\u2010': '-', '\u2011': '-',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\u2007': ' ', '\u200B': ' ', '\uFEFF': ' ', '\u2026': '.',
  '\t': ' ',
};
const TYPO_RE = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2015\u2012\u2212\u2010\u2011\u00A0\u2009\u202F\u2007\u200B\uFEFF\u2026\t]/g;

/** Replaces typographic variants by their ASCII equivalents, keeping the length. */
export function normalizeTypography(text: string): string {
  return text.replace(TYPO_RE, (c) => TYPO[c]);
}

const META_HEADING = /\b(?:don'?t say|do not say|never say|what not to (?:say|do|write)|avoid(?:ing)?|instead of|banned|red flags?|anti-?patterns?|bad (?:examples?|phrases?|lines?)|old scripts?|counter-?examples?|phrases to (?:avoid|retire)|don'?ts|do not use|outdated|before and after|before\/after)\b|❌|🚫/i;
const META_INTRO = /(?:^|\b)(?:don'?t say|do not say|never say|avoid(?:ing)? (?:saying|phrases?|lines?|language|wording|these|things like|words)|instead of|phrases to avoid|what not to say|do not use|old script|bad)\b[^.!?]*:\s*$/i;
const META_LINE = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?(?:❌|✗|✘|🚫|bad:|don'?t:|avoid:|before:|wrong:|old:)/i;

interface Line { start: number; end: number; text: string }

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    lines.push({ start: pos, end: m.index, text: text.slice(pos, m.index) });
    pos = m.index + m[0].length;
  }
  lines.push({ start: pos, end: text.length, text: text.slice(pos) });
  return lines;
}

/** Masks inline non-prose in one line: code spans, URLs, link targets, HTML tags and comments, templating. */
function maskInline(line: string): string {
  let s = line;
  const fill = (m: string, ch: string) => ch.repeat(m.length);
  s = s.replace(/(`+)[^`]*?\1/g, (m) => fill(m, BLOCK));
  s = s.replace(/<!--.*?-->/g, (m) => fill(m, BLOCK));
  s = s.replace(/!\[[^\]]*\]\([^)]*\)/g, (m) => fill(m, BLOCK));
  s = s.replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, (m) => ']' + fill(m.slice(1), BLOCK));
  s = s.replace(/\]\[[^\]]*\]/g, (m) => ']' + fill(m.slice(1), BLOCK));
  s = s.replace(/<(?:https?:|mailto:)[^>\s]*>/gi, (m) => fill(m, BLOCK));
  s = s.replace(/\b(?:https?:\/\/|www\.)[^\s<>()"']*[^\s<>()"'.,;:!?]/gi, (m) => fill(m, BLOCK));
  s = s.replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, (m) => fill(m, BLOCK));
  s = s.replace(/<\/?[A-Za-z][^<>]*>/g, (m) => fill(m, ' '));
  // Templating such as {{< shortcode >}} or {{generator:x}} is not prose; {{placeholder}} is.
  s = s.replace(/\{\{(?![\s\w.-]*\}\})[^{}]*\}\}|\{%[^%]*%\}/g, (m) => fill(m, BLOCK));
  return s;
}

function labelAlternation(labels: string[]): string {
  return labels
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|');
}

/**
 * Scans the document once and returns masked text plus blocks.
 * Markdown and playbook documents get Markdown handling; plain text is one paragraph per blank-line block.
 */
export function scopeDocument(input: string, options: ScopeOptions = {}): Scoped {
  const norm = normalizeTypography(input);
  const out = norm.split('');
  const mask = (from: number, to: number, ch = BLOCK) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ch;
  };
  const markdown = options.languageId !== 'plaintext';
  const buyer = labelAlternation(options.buyerLabels ?? DEFAULT_BUYER_LABELS);
  const rep = labelAlternation(options.repLabels ?? DEFAULT_REP_LABELS);
  const other = labelAlternation(options.otherLabels ?? DEFAULT_OTHER_LABELS);
  // A speaker label: optional list/quote marker and bold, a known name, a colon.
  const labelRe = new RegExp(`(^|[.!?"')]\\s+)((?:\\*\\*|__)?\\s*(?:(${buyer})|(${rep})|(${other}))(?:\\s*\\([^)]*\\))?\\s*(?:\\*\\*|__)?\\s*:(?:\\*\\*|__)?)`, 'gi');

  const lines = splitLines(norm);
  const blocks: Block[] = [];
  let frontMatter: string | undefined;
  let i = 0;

  // Front matter: a first line of exactly "---" up to the next "---" or "...".
  if (markdown && lines.length > 1 && /^---\s*$/.test(lines[0].text)) {
    for (let k = 1; k < lines.length; k++) {
      if (/^(?:---|\.\.\.)\s*$/.test(lines[k].text)) {
        frontMatter = input.slice(lines[1].start, lines[k].start);
        mask(lines[0].start, lines[k].end);
        i = k + 1;
        break;
      }
    }
  }

  let current: Block | null = null;
  let fence: string | null = null;
  let inComment = false;
  let inList = false;
  let prevBlank = true;
  // Counter-example sections: a heading that announces them covers everything until a heading of the same or higher level.
  let metaHeadingLevel = 0;
  // A "Don't say:" line covers the list or paragraph that follows it.
  let metaIntro = false;
  let metaIntroKind: BlockKind | undefined;
  let speaker: Speaker;

  const close = () => {
    if (current && current.end > current.start) blocks.push(current);
    current = null;
  };
  const open = (start: number, kind: BlockKind, level = 0) => {
    close();
    // A "Don't say:" line covers one following paragraph, or one run of list items.
    if (metaIntro) {
      if (metaIntroKind === undefined) metaIntroKind = kind;
      else if (kind !== 'list' || metaIntroKind !== 'list') { metaIntro = false; metaIntroKind = undefined; }
    }
    current = { start, end: start, kind, speaker, meta: metaHeadingLevel > 0 || metaIntro, level };
  };

  for (; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text;
    if (fence) {
      mask(line.start, line.end);
      if (new RegExp(`^\\s{0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(t)) fence = null;
      continue;
    }
    if (inComment) {
      const endIdx = t.indexOf('-->');
      mask(line.start, endIdx < 0 ? line.end : line.start + endIdx + 3);
      if (endIdx < 0) continue;
      inComment = false;
      if (!t.slice(endIdx + 3).trim()) continue;
    }
    if (!markdown) {
      if (!t.trim()) { close(); speaker = undefined; continue; }
      if (!current) open(line.start, 'paragraph');
      current!.end = line.end;
      applySpeakers(line, current!);
      continue;
    }
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(t);
    if (fenceMatch) {
      close();
      fence = fenceMatch[1];
      mask(line.start, line.end);
      continue;
    }
    if (/^\s*<!--/.test(t) && !t.includes('-->')) {
      close();
      inComment = true;
      mask(line.start, line.end);
      continue;
    }
    if (!t.trim()) {
      close();
      prevBlank = true;
      speaker = undefined;
      continue;
    }
    if (prevBlank && !inList && /^(?: {4}|\t)/.test(line.text) && !/^\s*([-*+]|\d+[.)])\s/.test(t)) {
      // Indented code block.
      mask(line.start, line.end);
      continue;
    }
    const masked = maskInline(t);
    for (let k = 0; k < masked.length; k++) if (masked[k] !== t[k]) out[line.start + k] = masked[k];

    // Reference definitions and table separators are not prose.
    if (/^\s{0,3}\[[^\]]+\]:\s*\S/.test(t) || /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(t) || /^\s{0,3}(?:[-*_]\s*){3,}$/.test(t) || /^\s*<\/?[A-Za-z][^>]*>\s*$/.test(t)) {
      mask(line.start, line.end);
      close();
      continue;
    }

    const heading = /^(\s{0,3})(#{1,6})(\s+|$)/.exec(t);
    if (heading) {
      const level = heading[2].length;
      if (metaHeadingLevel && level <= metaHeadingLevel) metaHeadingLevel = 0;
      metaIntro = false;
      metaIntroKind = undefined;
      inList = false;
      speaker = undefined;
      const isMeta = META_HEADING.test(t);
      mask(line.start, line.start + heading[0].length);
      open(line.start + heading[0].length, 'heading', level);
      current!.end = line.end;
      current!.meta = current!.meta || isMeta;
      close();
      if (isMeta) metaHeadingLevel = level;
      prevBlank = false;
      continue;
    }
    // Setext headings would need look-ahead; a "===" or "---" underline is masked instead.
    if (/^\s{0,3}(=+|-+)\s*$/.test(t) && !prevBlank) { mask(line.start, line.end); close(); continue; }

    let offset = 0;
    let kind: BlockKind = 'paragraph';
    let startsBlock = prevBlank;
    const quote = /^(\s{0,3}>\s?)+/.exec(t);
    if (quote) {
      mask(line.start, line.start + quote[0].length, ' ');
      offset = quote[0].length;
      kind = 'quote';
    }
    const rest = t.slice(offset);
    const listItem = /^(\s*)([-*+]|\d{1,3}[.)])(\s+\[[ xX]\])?\s+/.exec(rest);
    if (listItem) {
      mask(line.start + offset, line.start + offset + listItem[0].length, ' ');
      kind = 'list';
      startsBlock = true;
      inList = true;
      speaker = undefined;
    } else if (prevBlank) {
      inList = false;
    }
    if (/^\s*\|/.test(t) || (t.match(/\|/g)?.length ?? 0) >= 2) {
      // Table row: each cell is separate prose.
      for (let k = 0; k < t.length; k++) if (t[k] === '|') out[line.start + k] = BLOCK;
      kind = 'table';
      startsBlock = true;
    }
    const isMetaLine = META_LINE.test(t);
    if (startsBlock || !current || kind === 'table' || isMetaLine || (current as Block).kind === 'heading') {
      open(line.start + offset, kind);
    }
    const blk = current! as Block;
    blk.end = line.end;
    if (isMetaLine) blk.meta = true;
    applySpeakers(line, blk);
    // "❌ … ✅ …" on one line: only the part before the ✅ is a counter-example.
    const good = isMetaLine ? /✅|✔️|\b(?:good|better|instead|try):/i.exec(t) : null;
    if (good && good.index > 0) {
      blk.end = line.start + good.index;
      const wasMetaIntro = metaIntro;
      open(line.start + good.index, kind);
      current!.end = line.end;
      current!.meta = metaHeadingLevel > 0;
      metaIntro = wasMetaIntro;
    }
    if (META_INTRO.test(t.replace(/\*\*|__/g, ''))) {
      // The introducing line itself is prose about the examples; what follows is the counter-example.
      close();
      metaIntro = true;
      metaIntroKind = undefined;
    }
    prevBlank = false;
  }
  close();

  function applySpeakers(line: Line, blk: Block) {
    const text = out.slice(line.start, line.end).join('');
    labelRe.lastIndex = 0;
    let m: RegExpExecArray | null;
    const turns: Array<{ at: number; labelEnd: number; who: Speaker }> = [];
    while ((m = labelRe.exec(text)) !== null) {
      const labelStart = m.index + m[1].length;
      // Only a label at the start of the line (after markers) or after a closed sentence counts.
      const before = text.slice(0, labelStart);
      if (m[1] === '' && before.trim() !== '' && !/^[\s\u0001*_>-]*$/.test(before)) continue;
      const who: Speaker = m[3] ? 'buyer' : m[4] ? 'rep' : 'other';
      turns.push({ at: line.start + labelStart, labelEnd: line.start + labelStart + m[2].length, who });
    }
    if (turns.length === 0) {
      if (speaker === 'buyer' && !options.checkBuyerTurns) mask(line.start, line.end);
      blk.speaker = blk.speaker ?? speaker;
      return;
    }
    let pos = line.start;
    for (let k = 0; k < turns.length; k++) {
      const turn = turns[k];
      if (speaker === 'buyer' && !options.checkBuyerTurns) mask(pos, turn.at);
      mask(turn.at, turn.labelEnd);
      speaker = turn.who;
      pos = turn.labelEnd;
    }
    if (speaker === 'buyer' && !options.checkBuyerTurns) mask(pos, line.end);
    blk.speaker = speaker;
  }

  return { text: out.join(''), blocks, frontMatter };
}
