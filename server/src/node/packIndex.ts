// Loads the shipped pack's prefilter index that the build writes next to the bundles (dist/pack-index.json),
// so the server and the CLI start without parsing every pattern. Missing or stale: the core computes it itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useBuiltinIndex } from '../core';

/** File name of the index, beside dist/server.js and dist/cli.js. */
export const PACK_INDEX_FILE = 'pack-index.json';

/** Offers dist/pack-index.json to the core; returns whether it was used. Never throws. */
export function loadPackIndex(dir: string = __dirname): boolean {
  try {
    return useBuiltinIndex(JSON.parse(fs.readFileSync(path.join(dir, PACK_INDEX_FILE), 'utf8')));
  } catch {
    return false;
  }
}
