// Path operations on URIs (`scheme://authority/path`), for config lookup in the browser where every file is a URI:
// github.dev (vscode-vfs://github/…), vscode.dev, the test harness (vscode-test-web://mount/…). Paths are kept
// percent-encoded like VS Code's own Uri.toString(), so lookups match the URIs of open documents.
import type { PathOps } from '../host/fileSystem';

const URI = /^([a-zA-Z][a-zA-Z0-9+.-]*:(?:\/\/[^/?#]*)?)(\/[^?#]*)$/;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

/** Splits a URI into its scheme-and-authority prefix and its absolute path; undefined when it has no usable path. */
export function splitUri(uri: string): { prefix: string; path: string } | undefined {
  const m = URI.exec(uri);
  return m ? { prefix: m[1], path: m[2] } : undefined;
}

function parts(uri: string): { prefix: string; segments: string[] } {
  const split = splitUri(uri);
  if (!split) throw new Error(`not a hierarchical URI: ${uri}`);
  return { prefix: split.prefix, segments: normalize(split.path.split('/')) };
}

/** Drops empty and `.` segments and applies `..` (never above the root). */
function normalize(segments: string[]): string[] {
  const out: string[] = [];
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out;
}

function build(prefix: string, segments: string[]): string {
  return `${prefix}/${segments.join('/')}`;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export const uriPaths: PathOps = {
  dirname(uri) {
    const { prefix, segments } = parts(uri);
    return build(prefix, segments.slice(0, -1));
  },
  join(dir, name) {
    const { prefix, segments } = parts(dir);
    return build(prefix, [...segments, encodeURIComponent(name)]);
  },
  resolve(dir, rel) {
    // Another URI (rare in config files) stands for itself; a Windows drive path is not a URI.
    if (SCHEME.test(rel) && splitUri(rel)) return uriPaths.resolve(rel, '.');
    const { prefix, segments } = parts(dir);
    const relSegments = rel.split('/').map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s)));
    return build(prefix, normalize(rel.startsWith('/') ? relSegments : [...segments, ...relSegments]));
  },
  basename(uri) {
    const { segments } = parts(uri);
    return decode(segments[segments.length - 1] ?? '');
  },
  relative(dir, uri) {
    const from = parts(dir);
    const to = parts(uri);
    if (from.prefix !== to.prefix) return `../${uri}`;
    let common = 0;
    while (common < from.segments.length && common < to.segments.length && from.segments[common] === to.segments[common]) common++;
    const up = from.segments.slice(common).map(() => '..');
    return [...up, ...to.segments.slice(common).map(decode)].join('/');
  },
};
