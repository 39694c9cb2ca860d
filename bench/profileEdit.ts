// Ad-hoc CPU profile of one-character edits with the chunk cache and the record of each edit, as the server lints:
//   node --cpu-prof --import tsx bench/profileEdit.ts [chars]
import { addChange, createLintCache, lint } from '../server/src/core';
import { generatePlaybook } from './generate';
let text = generatePlaybook(Number(process.argv[2] ?? 1_000_000));
const cache = createLintCache();
lint(text, { languageId: 'playbook', cache });
let seed = 1;
const times: number[] = [];
for (let k = 0; k < 400; k++) {
  seed = (seed * 48271) % 2147483647;
  const at = seed % text.length;
  text = text.slice(0, at) + 'x' + text.slice(at);
  // The editor's copy is flat before it lints (TextDocument.update reads it); flattening is not the linter's cost.
  text.charCodeAt(at);
  const t0 = performance.now();
  lint(text, { languageId: 'playbook', cache, changed: addChange(undefined, at, at, 1) });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`p50 ${times[200].toFixed(2)} ms, p95 ${times[380].toFixed(2)} ms`);
