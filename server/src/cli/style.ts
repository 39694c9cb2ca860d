// Minimal ANSI styling. Colour is decided once per run and passed down; nothing here reads the environment.

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

const ANSI: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  underline: wrap(4, 24),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  green: wrap(32, 39),
  cyan: wrap(36, 39),
};

const identity = (s: string) => s;
const PLAIN: Style = {
  bold: identity,
  dim: identity,
  underline: identity,
  red: identity,
  yellow: identity,
  blue: identity,
  green: identity,
  cyan: identity,
};

export function styleFor(color: boolean): Style {
  return color ? ANSI : PLAIN;
}

/**
 * Whether to colour a stream: never with NO_COLOR (https://no-color.org), always with FORCE_COLOR
 * (unless it is "0"), otherwise only on a terminal. An explicit --color/--no-color wins over all.
 */
export function shouldColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY === true && env.TERM !== 'dumb';
}
