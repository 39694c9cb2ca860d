// A few assertions without Node's assert module (its browser polyfill needs more shims than it is worth).
export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function includes(list: readonly string[], item: string, message: string): void {
  if (!list.includes(item)) throw new Error(`${message}: ${JSON.stringify(item)} not in ${JSON.stringify(list)}`);
}

export function excludes(list: readonly string[], item: string, message: string): void {
  if (list.includes(item)) throw new Error(`${message}: ${JSON.stringify(item)} unexpectedly in ${JSON.stringify(list)}`);
}
