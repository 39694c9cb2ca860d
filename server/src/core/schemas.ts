// JSON-Schema validation of config files and rule packs, with Ajv. The bundles swap this module for validators Ajv
// generated from the same schemas at build time (esbuild.mjs, `standaloneSchemas`), so Ajv's compiler is not shipped
// and nothing is compiled at start-up; tests and scripts run from source use this compiling version.
import Ajv from 'ajv';
import configSchema from '../../schemas/config.schema.json';
import rulePackSchema from '../../schemas/rule-pack.schema.json';

/** What the callers read from one schema error (Ajv's ErrorObject). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A validator: true when valid; otherwise `errors` says why. */
export type SchemaValidator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

let ajv: Ajv | undefined;
let config: SchemaValidator | undefined;
let rulePack: SchemaValidator | undefined;

/** Ajv options shared with the build-time generation (esbuild.mjs), so both report the same errors. */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

/** Validates a parsed .trustlintrc.json against server/schemas/config.schema.json. */
export function configValidator(): SchemaValidator {
  return (config ??= (ajv ??= new Ajv(AJV_OPTIONS)).compile(configSchema) as SchemaValidator);
}

/** Validates a parsed rule-pack file against server/schemas/rule-pack.schema.json. */
export function rulePackValidator(): SchemaValidator {
  return (rulePack ??= (ajv ??= new Ajv(AJV_OPTIONS)).compile(rulePackSchema) as SchemaValidator);
}
