// Ad-hoc CPU profile over the real handbook corpus: node --cpu-prof --import tsx bench/profileCorpus.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../server/src/core';
const dir = path.resolve(__dirname, '../../shared/corpus/speed');
const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.md') ? [path.join(d, e.name)] : []));
const texts = walk(dir).map((f) => fs.readFileSync(f, 'utf8'));
for (const t of texts) lint(t);
const t0 = performance.now();
let n = 0;
for (const t of texts) n += lint(t).findings.length;
const mb = texts.reduce((a, t) => a + t.length, 0) / 1e6;
console.log(`${(performance.now() - t0).toFixed(0)} ms for ${mb.toFixed(2)} MB, ${n} findings`);
