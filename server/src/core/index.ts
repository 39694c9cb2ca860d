// The public face of the lint core: the only module lsp/ and cli/ import from core/.
export * from './types';
export { lint, fixAll, createLintCache, addChange, type LintOptions, type LintCache, type ChangedRange } from './lint';
export { applyFixes, matchCase, MAX_FIX_PASSES, type FixAllResult } from './fixes';
export { resolveConfig, validateConfigShape, closest, DEFAULT_CONFIG, type ConfigInput, type ResolvedConfig, type RuleSetting } from './config';
export { builtinPack, builtinPackProblems, buildBuiltinIndex, useBuiltinIndex, builtinPatternsMissing, PATTERNS_MISSING, type PackIndex, getRule, listRules, listPlaybookChecks, docsUrl, compilePack, type CompiledPack, type CompiledRule, type RuleInfo } from './pack';
export { compilePattern, PatternError } from './pattern';
export { parseDirectives, type Directive } from './directives';
export { trustReport, SEVERITY_WEIGHT, MIN_WORDS, MOVE_POINTS, type TrustReport, type ScoreItem, type SectionReport, type MissingMove } from './trustScore';
