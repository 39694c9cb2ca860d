// Finds, reads and merges `.trustlintrc.json` files for a linted file, shared by the language server (Node and
// browser) and the CLI so editor and CI always agree. Precedence (later wins): built-in defaults, editor settings,
// `extends` files, the nearest config file, inline directives. Problems come back located at the exact key;
// nothing throws. File access goes through a FileSystem (see fileSystem.ts): node:fs for the CLI and the Node
// server, the editor's file system for the browser server.
import picomatch from 'picomatch';
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import { DEFAULT_CONFIG, resolveConfig, validateConfigShape, type ConfigInput, type ResolvedConfig } from '../core';
import { CONFIG_FILE_NAME, parseConfigText } from './configText';
import { readFile, runAsync, runSync, stat, type AsyncFileSystem, type FileIo, type PathOps, type SyncFileSystem } from './fileSystem';

/** A configuration problem with its place in a file. Lines and columns are 1-based. */
export interface ConfigIssue {
  /** The file's location (a path on Node, a URI in the browser). */
  file: string;
  /** JSON path such as /rules/act-nw, when the problem is about one key. */
  path?: string;
  message: string;
  offset: number;
  length: number;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The nearest config file, if any. */
  configFile?: string;
  /** Every file the config was read from (config files, extended files, packs), for watching and caching. */
  files: string[];
  issues: ConfigIssue[];
  /** True when the files held errors and the last good config (or the defaults) is used instead. */
  fellBack: boolean;
  /** Whether a file is excluded by an `ignore` glob of the config. */
  isIgnored(file: string): boolean;
}

export interface ResolverOptions {
  /** Folders where the upward search for a config file stops (it also stops at a file system root). */
  stopAt?: string[];
  /**
   * Remember each folder's nearest config file for the resolver's lifetime. For one-shot runs (the CLI), where
   * no config file appears mid-run; an editor session must see new files, so it leaves this off.
   */
  rememberLookups?: boolean;
}

interface FileConfig {
  input: ConfigInput;
  /** Absolute pack locations and ignore globs (with their base folder), collected through `extends`. */
  packs: string[];
  ignores: Array<{ base: string; glob: string }>;
  files: string[];
  issues: ConfigIssue[];
}

const MAX_EXTENDS_DEPTH = 10;

function locate(file: string, text: string, jsonPath: string | undefined, message: string, keyOnly = false): ConfigIssue {
  let offset = 0;
  let length = 1;
  if (jsonPath) {
    const tree = parseTree(text, [], { allowTrailingComma: true });
    const segments = jsonPath.split('/').slice(1).filter((s) => s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    let node: JsonNode | undefined = tree ? findNodeAtLocation(tree, segments) : undefined;
    // For an unknown key, point at the key itself rather than its value.
    if (node && keyOnly && node.parent?.type === 'property') node = node.parent.children?.[0];
    // Walk up to the nearest part of the path that exists.
    while (!node && tree && segments.length) {
      segments.pop();
      node = segments.length ? findNodeAtLocation(tree, segments) : tree;
    }
    if (node) { offset = node.offset; length = node.length; }
  }
  const at = (o: number) => {
    const before = text.slice(0, o);
    return { line: before.split(/\r\n|\r|\n/).length, column: o - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) };
  };
  const start = at(offset);
  const end = at(Math.min(text.length, offset + length));
  return { file, path: jsonPath, message, offset, length, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function* readText(file: string): FileIo<string> {
  return (yield* readFile(file)).replace(/^\uFEFF/, '');
}

function* exists(file: string): FileIo<boolean> {
  return (yield* stat(file)) !== undefined;
}

/** Reads one config file and everything it extends. */
function* readConfigChain(paths: PathOps, file: string, seen: string[]): FileIo<FileConfig> {
  const issues: ConfigIssue[] = [];
  const empty: FileConfig = { input: {}, packs: [], ignores: [], files: [file], issues };
  let text: string;
  try {
    text = yield* readText(file);
  } catch (error) {
    issues.push({ file, message: `cannot read the config file: ${(error as Error).message}`, offset: 0, length: 0, line: 1, column: 1 });
    return empty;
  }
  const parsed = parseConfigText(text, file);
  if (!parsed.ok) {
    const m = /^(\d+):(\d+): (.*)$/.exec(parsed.message);
    issues.push({ file, message: m ? m[3] : parsed.message, offset: 0, length: 1, line: m ? Number(m[1]) : 1, column: m ? Number(m[2]) : 1 });
    return empty;
  }
  const raw = parsed.value;
  for (const p of validateConfigShape(raw)) {
    issues.push(locate(file, text, p.path, p.message, /^unknown key/.test(p.message)));
  }
  if (issues.length) {
    // Still check rule ids, so one run reports every typo in the file.
    const rules = raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules) ? raw.rules as Record<string, string> : undefined;
    const known = Object.fromEntries(Object.entries(rules ?? {}).filter(([, v]) => typeof v === 'string'));
    for (const p of resolveConfig({ rules: known as ConfigInput['rules'] }).problems) issues.push(locate(file, text, p.path, p.message, true));
    return empty;
  }
  const input = raw as ConfigInput;
  const dir = paths.dirname(file);
  const result: FileConfig = {
    input: {},
    packs: [],
    ignores: [],
    files: [file],
    issues,
  };
  // Extended files first, so this file's keys win.
  const parents = input.extends === undefined ? [] : Array.isArray(input.extends) ? input.extends : [input.extends];
  for (const [i, rel] of parents.entries()) {
    const target = paths.resolve(dir, rel);
    const where = Array.isArray(input.extends) ? `/extends/${i}` : '/extends';
    if (seen.includes(target)) {
      issues.push(locate(file, text, where, `"${rel}" extends itself through ${[...seen, target].map((f) => paths.basename(f)).join(' → ')}`));
      continue;
    }
    if (seen.length >= MAX_EXTENDS_DEPTH) {
      issues.push(locate(file, text, where, `extends is nested more than ${MAX_EXTENDS_DEPTH} deep`));
      continue;
    }
    if (!(yield* exists(target))) {
      issues.push(locate(file, text, where, `the extended file "${rel}" does not exist`));
      continue;
    }
    const parent = yield* readConfigChain(paths, target, [...seen, target]);
    issues.push(...parent.issues);
    result.input = mergeInputs(result.input, parent.input);
    result.packs.push(...parent.packs);
    result.ignores.push(...parent.ignores);
    result.files.push(...parent.files);
  }
  const own = { ...input };
  delete own.extends;
  result.input = mergeInputs(result.input, own);
  for (const [i, rel] of (input.packs ?? []).entries()) {
    const target = paths.resolve(dir, rel);
    if (!(yield* exists(target))) issues.push(locate(file, text, `/packs/${i}`, `the rule pack "${rel}" does not exist`));
    else result.packs.push(target);
  }
  for (const glob of input.ignore ?? []) result.ignores.push({ base: dir, glob });
  return result;
}

/** Merges two raw configs: maps merge by key, lists concatenate, single values are replaced. */
export function mergeInputs(base: ConfigInput, over: ConfigInput): ConfigInput {
  const out: ConfigInput = { ...base, ...over };
  if (base.rules || over.rules) out.rules = { ...base.rules, ...over.rules };
  if (base.categories || over.categories) out.categories = { ...base.categories, ...over.categories };
  if (base.allow || over.allow) out.allow = [...(base.allow ?? []), ...(over.allow ?? [])];
  if (base.speakers || over.speakers) {
    out.speakers = {
      rep: [...(base.speakers?.rep ?? []), ...(over.speakers?.rep ?? [])],
      buyer: [...(base.speakers?.buyer ?? []), ...(over.speakers?.buyer ?? [])],
      other: [...(base.speakers?.other ?? []), ...(over.speakers?.other ?? [])],
    };
  }
  delete out.packs;
  delete out.ignore;
  delete out.root;
  return out;
}

/** Finds the nearest config file walking up from a folder; stops at a boundary or the file system root. */
export function* findConfigFile(paths: PathOps, startDir: string, stopAt: string[] = []): FileIo<string | undefined> {
  const stops = stopAt.map((s) => paths.resolve(s, '.'));
  let dir = paths.resolve(startDir, '.');
  for (;;) {
    const candidate = paths.join(dir, CONFIG_FILE_NAME);
    if ((yield* stat(candidate))?.isFile) return candidate;
    if (stops.includes(dir)) return undefined;
    const parent = paths.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The resolver's logic and caches, as file computations; SyncConfigResolver and AsyncConfigResolver run them. */
class ResolverCore {
  private readonly cache = new Map<string, { stamp: string; loaded: LoadedConfig }>();
  private readonly lastGood = new Map<string, ResolvedConfig>();
  /** Folder → nearest config file, when `rememberLookups` is on. */
  private readonly nearest = new Map<string, string | undefined>();

  constructor(private readonly paths: PathOps, private readonly options: ResolverOptions) {}

  invalidate(): void {
    this.cache.clear();
    this.nearest.clear();
  }

  *forFile(file: string, base: ConfigInput): FileIo<LoadedConfig> {
    const dir = this.paths.dirname(file);
    let configFile: string | undefined;
    if (this.options.rememberLookups && this.nearest.has(dir)) {
      configFile = this.nearest.get(dir);
    } else {
      configFile = yield* findConfigFile(this.paths, dir, this.options.stopAt);
      if (this.options.rememberLookups) this.nearest.set(dir, configFile);
    }
    return yield* this.load(configFile, base);
  }

  *load(configFile: string | undefined, base: ConfigInput): FileIo<LoadedConfig> {
    const paths = this.paths;
    const baseKey = JSON.stringify(base);
    if (!configFile) {
      const resolved = resolveConfig(Object.keys(base).length ? base : undefined);
      return { config: resolved.ok ? resolved.value : DEFAULT_CONFIG, files: [], issues: [], fellBack: !resolved.ok, isIgnored: () => false };
    }
    const key = `${configFile}\u0000${baseKey}`;
    const cached = this.cache.get(key);
    if (cached && cached.stamp === (yield* stampOf(cached.loaded.files))) return cached.loaded;

    const chain = yield* readConfigChain(paths, configFile, [configFile]);
    const issues = [...chain.issues];
    const packs: Array<{ name: string; pack: unknown }> = [];
    const packTexts = new Map<string, { file: string; text: string }>();
    for (const packFile of chain.packs) {
      try {
        const text = yield* readText(packFile);
        const parsed = parseConfigText(text, packFile);
        if (!parsed.ok) {
          const m = /^(\d+):(\d+): (.*)$/.exec(parsed.message);
          issues.push({ file: packFile, message: m ? m[3] : parsed.message, offset: 0, length: 1, line: m ? Number(m[1]) : 1, column: m ? Number(m[2]) : 1 });
          continue;
        }
        const name = paths.basename(packFile);
        packs.push({ name, pack: parsed.value });
        packTexts.set(name, { file: packFile, text });
      } catch (error) {
        issues.push({ file: packFile, message: `cannot read the rule pack: ${(error as Error).message}`, offset: 0, length: 0, line: 1, column: 1 });
      }
    }
    const input = mergeInputs(base, chain.input);
    let config: ResolvedConfig | undefined;
    try {
      const resolved = resolveConfig(input, packs);
      for (const p of resolved.problems) {
        // Pack problems name the pack file first ("team.json/rules/0/id"); the rest belong to the config file.
        const pack = p.path ? packTexts.get(p.path.split('/')[0]) : undefined;
        if (pack) issues.push(locate(pack.file, pack.text, p.path!.slice(p.path!.indexOf('/')), p.message));
        else issues.push(yield* locateInChain(chain.files, p.path, p.message));
      }
      if (resolved.ok) config = resolved.value;
    } catch (error) {
      issues.push({ file: configFile, message: `invalid configuration: ${(error as Error).message}`, offset: 0, length: 0, line: 1, column: 1 });
    }
    const errors = issues.length > 0;
    if (config && !errors) this.lastGood.set(configFile, config);
    const fellBack = errors;
    const effective = errors ? (this.lastGood.get(configFile) ?? fallback(base)) : config!;
    const matchers = chain.ignores.map(({ base: dir, glob }) => ({ dir, match: picomatch(glob, { dot: true }) }));
    const loaded: LoadedConfig = {
      config: effective,
      configFile,
      files: [...new Set([...chain.files, ...chain.packs])],
      issues,
      fellBack,
      isIgnored: (file) => matchers.some(({ dir, match }) => {
        const rel = paths.relative(dir, file);
        return !rel.startsWith('..') && (match(rel) || match(paths.basename(file)));
      }),
    };
    this.cache.set(key, { stamp: yield* stampOf(loaded.files), loaded });
    return loaded;
  }
}

/** Loads configs through a synchronous file system (the CLI), with caching keyed by file modification times. */
export class SyncConfigResolver {
  private readonly core: ResolverCore;

  constructor(private readonly fs: SyncFileSystem, options: ResolverOptions = {}) {
    this.core = new ResolverCore(fs, options);
  }

  /** Forgets cached files (call when a watched config or pack changes). Last good configs are kept. */
  invalidate(): void {
    this.core.invalidate();
  }

  /** The config for a linted file: the nearest `.trustlintrc.json` above it, merged over `base` (editor settings). */
  forFile(file: string, base: ConfigInput = {}): LoadedConfig {
    return runSync(this.core.forFile(file, base), this.fs);
  }

  /** The config from an explicit file (the CLI's --config). */
  fromFile(configFile: string, base: ConfigInput = {}): LoadedConfig {
    return runSync(this.core.load(configFile, base), this.fs);
  }
}

/** The same resolver over an asynchronous file system (the language server; in the browser each read is a request). */
export class AsyncConfigResolver {
  private readonly core: ResolverCore;

  constructor(private readonly fs: AsyncFileSystem, options: ResolverOptions = {}) {
    this.core = new ResolverCore(fs, options);
  }

  invalidate(): void {
    this.core.invalidate();
  }

  forFile(file: string, base: ConfigInput = {}): Promise<LoadedConfig> {
    return runAsync(this.core.forFile(file, base), this.fs);
  }
}

function fallback(base: ConfigInput): ResolvedConfig {
  const r = resolveConfig(Object.keys(base).length ? base : undefined);
  return r.ok ? r.value : DEFAULT_CONFIG;
}

/** Locates a semantic problem (an unknown rule id) in whichever file of the chain holds that key. */
function* locateInChain(files: string[], jsonPath: string | undefined, message: string): FileIo<ConfigIssue> {
  for (const file of files) {
    let text = '';
    try { text = yield* readText(file); } catch { continue; }
    const tree = parseTree(text, [], { allowTrailingComma: true });
    const segments = (jsonPath ?? '').split('/').slice(1).filter(Boolean);
    if (tree && segments.length && findNodeAtLocation(tree, segments)) return locate(file, text, jsonPath, message, true);
  }
  return { file: files[0], path: jsonPath, message, offset: 0, length: 0, line: 1, column: 1 };
}

function* stampOf(files: string[]): FileIo<string> {
  const stamps: string[] = [];
  for (const f of files) stamps.push((yield* stat(f))?.stamp ?? 'missing');
  return stamps.join('|');
}
