// Writes the shipped pack's prefilter index (see PackIndex in server/src/core/pack.ts): node esbuild.mjs runs it
// after bundling, so dist/pack-index.json always matches the rules in the bundles beside it.
import * as fs from 'node:fs';
import { buildBuiltinIndex } from '../server/src/core';

const out = process.argv[2];
if (!out) {
  console.error('usage: buildPackIndex OUTPUT.json');
  process.exit(2);
}
fs.writeFileSync(out, JSON.stringify(buildBuiltinIndex()));
