// Resolves raw configuration objects (a parsed .trustlintrc.json, editor settings) into one frozen config.
// No file access here: callers read files and hand over plain objects.
import { builtinPack, compilePack, type CompiledPack } from './pack';
import { configValidator } from './schemas';
import { PLAYBOOK_RULES } from './playbookChecks';
import { CATEGORIES, type Category, type Problem, type Result, type Severity } from './types';

export type RuleSetting = Severity | 'off' | 'on';

/** The raw shape of .trustlintrc.json (see server/schemas/config.schema.json). */
export interface ConfigInput {
  $schema?: string;
  extends?: string | string[];
  root?: boolean;
  profile?: 'default' | 'consumer' | 'internal-training';
  rules?: Record<string, RuleSetting>;
  categories?: Partial<Record<Category, RuleSetting>>;
  allow?: string[];
  packs?: string[];
  ignore?: string[];
  checkBuyerTurns?: boolean;
  checkMetaDiscussion?: boolean;
  speakers?: { rep?: string[]; buyer?: string[]; other?: string[] };
}

export interface ResolvedConfig {
  profile: 'default' | 'consumer' | 'internal-training';
  rules: Readonly<Record<string, RuleSetting>>;
  categories: Readonly<Partial<Record<Category, RuleSetting>>>;
  /** Lower-case, typography-normalised phrases that are never flagged. */
  allow: readonly string[];
  ignore: readonly string[];
  checkBuyerTurns: boolean;
  checkMetaDiscussion: boolean;
  speakers: { rep?: string[]; buyer?: string[]; other?: string[] };
  pack: CompiledPack;
  /** Stable hash of everything above; caches key on it. */
  hash: string;
}

/** Zero-configuration defaults. */
export const DEFAULT_CONFIG: ResolvedConfig = Object.freeze({
  profile: 'default',
  rules: {},
  categories: {},
  allow: [],
  ignore: [],
  checkBuyerTurns: false,
  checkMetaDiscussion: false,
  speakers: {},
  get pack() { return builtinPack(); },
  hash: 'default',
}) as ResolvedConfig;

/** FNV-1a over a string, as 8 hex digits: small, stable, no dependencies. */
export function hashString(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}


/** Checks a raw config object against config.schema.json; unknown keys get a "did you mean" hint. */
/** The profiles and top-level keys of config.schema.json, kept here so the schema is not bundled; a test compares them. */
export const PROFILES = ['default', 'consumer', 'internal-training'] as const;
export const CONFIG_KEYS = ['$schema', 'extends', 'root', 'profile', 'rules', 'categories', 'allow', 'packs', 'ignore', 'checkBuyerTurns', 'checkMetaDiscussion', 'speakers'] as const;
const PROFILE_VALUES: readonly unknown[] = PROFILES;

/**
 * True for inputs made only of the scalar settings an editor passes (profile and the two switches), whose
 * validity needs no schema: the server then never compiles the schema unless a config file exists.
 */
function plainlyValid(raw: unknown): boolean {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return false;
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'profile') { if (!PROFILE_VALUES.includes(value)) return false; }
    else if (key === 'checkBuyerTurns' || key === 'checkMetaDiscussion' || key === 'root') { if (typeof value !== 'boolean') return false; }
    else return false;
  }
  return true;
}

export function validateConfigShape(raw: unknown): Problem[] {
  if (plainlyValid(raw)) return [];
  const validator = configValidator();
  if (validator(raw)) return [];
  const known: readonly string[] = CONFIG_KEYS;
  return (validator.errors ?? []).map((e) => {
    if (e.keyword === 'additionalProperties') {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const where = `${e.instancePath}/${key}`;
      const candidates = e.instancePath === '' ? known : e.instancePath === '/categories' ? [...CATEGORIES] : ['rep', 'buyer', 'other'];
      return { path: where, message: `unknown key "${key}"${suggest(key, candidates)}` };
    }
    if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: string[] }).allowedValues.join(', ');
      return { path: e.instancePath || '/', message: `must be one of: ${allowed}` };
    }
    return { path: e.instancePath || '/', message: e.message ?? 'is invalid' };
  });
}

const SETTINGS = new Set(['error', 'warning', 'information', 'hint', 'off', 'on']);

/**
 * Turns a raw config object into a ResolvedConfig. Shape errors are reported by the schema validator
 * in the node layer; this checks meaning (unknown rule ids and categories) and merges extra packs.
 */
export function resolveConfig(input?: ConfigInput, extraPacks: Array<{ name: string; pack: unknown }> = []): Result<ResolvedConfig> {
  const problems: Problem[] = [];
  if (!input && extraPacks.length === 0) return { ok: true, value: DEFAULT_CONFIG, problems };
  const shape = validateConfigShape(input ?? {});
  if (shape.length) return { ok: false, problems: shape };
  const raw = input ?? {};
  let pack = builtinPack();
  if (extraPacks.length) {
    const loaded = compilePack(extraPacks, pack);
    problems.push(...loaded.problems);
    if (loaded.ok) pack = loaded.value;
  }
  const rules: Record<string, RuleSetting> = {};
  // Pack rules and the built-in checks (placeholders, counter-examples, section moves, the learned check) alike.
  const checks = PLAYBOOK_RULES.map((r) => r.id);
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    if (!pack.byId.has(id) && !checks.includes(id)) problems.push({ path: `/rules/${id}`, message: `unknown rule "${id}"${suggest(id, [...pack.byId.keys(), ...checks])}` });
    else if (!SETTINGS.has(setting)) problems.push({ path: `/rules/${id}`, message: `"${setting}" is not one of off, on, error, warning, information, hint` });
    else rules[id] = setting;
  }
  const categories: Partial<Record<Category, RuleSetting>> = {};
  for (const [cat, setting] of Object.entries(raw.categories ?? {})) {
    if (!(CATEGORIES as readonly string[]).includes(cat)) problems.push({ path: `/categories/${cat}`, message: `unknown category "${cat}"${suggest(cat, [...CATEGORIES])}` });
    else if (!SETTINGS.has(setting as string)) problems.push({ path: `/categories/${cat}`, message: `"${setting}" is not one of off, on, error, warning, information, hint` });
    else categories[cat as Category] = setting as RuleSetting;
  }
  const value: Omit<ResolvedConfig, 'hash'> = {
    profile: raw.profile ?? 'default',
    rules,
    categories,
    allow: (raw.allow ?? []).map((a) => a.toLowerCase().replace(/[\u2018\u2019]/g, "'").trim()).filter(Boolean),
    ignore: raw.ignore ?? [],
    checkBuyerTurns: raw.checkBuyerTurns ?? false,
    checkMetaDiscussion: raw.checkMetaDiscussion ?? false,
    speakers: raw.speakers ?? {},
    pack,
  };
  const hash = hashString(JSON.stringify({ ...value, pack: pack.rules.map((r) => r.spec.id) }));
  return { ok: true, value: Object.freeze({ ...value, hash }), problems };
}

/** The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) { best = c; bestDistance = d; }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** ` (did you mean "x"?)` for the closest candidate, or an empty string. */
export function suggest(word: string, candidates: readonly string[]): string {
  const best = closest(word, candidates);
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
