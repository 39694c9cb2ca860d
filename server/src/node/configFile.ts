// Reads a `.trustlintrc.json` (JSON with comments) and returns the raw object for core.resolveConfig.
// Validation of the content belongs to the core; this module only deals with files. The parser itself is pure
// (host/configText.ts) so the browser build shares it.
import * as fs from 'node:fs';
import { parseConfigText, type ConfigFileResult } from '../host/configText';
import { describeFsError } from './files';

export { CONFIG_FILE_NAME, parseConfigText, type ConfigFileResult } from '../host/configText';

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
