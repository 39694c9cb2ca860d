// Peak RSS of one process that lints a file (or, with --baseline, only reads it): node --import tsx bench/rss.ts FILE
import * as fs from 'node:fs';
import { lint } from '../server/src/core';
const text = fs.readFileSync(process.argv[2], 'utf8');
if (!process.argv.includes('--baseline')) lint(text, { languageId: 'playbook' });
console.log(Math.round(process.resourceUsage().maxRSS / 1024));
