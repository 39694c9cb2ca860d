// Reads a `.trustlintrc.json` (JSON with comments) and returns the raw object for core.resolveConfig.
// Validation of the content belongs to the core; this module only deals with files and syntax.
import * as fs from 'node:fs';
// The ESM build: the package's UMD main uses dynamic requires that esbuild cannot bundle.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { describeFsError } from './files';

/** The config file name looked up by tools; the CLI takes an explicit --config for now. */
export const CONFIG_FILE_NAME = '.trustlintrc.json';

export type ConfigFileResult =
  | { ok: true; path: string; value: Record<string, unknown> }
  | { ok: false; path: string; message: string };

/** Reads and parses a config file. Errors name the line and column of the first syntax error. */
export function loadConfigFile(file: string): ConfigFileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, path: file, message: `cannot read the config file: ${describeFsError(error)}` };
  }
  return parseConfigText(text, file);
}

/** Parses config text (JSON with comments and trailing commas). */
export function parseConfigText(text: string, file: string): ConfigFileResult {
  const errors: ParseError[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const value: unknown = parse(body, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    const { line, column } = lineColumn(body, first.offset);
    return { ok: false, path: file, message: `${line}:${column}: ${describeParseError(first)}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, path: file, message: 'the config must be a JSON object ({ ... })' };
  }
  return { ok: true, path: file, value: value as Record<string, unknown> };
}

function describeParseError(error: ParseError): string {
  // printParseErrorCode gives names like "PropertyNameExpected"; spell them as words.
  const name = printParseErrorCode(error.error);
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `JSON syntax error: ${words}`;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
