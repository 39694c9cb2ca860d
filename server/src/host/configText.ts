// Parses `.trustlintrc.json` text (JSON with comments) into the raw object for core.resolveConfig.
// Pure, so the Node build and the browser build share it; validation of the content belongs to the core.
// The ESM build: the package's UMD main uses dynamic requires that esbuild cannot bundle.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';

/** The config file name looked up by tools; the CLI takes an explicit --config for now. */
export const CONFIG_FILE_NAME = '.trustlintrc.json';

export type ConfigFileResult =
  | { ok: true; path: string; value: Record<string, unknown> }
  | { ok: false; path: string; message: string };

/** Parses config text (JSON with comments and trailing commas). Errors name the line and column of the first syntax error. */
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
