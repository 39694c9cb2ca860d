// Ad-hoc CPU profile of one-character edits with the chunk cache: node --cpu-prof --import tsx bench/profileEdit.ts
import { createLintCache, lint } from '../server/src/core';
import { generatePlaybook } from './generate';
let text = generatePlaybook(1_000_000);
const cache = createLintCache();
lint(text, { languageId: 'playbook', cache });
let seed = 1;
const times: number[] = [];
for (let k = 0; k < 400; k++) {
  seed = (seed * 48271) % 2147483647;
  const at = seed % text.length;
  text = text.slice(0, at) + 'x' + text.slice(at);
  const t0 = performance.now();
  lint(text, { languageId: 'playbook', cache });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`p50 ${times[200].toFixed(2)} ms, p95 ${times[380].toFixed(2)} ms`);
