// Outline and folding for Markdown and playbooks: headings nest by level; fenced code and front matter fold.
// Pure functions over text, so they run on any document without the core.
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';

export interface Heading {
  level: number;
  title: string;
  /** The heading's own line (the text line for setext headings). */
  line: number;
  /** The line holding the heading's last character (differs from `line` for setext headings). */
  lastLine: number;
  /** Last line of the heading's section, trailing blank lines excluded. */
  sectionEnd: number;
}

export interface Block {
  startLine: number;
  endLine: number;
}

export interface Outline {
  lines: string[];
  headings: Heading[];
  fences: Block[];
  frontMatter?: Block;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

export function outline(text: string): Outline {
  const lines = text.split(/\r\n|\r|\n/);
  const headings: Heading[] = [];
  const fences: Block[] = [];
  let frontMatter: Block | undefined;
  let i = 0;

  if (lines[0] !== undefined && /^---[ \t]*$/.test(lines[0])) {
    const close = lines.findIndex((line, n) => n > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
    if (close > 0) {
      frontMatter = { startLine: 0, endLine: close };
      i = close + 1;
    }
  }

  for (; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      let end = i + 1;
      // The closing fence uses the same character, at least as many times, and nothing after it.
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      while (end < lines.length && !closing.test(lines[end])) end++;
      fences.push({ startLine: i, endLine: Math.min(end, lines.length - 1) });
      i = end;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      headings.push({ level: atx[1].length, title: (atx[2] ?? '').trim(), line: i, lastLine: i, sectionEnd: i });
      continue;
    }
    const next = lines[i + 1];
    if (next !== undefined && line.trim() !== '' && !/^ {4}/.test(line) && SETEXT.test(next) && !isListOrQuote(line)) {
      headings.push({ level: next.trim()[0] === '=' ? 1 : 2, title: line.trim(), line: i, lastLine: i + 1, sectionEnd: i + 1 });
      i++;
    }
  }

  // A section runs until the next heading of the same or a higher level.
  for (let h = 0; h < headings.length; h++) {
    let end = lines.length - 1;
    for (let n = h + 1; n < headings.length; n++) {
      if (headings[n].level <= headings[h].level) {
        end = headings[n].line - 1;
        break;
      }
    }
    while (end > headings[h].lastLine && lines[end].trim() === '') end--;
    headings[h].sectionEnd = end;
  }
  return { lines, headings, fences, frontMatter };
}

function isListOrQuote(line: string): boolean {
  return /^ {0,3}([-*+]|\d+[.)]|>)([ \t]|$)/.test(line);
}

/** Headings as a symbol tree: each heading contains the deeper headings of its section. */
export function documentSymbols(text: string): DocumentSymbol[] {
  const { lines, headings } = outline(text);
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ level: number; symbol: DocumentSymbol }> = [];
  for (const heading of headings) {
    const symbol: DocumentSymbol = {
      name: heading.title || '#'.repeat(heading.level),
      detail: `H${heading.level}`,
      kind: SymbolKind.String,
      range: {
        start: { line: heading.line, character: 0 },
        end: { line: heading.sectionEnd, character: lines[heading.sectionEnd].length },
      },
      selectionRange: {
        start: { line: heading.line, character: 0 },
        end: { line: heading.line, character: lines[heading.line].length },
      },
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) stack.pop();
    if (stack.length > 0) stack[stack.length - 1].symbol.children!.push(symbol);
    else roots.push(symbol);
    stack.push({ level: heading.level, symbol });
  }
  return roots;
}

/** Folds each heading section, each fenced code block and the front matter. */
export function foldingRanges(text: string): FoldingRange[] {
  const { headings, fences, frontMatter } = outline(text);
  const ranges: FoldingRange[] = [];
  if (frontMatter) ranges.push({ startLine: frontMatter.startLine, endLine: frontMatter.endLine, kind: FoldingRangeKind.Region });
  for (const heading of headings) {
    if (heading.sectionEnd > heading.line) ranges.push({ startLine: heading.line, endLine: heading.sectionEnd });
  }
  for (const fence of fences) {
    if (fence.endLine > fence.startLine) ranges.push({ startLine: fence.startLine, endLine: fence.endLine });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
