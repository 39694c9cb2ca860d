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
  const pre = (p: string): PatternIndex | undefined => index?.patterns[p];
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
 * some 1,600 patterns. `hash` ties it to the exact rules and compiler it was made from.
 */
export interface PackIndex {
  hash: string;
  patterns: Record<string, PatternIndex>;
}

/** Bump when the prefilter data a pattern compiles to changes, so an old index is never used. */
const INDEX_VERSION = 2;
let builtinIndex: PackIndex | undefined;
let builtinHash: string | undefined;

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

/** Builds the shipped pack's index (run at build time). */
export function buildBuiltinIndex(): PackIndex {
  const patterns: Record<string, PatternIndex> = {};
  for (const { pack } of BUILTIN_PACK_FILES) {
    for (const spec of (pack as RulePackFile).rules) {
      for (const p of [...(spec.patterns ?? []), ...(spec.cues ?? []).flat(), ...(spec.unless ?? [])]) {
        try { patterns[p] ??= patternIndex(p); } catch { /* reported when the pack compiles */ }
      }
    }
  }
  return { hash: builtinPackHash(), patterns };
}

/**
 * Offers a precomputed index for the shipped pack. Used only if its hash matches the rules in this build;
 * returns whether it was accepted. Must be called before the pack is first used.
 */
export function useBuiltinIndex(index: unknown): boolean {
  const candidate = index as PackIndex | undefined;
  if (!candidate || typeof candidate !== 'object' || candidate.hash !== builtinPackHash() || typeof candidate.patterns !== 'object') return false;
  builtinIndex = candidate;
  return true;
}

/** The shipped rule pack, compiled on first use. */
export function builtinPack(): CompiledPack {
  if (!builtin) {
    const result = compilePack(BUILTIN_PACK_FILES, undefined, true, builtinIndex);
    builtinProblems = result.problems;
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
