// The JSON Schemas are the source of truth; the TypeScript types must name exactly the same keys.
// TypeScript checks that each list below covers every key of its type; this test checks the schemas agree.
import * as assert from 'node:assert/strict';
import configSchema from '../../server/schemas/config.schema.json';
import packSchema from '../../server/schemas/rule-pack.schema.json';
import type { ConfigInput, ReplacementSpec, RuleContext, RulePackFile, RuleSpec } from '../../server/src/core';

// `Record<keyof T, true>` fails to compile when T gains or loses a key and the list is not updated.
const CONFIG_KEYS: Record<keyof ConfigInput, true> = {
  $schema: true, extends: true, root: true, profile: true, rules: true, categories: true, allow: true, packs: true, ignore: true,
  checkBuyerTurns: true, checkMetaDiscussion: true, speakers: true,
};
const PACK_KEYS: Record<keyof RulePackFile, true> = { $schema: true, description: true, rules: true };
const RULE_KEYS: Record<keyof RuleSpec, true> = {
  id: true, category: true, severity: true, description: true, patterns: true, cues: true, unless: true, replace: true, context: true,
  message: true, rationale: true, replacements: true, examples: true,
};
const REPLACEMENT_KEYS: Record<keyof ReplacementSpec, true> = { text: true, dropIn: true, note: true };
const CONTEXT_KEYS: Record<keyof RuleContext, true> = { questions: true, legitimateDeadline: true, quantifiedCapacity: true };

const keys = (o: object) => Object.keys(o).sort();

describe('schemas and types agree', () => {
  it('config.schema.json ↔ ConfigInput', () => assert.deepEqual(keys(configSchema.properties), keys(CONFIG_KEYS)));
  it('rule-pack.schema.json ↔ RulePackFile', () => assert.deepEqual(keys(packSchema.properties), keys(PACK_KEYS)));
  it('rule definition ↔ RuleSpec', () => assert.deepEqual(keys(packSchema.definitions.rule.properties), keys(RULE_KEYS)));
  it('replacement ↔ ReplacementSpec', () => assert.deepEqual(keys(packSchema.definitions.rule.properties.replacements.items.properties), keys(REPLACEMENT_KEYS)));
  it('context ↔ RuleContext', () => assert.deepEqual(keys(packSchema.definitions.rule.properties.context.properties), keys(CONTEXT_KEYS)));
  it('the category enum matches CATEGORIES', async () => {
    const { CATEGORIES } = await import('../../server/src/core');
    assert.deepEqual([...packSchema.definitions.category.enum].sort(), [...CATEGORIES].sort());
    assert.deepEqual(keys(configSchema.properties.categories.properties), [...CATEGORIES].sort());
  });
});
