// Peak RSS of one process that lints a file (or, with --baseline, only reads it), with the pack index loaded as shipped. Bundled and run with plain
// node by bench/run.ts, so the figure is the shipped code's, not TypeScript loading's.
// Prints "peakMB regexCodeMB": the second is V8 code space, which holds the compiled pattern regexes.
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import { lint } from '../server/src/core';
import { loadPackIndex } from '../server/src/node/packIndex';
// As the CLI and the server do: the build's precomputed prefilter index (dist/, passed as --dist DIR).
const dist = process.argv[process.argv.indexOf('--dist') + 1];
if (process.argv.includes('--dist')) loadPackIndex(dist);
const text = fs.readFileSync(process.argv[2], 'utf8');
if (!process.argv.includes('--baseline')) lint(text, { languageId: 'playbook' });
const code = v8.getHeapSpaceStatistics().filter((s) => s.space_name.startsWith('code')).reduce((a, s) => a + s.space_used_size, 0);
console.log(`${Math.round(process.resourceUsage().maxRSS / 1024)} ${Math.round(code / 1e6)}`);
