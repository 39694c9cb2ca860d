// The string formats the SARIF schema uses, so Ajv checks them instead of ignoring them
// (ajv-formats is not a dependency; these follow RFC 3986 and RFC 3339 closely enough for tests).
import type Ajv from 'ajv';

/** Characters RFC 3986 never allows unencoded, and a '%' not followed by two hex digits. */
const BAD_URI_CHARS = /[\s<>"{}|\\^`]|%(?![0-9a-fA-F]{2})/;

export default function addFormats(ajv: Ajv): Ajv {
  ajv.addFormat('uri', (s: string) => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s) && !BAD_URI_CHARS.test(s));
  ajv.addFormat('uri-reference', (s: string) => !BAD_URI_CHARS.test(s));
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
  return ajv;
}
