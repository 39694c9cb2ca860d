// A small parser for VS Code snippet bodies, enough to expand them with their defaults the way the
// editor would before the user types anything: ${1:default} -> default, ${1|a,b|} -> a, $1 -> the value
// of tab stop 1 if it has one elsewhere (VS Code mirrors it), $0 -> nothing, \$ \} \\ -> literal.

export interface TabStop {
  index: number;
  /** Offset of the first character of this tab stop in the body, for ordering checks. */
  at: number;
  kind: 'plain' | 'placeholder' | 'choice';
  choices?: string[];
}

export interface Expanded {
  text: string;
  tabStops: TabStop[];
  variables: string[];
}

type Node =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; at: number; children?: Node[]; choices?: string[] }
  | { type: 'variable'; name: string; children?: Node[] };

export class SnippetSyntaxError extends Error {}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node[] {
    const nodes = this.nodes(false);
    if (this.pos < this.src.length) throw new SnippetSyntaxError(`unexpected "${this.src[this.pos]}" at ${this.pos}`);
    return nodes;
  }

  /** Reads nodes until the end, or until an unescaped "}" when inside a placeholder. */
  private nodes(inside: boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && this.pos + 1 < this.src.length && '$}\\'.includes(this.src[this.pos + 1])) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          out.push(node);
        } else {
          text += c;
          this.pos++;
        }
      } else if (c === '}' && inside) {
        break;
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return out;
  }

  private dollar(): Node | undefined {
    const at = this.pos;
    const rest = this.src.slice(this.pos + 1);
    let m = /^(\d+)/.exec(rest);
    if (m) {
      this.pos += 1 + m[1].length;
      return { type: 'tabstop', index: Number(m[1]), at };
    }
    m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      this.pos += 1 + m[1].length;
      return { type: 'variable', name: m[1] };
    }
    if (rest[0] !== '{') return undefined;
    m = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (!m) throw new SnippetSyntaxError(`"\${" without a tab stop number or variable name at ${at}`);
    this.pos += 1 + m[0].length;
    const isNumber = /^\d/.test(m[1]);
    const next = this.src[this.pos];
    if (next === '}') {
      this.pos++;
      return isNumber ? { type: 'tabstop', index: Number(m[1]), at } : { type: 'variable', name: m[1] };
    }
    if (next === ':') {
      this.pos++;
      const children = this.nodes(true);
      this.expect('}', at);
      return isNumber ? { type: 'tabstop', index: Number(m[1]), at, children } : { type: 'variable', name: m[1], children };
    }
    if (next === '|' && isNumber) {
      this.pos++;
      const choices: string[] = [];
      let current = '';
      while (this.pos < this.src.length && this.src[this.pos] !== '|') {
        const c = this.src[this.pos];
        if (c === '\\' && ',|\\$}'.includes(this.src[this.pos + 1] ?? '')) {
          current += this.src[this.pos + 1];
          this.pos += 2;
        } else if (c === ',') {
          choices.push(current);
          current = '';
          this.pos++;
        } else {
          current += c;
          this.pos++;
        }
      }
      choices.push(current);
      this.expect('|', at);
      this.expect('}', at);
      return { type: 'tabstop', index: Number(m[1]), at, choices };
    }
    throw new SnippetSyntaxError(`unexpected "${next ?? 'end of body'}" in the snippet element at ${at}`);
  }

  private expect(ch: string, from: number) {
    if (this.src[this.pos] !== ch) throw new SnippetSyntaxError(`missing "${ch}" for the snippet element at ${from}`);
    this.pos++;
  }
}

/** Parses a snippet body and returns the text VS Code would insert before any typing. */
export function expandSnippet(body: string | string[]): Expanded {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const nodes = new Parser(src).parse();
  const tabStops: TabStop[] = [];
  const variables: string[] = [];
  const values = new Map<number, Node[]>();

  const collect = (list: Node[]) => {
    for (const n of list) {
      if (n.type === 'tabstop') {
        tabStops.push({ index: n.index, at: n.at, kind: n.choices ? 'choice' : n.children ? 'placeholder' : 'plain', choices: n.choices });
        if (!values.has(n.index) && (n.children || n.choices)) {
          values.set(n.index, n.choices ? [{ type: 'text', value: n.choices[0] }] : n.children!);
        }
        if (n.children) collect(n.children);
      } else if (n.type === 'variable') {
        variables.push(n.name);
        if (n.children) collect(n.children);
      }
    }
  };
  collect(nodes);

  const render = (list: Node[], depth: number): string => {
    if (depth > 20) throw new SnippetSyntaxError('tab stops refer to each other in a loop');
    return list
      .map((n) => {
        if (n.type === 'text') return n.value;
        if (n.type === 'variable') return n.children ? render(n.children, depth + 1) : '';
        const value = values.get(n.index);
        return value ? render(value, depth + 1) : '';
      })
      .join('');
  };
  return { text: render(nodes, 0), tabStops, variables };
}
