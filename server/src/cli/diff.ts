// A small unified diff (Myers' algorithm over lines) for --fix-dry-run.
// Lines are compared without their line breaks, so CRLF files print as plain lines.

type Op = { kind: ' ' | '-' | '+'; text: string; oldLine: number; newLine: number };

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  // A final line break does not start another line.
  if (/(\r\n|\n|\r)$/.test(text)) lines.pop();
  return lines;
}

/** Edit script from `a` to `b`: Myers O((N+M)·D), keeping one frontier per step. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace backwards to recover the path.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', text: a[x - 1], oldLine: x, newLine: y });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', text: b[y - 1], oldLine: x, newLine: y });
      else ops.push({ kind: '-', text: a[x - 1], oldLine: x, newLine: y });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/** A unified diff with `context` lines around each change, or '' when the texts are equal. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = diffLines(a, b);
  const out: string[] = [`--- ${oldName}`, `+++ ${newName}`];
  let i = 0;
  while (i < ops.length) {
    // Find the next change.
    while (i < ops.length && ops[i].kind === ' ') i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - context);
    // Extend the hunk while changes are within 2*context lines of each other.
    let end = i;
    let lastChange = i;
    while (end < ops.length) {
      if (ops[end].kind !== ' ') lastChange = end;
      else if (end - lastChange > 2 * context) break;
      end++;
    }
    end = Math.min(ops.length, lastChange + context + 1);
    const hunk = ops.slice(start, end);
    const oldStart = firstLine(hunk, 'old');
    const newStart = firstLine(hunk, 'new');
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const op of hunk) out.push(`${op.kind}${op.text}`);
    i = end;
  }
  return `${out.join('\n')}\n`;
}

/** 1-based first line of a hunk on one side; for an empty side, the line before it (diff convention). */
function firstLine(hunk: Op[], side: 'old' | 'new'): number {
  for (const op of hunk) {
    if (side === 'old' && op.kind !== '+') return op.oldLine;
    if (side === 'new' && op.kind !== '-') return op.newLine;
  }
  const first = hunk[0];
  return side === 'old' ? first.oldLine : first.newLine;
}

function range(startLine: number, count: number): string {
  return count === 1 ? `${startLine}` : `${startLine},${count}`;
}
