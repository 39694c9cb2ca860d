// Inline suppression comments: <!-- trustlint-disable-next-line rule-or-category -- reason -->.
// Parsed from the original text into a lookup the linter asks per finding.

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids or categories; empty means every rule. */
  ids: string[];
  reason?: string;
  start: number;
  end: number;
  line: number;
}

const DIRECTIVE = /<!--\s*trustlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

/** Finds every directive comment with its line number (0-based). */
export function parseDirectives(text: string): Directive[] {
  if (!text.includes('trustlint-')) return [];
  const out: Directive[] = [];
  // Lines are counted from one directive to the next, so the rest of the document is never scanned.
  const counter = lineCounter(text);
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(text)) !== null) {
    const [body, reason] = m[2].split(/\s--\s?/, 2);
    const ids = body.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    out.push({ kind: m[1] as DirectiveKind, ids, reason: reason?.trim() || undefined, start: m.index, end: m.index + m[0].length, line: counter(m.index) });
  }
  return out;
}

/** A function giving the 0-based line of increasing offsets, counting line breaks (\n, \r\n, \r) as it goes. */
function lineCounter(text: string): (offset: number) => number {
  const crs = text.includes('\r');
  let at = 0;
  let line = 0;
  return (offset) => {
    if (!crs) {
      for (let i = text.indexOf('\n', at); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    } else {
      for (let i = at; i < offset; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      }
    }
    at = Math.max(at, offset);
    return line;
  };
}

/** The start of the line holding `offset`, and the start of the next line (or the text's end). */
function lineAround(text: string, offset: number): { start: number; next: number } {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : Math.min(text.length, end + 1);
  return { start, next };
}

/** Answers "is this rule disabled at this offset?" for one document. */
export class Suppressions {
  private readonly directives: Directive[];
  /** For line directives, the offsets of the line they cover: [start, end). */
  private readonly ranges = new Map<Directive, [number, number]>();
  /** Directives that suppressed at least one finding; the rest can be reported as unused. */
  readonly used = new Set<Directive>();

  constructor(text: string, directives: Directive[]) {
    this.directives = directives;
    // Which line each line directive covers is found once, by offsets, so no table of every line start is built.
    for (const d of directives) {
      if (d.kind === 'disable-line') {
        const line = lineAround(text, d.start);
        this.ranges.set(d, [line.start, line.next]);
      } else if (d.kind === 'disable-next-line') {
        // The next line with text: blank lines in between are skipped.
        let line = lineAround(text, d.end);
        let range: [number, number] = [text.length, text.length];
        while (line.next < text.length) {
          line = lineAround(text, line.next);
          range = [line.start, line.next];
          if (text.slice(line.start, line.next).trim()) break;
        }
        this.ranges.set(d, range);
      }
    }
  }

  get any(): boolean { return this.directives.length > 0; }

  isDisabled(ruleId: string, category: string, offset: number): boolean {
    if (!this.directives.length) return false;
    const applies = (d: Directive) => d.ids.length === 0 || d.ids.includes(ruleId) || d.ids.includes(category);
    const onLine = (d: Directive) => { const r = this.ranges.get(d)!; return r[0] <= offset && offset < r[1]; };
    let disabledBy: Directive | undefined;
    for (const d of this.directives) {
      if (!applies(d)) continue;
      switch (d.kind) {
        case 'disable-file': disabledBy = d; break;
        case 'disable-line': if (onLine(d)) disabledBy = d; break;
        case 'disable-next-line': if (onLine(d)) disabledBy = d; break;
        case 'disable': if (d.end <= offset) disabledBy = d; break;
        case 'enable': if (d.end <= offset && disabledBy?.kind === 'disable') disabledBy = undefined; break;
      }
    }
    if (disabledBy) this.used.add(disabledBy);
    return !!disabledBy;
  }
}
