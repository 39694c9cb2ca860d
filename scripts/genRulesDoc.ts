// `npm run docs`: rewrites docs/rules.md from the rule pack.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderRulesDoc } from './rulesDoc';

const file = path.resolve(__dirname, '../docs/rules.md');
fs.writeFileSync(file, renderRulesDoc());
console.log(`Wrote ${path.relative(process.cwd(), file)}.`);
