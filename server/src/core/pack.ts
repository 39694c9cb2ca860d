// Loads rule packs: validates the raw JSON against the rule-pack schema, compiles every pattern once,
// and freezes the result. Loading never throws; problems come back as data.
import { rulePackValidator } from './schemas';
import { compilePattern, PatternError, patternIndex, type CompiledPattern, type PatternIndex } from './pattern';
import { PLAYBOOK_RULES } from './playbookChecks';
import { BUILTIN_PACK_FILES } from './rules';
import type { FindingCategory, Problem, Result, RulePackFile, RuleSpec } from './types';

/** A rule as shown to users: pack rules and the built-in structural checks alike. */
export type RuleInfo = Omit<RuleSpec, 'category'> & { category: FindingCategory; docsUrl: string };

/** A rule ready to run: its patterns (regex sources with their prefilter words), cue groups and exceptions. */
export interface CompiledRule {
  spec: RuleSpec;
  docsUrl: string;
  patterns: CompiledPattern[];
  /** Cue groups (all must occur in a sentence, any order); empty for plain pattern rules. */
  cues: CompiledPattern[][];
  unless: CompiledPattern[];
}

export interface CompiledPack {
  rules: CompiledRule[];
  byId: Map<string, CompiledRule>;
  /** Every pattern of every rule, in pack order: [rule index, pattern index]; pattern index -1 stands for a rule's cue set. */
  patternRefs: Array<[number, number]>;
  /** Word → entries `pattern * 32 + group`: which filter group of which pattern the word satisfies. */
  groupWords: Map<string, number[]>;
  /** Per pattern, the bit mask of all its filter groups (0 when it has none and always runs). */
  fullMask: number[];
  /** Patterns without filter groups: they run on every sentence. */
  alwaysPatterns: number[];
  /**
   * 1 where the filter groups are in pattern order (a phrase pattern), so a sentence must hold their words in
   * that order; 0 for a cue set, whose cues may come in any order.
   */
  ordered: Uint8Array;
  /** Per pattern, how many filter groups it has. */
  groupCount: Uint8Array;
  /** Some pattern spells a letter beyond ASCII, so matchText must keep such letters (see pattern.ts). */
  nonAscii: boolean;
}

function indexTriggers(rules: CompiledRule[]): Pick<CompiledPack, 'patternRefs' | 'groupWords' | 'fullMask' | 'alwaysPatterns' | 'ordered' | 'groupCount'> {
  const patternRefs: Array<[number, number]> = [];
  const groupWords = new Map<string, number[]>();
  const fullMask: number[] = [];
  const add = (ri: number, pi: number, groups: string[][]) => {
    const g = patternRefs.push([ri, pi]) - 1;
    fullMask[g] = groups.length ? (2 ** groups.length) - 1 : 0;
    groups.forEach((words, gi) => {
      for (const w of new Set(words)) {
        const list = groupWords.get(w) ?? [];
        list.push(g * 32 + gi);
        groupWords.set(w, list);
      }
    });
  };
  rules.forEach((r, ri) => {
    // A cue set needs one word of every cue; a cue with a pattern that has no trigger word cannot filter.
    if (r.cues.length) {
      const groups = r.cues.map((cue) => (cue.every((p) => p.triggers) ? cue.flatMap((p) => p.triggers!) : null)).filter((g): g is string[] => g !== null);
      add(ri, -1, groups.slice(0, 16));
    }
  });
  // Without groups, a pattern falls back to its single best trigger list, if any.
  rules.forEach((r, ri) => r.patterns.forEach((p, pi) => add(ri, pi, p.groups.length ? p.groups : p.triggers ? [p.triggers] : [])));
  const alwaysPatterns = fullMask.flatMap((m, g) => (m === 0 ? [g] : []));
  const ordered = Uint8Array.from(patternRefs, ([, pi]) => (pi >= 0 ? 1 : 0));
  const groupCount = Uint8Array.from(fullMask, (m) => Math.round(Math.log2(m + 1)));
  return { patternRefs, groupWords, fullMask, alwaysPatterns, ordered, groupCount };
}

const DOCS_BASE = 'https://github.com/trustlint/trustlint/blob/main/docs/rules.md';

/** The documentation link of a rule, derived centrally so no rule types its own. */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}#${ruleId}`;
}

function validate(raw: unknown): Problem[] {
  const validator = rulePackValidator();
  if (validator(raw)) return [];
  return (validator.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"` : '';
    return { path: e.instancePath || '/', message: `${e.message ?? 'is invalid'}${extra}` };
  });
}

/**
 * Validates and compiles rule-pack files. Duplicate ids and bad patterns are problems;
 * a rule with a bad pattern is left out, the rest of the pack still loads.
 */
export function compilePack(files: Array<{ name: string; pack: unknown }>, existing?: CompiledPack, trusted = false, index?: PackIndex): Result<CompiledPack> {
  const lookup = index ? indexLookup(index) : undefined;
  const pre = (p: string): PatternIndex | undefined => lookup?.get(p);
  // The same pattern text compiles to one shared object: its matcher is built once, and per-sentence results
  // can be reused by every rule that uses it (many rules share their exception patterns).
  const interned = new Map<string, CompiledPattern>();
  const compile = (p: string): CompiledPattern => {
    let c = interned.get(p);
    if (!c) { c = compilePattern(p, !trusted, pre(p)); interned.set(p, c); }
    return c;
  };
  const problems: Problem[] = [];
  const rules: CompiledRule[] = existing ? [...existing.rules] : [];
  const byId = new Map(existing?.byId ?? []);
  for (const { name, pack } of files) {
    // The shipped pack is validated by the test suite (test/core/pack.test.ts); start-up skips the schema pass for it.
    const schemaProblems = trusted ? [] : validate(pack);
    // A problem inside one rule drops that rule only; a problem in the file's own shape drops the file.
    const badRules = new Set<number>();
    let fileBroken = false;
    for (const p of schemaProblems) {
      problems.push({ path: `${name}${p.path}`, message: p.message });
      const m = /^\/rules\/(\d+)(?:\/|$)/.exec(p.path ?? '');
      if (m) badRules.add(Number(m[1]));
      else fileBroken = true;
    }
    if (fileBroken || !Array.isArray((pack as RulePackFile).rules)) continue;
    const file = pack as RulePackFile;
    file.rules.forEach((spec, index) => {
      if (badRules.has(index)) return;
      const where = `${name}/rules/${index}`;
      if (byId.has(spec.id)) {
        problems.push({ path: `${where}/id`, message: `duplicate rule id "${spec.id}"` });
        return;
      }
      try {
        const patterns = (spec.patterns ?? []).map(compile);
        const cues = (spec.cues ?? []).map((cue) => cue.map(compile));
        const unless = (spec.unless ?? []).map(compile);
        const rule: CompiledRule = Object.freeze({ spec, docsUrl: docsUrl(spec.id), patterns, cues, unless });
        rules.push(rule);
        byId.set(spec.id, rule);
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        problems.push({ path: `${where}/patterns`, message: `rule "${spec.id}": ${e.message}` });
      }
    });
  }
  const nonAscii = rules.some((r) => [...(r.spec.patterns ?? []), ...(r.spec.cues ?? []).flat(), ...(r.spec.unless ?? [])].some((p) => /[\u00C0-\u2025\u2027-\uFFFF]/.test(p)));
  return { ok: true, value: { rules, byId, ...indexTriggers(rules), nonAscii }, problems };
}

let builtin: CompiledPack | undefined;
let builtinProblems: Problem[] = [];

/**
 * The shipped pack's prefilter data, computed at build time (dist/pack-index.json) so start-up does not parse
 * some 4,000 patterns. `hash` ties it to the exact rules and compiler it was made from. It also holds every rule's
 * pattern sources, so the Node bundles, which read it anyway, leave them out of their code (each ships once).
 */
export interface PackIndex {
  hash: string;
  /** Every distinct pattern of the shipped rules, with its prefilter data. */
  patterns: Array<PatternIndex & { source: string }>;
  /** Per rule id, its patterns, cues and exceptions as positions in `patterns`. */
  rules: Record<string, RuleSources>;
}

interface RuleSources { patterns?: number[]; cues?: number[][]; unless?: number[] }

/** Bump when the prefilter data a pattern compiles to changes, so an old index is never used. */
const INDEX_VERSION = 4;
let builtinIndex: PackIndex | undefined;
let builtinHash: string | undefined;

const lookups = new WeakMap<PackIndex, Map<string, PatternIndex>>();
function indexLookup(index: PackIndex): Map<string, PatternIndex> {
  let lookup = lookups.get(index);
  if (!lookup) { lookup = new Map(index.patterns.map((p) => [p.source, p])); lookups.set(index, lookup); }
  return lookup;
}

/**
 * The index hash a bundle's rule files were stripped against, when the build left their patterns out (esbuild.mjs
 * marks each file with it); undefined when the rules carry their own patterns (sources, tests, the web build).
 */
function strippedAgainst(files: ReadonlyArray<{ pack: unknown }>): string | undefined {
  const marks = new Set(files.map(({ pack }) => (pack as { patternsIn?: string }).patternsIn));
  return marks.size === 1 ? [...marks][0] : undefined;
}

/**
 * Puts the index's pattern sources back into rule files whose patterns the build left out. All or nothing: false,
 * with nothing changed, when a rule is missing from the index.
 */
export function restoreSources(files: ReadonlyArray<{ pack: unknown }>, index: PackIndex): boolean {
  const rules = files.flatMap(({ pack }) => (pack as RulePackFile).rules);
  if (!rules.every((r) => Object.prototype.hasOwnProperty.call(index.rules, r.id))) return false;
  const source = (k: number) => index.patterns[k].source;
  for (const rule of rules) {
    const refs = index.rules[rule.id];
    // Only the fields the rule had, so the restored rule hashes exactly as the original (packHash).
    if (refs.patterns) rule.patterns = refs.patterns.map(source);
    if (refs.cues) rule.cues = refs.cues.map((cue) => cue.map(source));
    if (refs.unless) rule.unless = refs.unless.map(source);
  }
  return true;
}

/** FNV-1a over what of the shipped rules compiles into prefilter data: enough to tell a stale index from a current one. */
function builtinPackHash(): string {
  return (builtinHash ??= packHash(BUILTIN_PACK_FILES));
}

/**
 * Hash of rule files for the index. Only ids and patterns count: the server bundles leave the examples out
 * (esbuild.mjs), and the index must still match there.
 */
export function packHash(files: ReadonlyArray<{ pack: unknown }>): string {
  const text = `${INDEX_VERSION}\u0000${JSON.stringify(files.map(({ pack }) => (pack as RulePackFile).rules.map((r) => [r.id, r.patterns, r.cues, r.unless])))}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${INDEX_VERSION}-${(h >>> 0).toString(16)}-${text.length}`;
}

/** Builds the index of rule files (at build time, of the shipped pack); they must carry their patterns. */
export function buildBuiltinIndex(files: ReadonlyArray<{ pack: unknown }> = BUILTIN_PACK_FILES): PackIndex {
  const patterns: PackIndex['patterns'] = [];
  const positions = new Map<string, number>();
  const at = (p: string): number => {
    let k = positions.get(p);
    if (k === undefined) {
      let data: PatternIndex;
      // A bad pattern is reported when the pack compiles; the index just has nothing to offer for it.
      try { data = patternIndex(p); } catch { data = { groups: [], starts: null, needsChars: [], triggers: null }; }
      k = patterns.push({ source: p, ...data }) - 1;
      positions.set(p, k);
    }
    return k;
  };
  const rules: PackIndex['rules'] = {};
  for (const { pack } of files) {
    for (const spec of (pack as RulePackFile).rules) {
      const refs: RuleSources = {};
      if (spec.patterns) refs.patterns = spec.patterns.map(at);
      if (spec.cues) refs.cues = spec.cues.map((cue) => cue.map(at));
      if (spec.unless) refs.unless = spec.unless.map(at);
      rules[spec.id] = refs;
    }
  }
  return { hash: files === BUILTIN_PACK_FILES ? builtinPackHash() : packHash(files), patterns, rules };
}

/**
 * Offers a precomputed index for the shipped pack. Used only if it was made from the rules in this build;
 * returns whether it was accepted. Must be called before the pack is first used. When the bundle's rules were
 * stripped of their patterns, this is where they get them back.
 */
export function useBuiltinIndex(index: unknown): boolean {
  const candidate = index as PackIndex | undefined;
  if (!candidate || typeof candidate !== 'object' || !Array.isArray(candidate.patterns) || typeof candidate.rules !== 'object' || candidate.rules === null) return false;
  const stripped = strippedAgainst(BUILTIN_PACK_FILES);
  if (stripped !== undefined) {
    if (candidate.hash !== stripped || builtinIndex || !restoreSources(BUILTIN_PACK_FILES, candidate)) return false;
    builtinHash = candidate.hash;
  } else if (candidate.hash !== builtinPackHash()) return false;
  builtinIndex = candidate;
  return true;
}

/** True when this bundle's rules lack their patterns and no index has given them back: no built-in rule can run. */
export function builtinPatternsMissing(): boolean {
  return strippedAgainst(BUILTIN_PACK_FILES) !== undefined && !builtinIndex;
}

/** What to tell the user when builtinPatternsMissing() is true. */
export const PATTERNS_MISSING = 'Trustlint\'s rule patterns are kept in pack-index.json beside the program, and that file is missing or from another build, so no built-in rule can run. Reinstall Trustlint (or run npm run build).';

/** The shipped rule pack, compiled on first use. */
export function builtinPack(): CompiledPack {
  if (!builtin) {
    const result = compilePack(BUILTIN_PACK_FILES, undefined, true, builtinIndex);
    builtinProblems = builtinPatternsMissing() ? [{ message: PATTERNS_MISSING }, ...result.problems] : result.problems;
    builtin = result.ok ? result.value : { rules: [], byId: new Map(), ...indexTriggers([]), nonAscii: false };
  }
  return builtin;
}

/** Schema problems of raw pack objects, for tests and tools. */
export function validatePack(raw: unknown): Problem[] {
  return validate(raw);
}

/** Problems found while loading the shipped pack (a test asserts there are none). */
export function builtinPackProblems(): Problem[] {
  builtinPack();
  return builtinProblems;
}

/** A shipped rule (or structural check) with its docs link, or undefined. */
export function getRule(id: string): RuleInfo | undefined {
  const rule = builtinPack().byId.get(id);
  if (rule) return { ...rule.spec, docsUrl: rule.docsUrl };
  const check = PLAYBOOK_RULES.find((r) => r.id === id);
  return check ? { ...check, docsUrl: docsUrl(check.id) } : undefined;
}

/** All shipped phrase rules, in pack order. */
export function listRules(): Array<RuleSpec & { docsUrl: string }> {
  return builtinPack().rules.map((r) => ({ ...r.spec, docsUrl: r.docsUrl }));
}

/** The built-in structural checks (placeholders, directives, counter-examples). */
export function listPlaybookChecks(): RuleInfo[] {
  return PLAYBOOK_RULES.map((r) => ({ ...r, docsUrl: docsUrl(r.id) }));
}
