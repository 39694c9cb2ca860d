// Finds, reads and merges `.trustlintrc.json` files for a linted file, shared by the language server and the CLI
// so editor and CI always agree. Precedence (later wins): built-in defaults, editor settings, `extends` files,
// the nearest config file, inline directives. Problems come back located at the exact key; nothing throws.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import { DEFAULT_CONFIG, resolveConfig, validateConfigShape, type ConfigInput, type ResolvedConfig } from '../core';
import { CONFIG_FILE_NAME, parseConfigText } from './configFile';

/** A configuration problem with its place in a file. Lines and columns are 1-based. */
export interface ConfigIssue {
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

interface FileConfig {
  input: ConfigInput;
  /** Absolute pack paths and ignore globs (with their base folder), collected through `extends`. */
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

/** Reads one config file and everything it extends. */
function readConfigChain(file: string, seen: string[]): FileConfig {
  const issues: ConfigIssue[] = [];
  const empty: FileConfig = { input: {}, packs: [], ignores: [], files: [file], issues };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
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
  const dir = path.dirname(file);
  const result: FileConfig = {
    input: {},
    packs: [],
    ignores: [],
    files: [file],
    issues,
  };
  // Extended files first, so this file's keys win.
  const parents = input.extends === undefined ? [] : Array.isArray(input.extends) ? input.extends : [input.extends];
  parents.forEach((rel, i) => {
    const target = path.resolve(dir, rel);
    const where = Array.isArray(input.extends) ? `/extends/${i}` : '/extends';
    if (seen.includes(target)) {
      issues.push(locate(file, text, where, `"${rel}" extends itself through ${[...seen, target].map((f) => path.basename(f)).join(' → ')}`));
      return;
    }
    if (seen.length >= MAX_EXTENDS_DEPTH) {
      issues.push(locate(file, text, where, `extends is nested more than ${MAX_EXTENDS_DEPTH} deep`));
      return;
    }
    if (!fs.existsSync(target)) {
      issues.push(locate(file, text, where, `the extended file "${rel}" does not exist`));
      return;
    }
    const parent = readConfigChain(target, [...seen, target]);
    issues.push(...parent.issues);
    result.input = mergeInputs(result.input, parent.input);
    result.packs.push(...parent.packs);
    result.ignores.push(...parent.ignores);
    result.files.push(...parent.files);
  });
  const own = { ...input };
  delete own.extends;
  result.input = mergeInputs(result.input, own);
  (input.packs ?? []).forEach((rel, i) => {
    const target = path.resolve(dir, rel);
    if (!fs.existsSync(target)) issues.push(locate(file, text, `/packs/${i}`, `the rule pack "${rel}" does not exist`));
    else result.packs.push(target);
  });
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

/** Finds the nearest config file walking up from a folder; stops at a `root: true` file, a boundary or the filesystem root. */
export function findConfigFile(startDir: string, stopAt: string[] = []): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    if (stopAt.some((s) => path.resolve(s) === dir)) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Loads configs with caching keyed by file modification times, and keeps the last good config per file. */
export class ConfigResolver {
  private readonly cache = new Map<string, { stamp: string; loaded: LoadedConfig }>();
  private readonly lastGood = new Map<string, ResolvedConfig>();

  constructor(private readonly options: { stopAt?: string[] } = {}) {}

  /** Forgets cached files (call when a watched config or pack changes). Last good configs are kept. */
  invalidate(): void {
    this.cache.clear();
  }

  /** The config for a linted file: the nearest `.trustlintrc.json` above it, merged over `base` (editor settings). */
  forFile(file: string, base: ConfigInput = {}): LoadedConfig {
    const configFile = findConfigFile(path.dirname(path.resolve(file)), this.options.stopAt);
    return this.load(configFile, base);
  }

  /** The config from an explicit file (the CLI's --config). */
  fromFile(configFile: string, base: ConfigInput = {}): LoadedConfig {
    return this.load(path.resolve(configFile), base);
  }

  private load(configFile: string | undefined, base: ConfigInput): LoadedConfig {
    const baseKey = JSON.stringify(base);
    if (!configFile) {
      const resolved = resolveConfig(Object.keys(base).length ? base : undefined);
      return { config: resolved.ok ? resolved.value : DEFAULT_CONFIG, files: [], issues: [], fellBack: !resolved.ok, isIgnored: () => false };
    }
    const key = `${configFile}\u0000${baseKey}`;
    const cached = this.cache.get(key);
    if (cached && cached.stamp === stampOf(cached.loaded.files)) return cached.loaded;

    const chain = readConfigChain(configFile, [configFile]);
    const issues = [...chain.issues];
    const packs: Array<{ name: string; pack: unknown }> = [];
    const packTexts = new Map<string, { file: string; text: string }>();
    for (const packFile of chain.packs) {
      try {
        const text = fs.readFileSync(packFile, 'utf8').replace(/^\uFEFF/, '');
        const parsed = parseConfigText(text, packFile);
        if (!parsed.ok) {
          const m = /^(\d+):(\d+): (.*)$/.exec(parsed.message);
          issues.push({ file: packFile, message: m ? m[3] : parsed.message, offset: 0, length: 1, line: m ? Number(m[1]) : 1, column: m ? Number(m[2]) : 1 });
          continue;
        }
        const name = path.basename(packFile);
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
        else issues.push(locateInChain(chain.files, p.path, p.message));
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
        const rel = path.relative(dir, path.resolve(file)).split(path.sep).join('/');
        return !rel.startsWith('..') && (match(rel) || match(path.basename(file)));
      }),
    };
    this.cache.set(key, { stamp: stampOf(loaded.files), loaded });
    return loaded;
  }
}

function fallback(base: ConfigInput): ResolvedConfig {
  const r = resolveConfig(Object.keys(base).length ? base : undefined);
  return r.ok ? r.value : DEFAULT_CONFIG;
}

/** Locates a semantic problem (an unknown rule id) in whichever file of the chain holds that key. */
function locateInChain(files: string[], jsonPath: string | undefined, message: string): ConfigIssue {
  for (const file of files) {
    let text = '';
    try { text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''); } catch { continue; }
    const tree = parseTree(text, [], { allowTrailingComma: true });
    const segments = (jsonPath ?? '').split('/').slice(1).filter(Boolean);
    if (tree && segments.length && findNodeAtLocation(tree, segments)) return locate(file, text, jsonPath, message, true);
  }
  return { file: files[0], path: jsonPath, message, offset: 0, length: 0, line: 1, column: 1 };
}

function stampOf(files: string[]): string {
  return files.map((f) => {
    try { const s = fs.statSync(f); return `${s.mtimeMs}:${s.size}`; } catch { return 'missing'; }
  }).join('|');
}
