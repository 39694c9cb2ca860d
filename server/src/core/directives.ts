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
  const starts = lineStarts(text);
  const out: Directive[] = [];
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(text)) !== null) {
    const [body, reason] = m[2].split(/\s--\s?/, 2);
    const ids = body.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    out.push({ kind: m[1] as DirectiveKind, ids, reason: reason?.trim() || undefined, start: m.index, end: m.index + m[0].length, line: lineOf(starts, m.index) });
  }
  return out;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Answers "is this rule disabled at this offset?" for one document. */
export class Suppressions {
  private readonly starts: number[];
  private readonly directives: Directive[];
  /** Directives that suppressed at least one finding; the rest can be reported as unused. */
  readonly used = new Set<Directive>();

  constructor(private readonly text: string, directives: Directive[]) {
    this.directives = directives;
    this.starts = directives.length ? lineStarts(text) : [0];
  }

  get any(): boolean { return this.directives.length > 0; }

  /** The line a disable-next-line comment applies to: the next line with text. */
  private targetLine(d: Directive): number {
    let line = d.line + 1;
    while (line < this.starts.length - 1) {
      const from = this.starts[line];
      const to = this.starts[line + 1];
      if (this.text.slice(from, to).trim()) break;
      line++;
    }
    return line;
  }

  isDisabled(ruleId: string, category: string, offset: number): boolean {
    if (!this.directives.length) return false;
    const line = lineOf(this.starts, offset);
    const applies = (d: Directive) => d.ids.length === 0 || d.ids.includes(ruleId) || d.ids.includes(category);
    let disabledBy: Directive | undefined;
    for (const d of this.directives) {
      if (!applies(d)) continue;
      switch (d.kind) {
        case 'disable-file': disabledBy = d; break;
        case 'disable-line': if (d.line === line) disabledBy = d; break;
        case 'disable-next-line': if (this.targetLine(d) === line) disabledBy = d; break;
        case 'disable': if (d.end <= offset) disabledBy = d; break;
        case 'enable': if (d.end <= offset && disabledBy?.kind === 'disable') disabledBy = undefined; break;
      }
    }
    if (disabledBy) this.used.add(disabledBy);
    return !!disabledBy;
  }
}
