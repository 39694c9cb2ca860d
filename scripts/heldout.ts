// Scores Trustlint on a labelled set kept outside the repository (not a test: a report).
//   npx tsx scripts/heldout.ts DIR [--verbose] [--rules-only]
// DIR holds sentences.tsv (label<TAB>category<TAB>text, label coercive|honest) and optionally
// playbooks/*.md with <name>.labels.tsv beside each (line<TAB>coercive|honest-hard<TAB>category<TAB>note).
// A sentence counts as flagged when any phrase rule fires on it (structural playbook checks are left out).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, resolveConfig, type Finding } from '../server/src/core';

const dir = process.argv[2];
// Piped into `head`: a closed pipe is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const verbose = process.argv.includes('--verbose');
// --rules-only leaves the learned check out, to see what the rule pack alone catches.
const rulesOnly = process.argv.includes('--rules-only');
const resolved = resolveConfig(rulesOnly ? { rules: { 'possible-pressure': 'off' } } : {});
const config = resolved.ok ? resolved.value : undefined;
if (!dir || !fs.existsSync(dir)) {
  console.error(`usage: npx tsx scripts/heldout.ts DIR [--verbose] [--rules-only]  (${dir ?? 'no DIR'} not found)`);
  process.exit(2);
}
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
const phrase = (f: Finding) => f.category !== 'playbook';

const sentencesFile = path.join(dir, 'sentences.tsv');
if (fs.existsSync(sentencesFile)) {
  const rows = fs.readFileSync(sentencesFile, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
  const byCat = new Map<string, { n: number; hit: number }>();
  let coercive = 0, caught = 0, honest = 0, flagged = 0;
  const misses: string[] = [], falses: string[] = [];
  for (const [label, category, text] of rows) {
    const found = lint(text, { languageId: 'playbook', config }).findings.filter(phrase);
    if (label === 'coercive') {
      coercive++;
      const c = byCat.get(category) ?? { n: 0, hit: 0 };
      c.n++;
      if (found.length) { caught++; c.hit++; } else misses.push(`${category}\t${text}`);
      byCat.set(category, c);
    } else {
      honest++;
      if (found.length) { flagged++; falses.push(`${found.map((f) => f.ruleId).join(',')}\t${text}`); }
    }
  }
  console.log(`sentences: recall ${pct(caught, coercive)} (${caught}/${coercive}), honest flagged ${pct(flagged, honest)} (${flagged}/${honest})`);
  for (const [cat, c] of [...byCat].sort()) console.log(`  ${cat.padEnd(24)} ${pct(c.hit, c.n).padStart(6)} (${c.hit}/${c.n})`);
  if (verbose) {
    console.log('\nmissed:'); for (const m of misses) console.log('  ' + m);
    console.log('\nhonest flagged:'); for (const f of falses) console.log('  ' + f);
  }
}

const pbDir = path.join(dir, 'playbooks');
if (fs.existsSync(pbDir)) {
  let coercive = 0, caught = 0, hard = 0, hardFlagged = 0, otherFlagged = 0, otherLines = 0;
  for (const file of fs.readdirSync(pbDir).filter((f) => f.endsWith('.md')).sort()) {
    const text = fs.readFileSync(path.join(pbDir, file), 'utf8');
    const labelsFile = path.join(pbDir, file.replace(/\.md$/, '.labels.tsv'));
    const labels = new Map<number, string[]>();
    if (fs.existsSync(labelsFile)) for (const l of fs.readFileSync(labelsFile, 'utf8').split('\n').filter(Boolean)) { const p = l.split('\t'); labels.set(Number(p[0]), p); }
    const lineStarts = [0];
    for (let k = 0; k < text.length; k++) if (text[k] === '\n') lineStarts.push(k + 1);
    const lineOf = (o: number) => { let lo = 0, hi = lineStarts.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (lineStarts[m] <= o) lo = m; else hi = m - 1; } return lo + 1; };
    const flaggedLines = new Map<number, string[]>();
    for (const f of lint(text, { languageId: 'playbook', config }).findings.filter(phrase)) {
      const line = lineOf(f.start);
      flaggedLines.set(line, [...(flaggedLines.get(line) ?? []), f.ruleId]);
    }
    const lines = text.split('\n');
    for (const [line, p] of labels) {
      if (p[1] === 'coercive') {
        coercive++;
        if (flaggedLines.has(line)) caught++; else if (verbose) console.log(`  missed ${file}:${line} [${p[2]}] ${lines[line - 1]}`);
      } else {
        hard++;
        if (flaggedLines.has(line)) { hardFlagged++; if (verbose) console.log(`  FALSE ${file}:${line} ${flaggedLines.get(line)!.join(',')} ${lines[line - 1]}`); }
      }
    }
    for (const [line, ids] of flaggedLines) {
      if (labels.has(line)) continue;
      otherFlagged++;
      if (verbose) console.log(`  unlabelled flag ${file}:${line} ${ids.join(',')} ${lines[line - 1]}`);
    }
    otherLines += lines.filter((l, k) => l.trim() && !labels.has(k + 1)).length;
  }
  console.log(`playbooks: coercive lines caught ${pct(caught, coercive)} (${caught}/${coercive}), hard honest lines flagged ${pct(hardFlagged, hard)} (${hardFlagged}/${hard}), other lines flagged ${otherFlagged}/${otherLines}`);
}
