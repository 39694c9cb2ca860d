// `npm run eval`: a quality report, not a pass/fail test.
// Recall on labelled dark-pattern strings, the flag rate on honest ones, and findings per 10,000 words
// on real sales handbooks. Reads ../shared/corpus (or TRUSTLINT_CORPUS); never copies it into the repo.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, type Finding } from '../server/src/core';

const root = path.resolve(__dirname, '..');
const corpus = process.env.TRUSTLINT_CORPUS ?? path.resolve(root, '../shared/corpus');
const verbose = process.argv.includes('--verbose');
const write = process.argv.includes('--write');

if (!fs.existsSync(corpus)) {
  console.log(`Trustlint eval: the corpus folder ${corpus} is not here, so there is nothing to measure.`);
  console.log('Set TRUSTLINT_CORPUS to a folder with darkpatterns-*.tsv, playbooks/ and speed/ (see docs/QUALITY.md).');
  process.exit(0);
}

interface Row { text: string; label: string; cls: string }

function readTsv(file: string): Row[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n');
  const cols = header.split('\t');
  const t = cols.indexOf('text');
  const l = cols.indexOf('label');
  const c = cols.indexOf('trustlint_class');
  return lines.filter(Boolean).map((line) => {
    const f = line.split('\t');
    return { text: f[t], label: f[l], cls: f[c] };
  });
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const out: string[] = [];
const say = (s = '') => { console.log(s); out.push(s); };
const started = Date.now();

// 1. Recall per class on Mathur et al. (positives only), strings with letters.
const mathur = readTsv(path.join(corpus, 'darkpatterns-mathur2019.tsv')).filter((r) => /\p{L}/u.test(r.text));
const classes = ['urgency', 'scarcity', 'confirmshaming', 'pressured_selling', 'social_proof'];
say('## Recall on darkpatterns-mathur2019.tsv (strings with letters)');
say('');
say('| class | flagged | total | recall |');
say('| --- | --- | --- | --- |');
let combinedHit = 0;
let combinedTotal = 0;
const missed: string[] = [];
for (const cls of classes) {
  const rows = mathur.filter((r) => r.cls === cls);
  let hit = 0;
  for (const r of rows) {
    if (lint(r.text).findings.length) hit++;
    else if (verbose) missed.push(`  missed [${cls}] ${r.text}`);
  }
  if (cls !== 'social_proof') { combinedHit += hit; combinedTotal += rows.length; }
  say(`| ${cls} | ${hit} | ${rows.length} | ${pct(hit, rows.length)} |`);
}
say(`| urgency + scarcity + confirmshaming + pressured_selling | ${combinedHit} | ${combinedTotal} | ${pct(combinedHit, combinedTotal)} |`);
say('');

// 2. False positives on honest e-commerce strings.
const ec = readTsv(path.join(corpus, 'darkpatterns-ec-yada2022.tsv')).filter((r) => r.label === '0');
const falsePositives: Array<[string, Finding[]]> = [];
for (const r of ec) {
  const f = lint(r.text).findings;
  if (f.length) falsePositives.push([r.text, f]);
}
say('## Honest strings flagged (darkpatterns-ec-yada2022.tsv, label 0)');
say('');
say(`${falsePositives.length} of ${ec.length} flagged: ${pct(falsePositives.length, ec.length)}`);
say('');

// 3. Real handbooks: findings per 10,000 words.
function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.(md|markdown|playbook)$/.test(e.name) ? [p] : [];
  });
}
say('## Findings on real handbooks');
say('');
say('| corpus | files | words | findings | per 10,000 words |');
say('| --- | --- | --- | --- | --- |');
const listed: string[] = [];
for (const [name, dir] of [['playbooks', path.join(corpus, 'playbooks')], ['speed (Sourcegraph handbook)', path.join(corpus, 'speed')]] as const) {
  const files = walk(dir);
  let words = 0;
  let count = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    words += text.split(/\s+/).filter(Boolean).length;
    const findings = lint(text, { languageId: 'markdown' }).findings;
    count += findings.length;
    for (const f of findings) {
      const line = text.slice(0, f.start).split('\n').length;
      listed.push(`  ${path.relative(corpus, file)}:${line} [${f.ruleId} ${f.severity}] ${f.text}`);
    }
  }
  say(`| ${name} | ${files.length} | ${words} | ${count} | ${((count * 10000) / Math.max(1, words)).toFixed(2)} |`);
}
say('');
say(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);

if (verbose) {
  console.log('\nHonest strings flagged:');
  for (const [t, f] of falsePositives) console.log(`  ${t}  -> ${f.map((x) => `${x.ruleId}: ${x.text}`).join('; ')}`);
  console.log('\nHandbook findings:');
  for (const l of listed) console.log(l);
  console.log('\nMissed positives:');
  for (const m of missed) console.log(m);
}

if (write) {
  const file = path.join(root, 'docs/QUALITY.md');
  const doc = fs.readFileSync(file, 'utf8');
  const begin = '<!-- eval:begin -->';
  const end = '<!-- eval:end -->';
  const next = doc.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), `${begin}\n${out.join('\n')}\n${end}`);
  fs.writeFileSync(file, next);
  console.log(`\nWrote the figures to ${path.relative(root, file)}.`);
}
