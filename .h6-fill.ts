// Temporary helper (deleted after use): fills "__TBD__" fixed values from the rule's preferred fix.
import * as fs from 'node:fs';
import { lint, applyFixes } from './server/src/core';
const R = '/work/main/server/src/core/rules/';
for (const f of ['manipulative-trickery', 'leading-questions', 'conversation-control', 'false-intimacy', 'combat-metaphor', 'persistence-nagging']) {
  const d = JSON.parse(fs.readFileSync(R + f + '.json', 'utf8'));
  let changed = false;
  for (const r of d.rules) {
    for (const e of r.examples.flag) {
      if (e.fixed !== '__TBD__') continue;
      const fi = lint(e.text, { languageId: 'playbook' }).findings.find((x) => x.ruleId === r.id);
      if (!fi) { console.log('NO MATCH', r.id, '|', e.text); continue; }
      e.fixed = applyFixes(e.text, [fi.fixes[0]]).text; changed = true;
      const rest = lint(e.fixed, { languageId: 'playbook' }).findings;
      if (rest.length) console.log('FIXED NOT CLEAN', r.id, '|', e.fixed, rest.map((x) => x.ruleId).join(','));
    }
  }
  if (changed) { fs.writeFileSync(R + f + '.json.tmp-h6', JSON.stringify(d, null, 2) + '\n'); fs.renameSync(R + f + '.json.tmp-h6', R + f + '.json'); }
}
