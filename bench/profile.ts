// Ad-hoc CPU profile helper: node --cpu-prof --import tsx bench/profile.ts [chars]
import { lint } from '../server/src/core';
import { generatePlaybook } from './generate';
const text = generatePlaybook(Number(process.argv[2] ?? 1_000_000));
lint(text);
const t0 = performance.now();
for (let k = 0; k < 3; k++) lint(text);
console.log(`${((performance.now() - t0) / 3).toFixed(1)} ms per lint of ${(text.length / 1e6).toFixed(2)} MB`);
