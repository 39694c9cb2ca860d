// Prints which rules flag each line: npx tsx scripts/probe.ts "Act now!" (or lines on stdin).
import * as fs from 'node:fs';
import { lint } from '../server/src/core';
const lines = process.argv.slice(2).length ? process.argv.slice(2) : fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
for (const t of lines) {
  const f = lint(t, { languageId: 'playbook' }).findings.filter((x) => x.category !== 'playbook');
  console.log(f.length ? 'FLAG' : '----', t, f.length ? '=> ' + f.map((x) => `${x.ruleId}/${x.severity}`).join(',') : '');
}
