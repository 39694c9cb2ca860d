// The honest measurement of the sentence model (not a test: a report).
//   npx tsx scripts/modelEval.ts [--final DIR] [--no-corpus] [--bits=16 --catBits=10 --epochs=6 --l2=1e-5 --rate=0.5 --background=2
//        --seeds=1 --classWeight=1 --no-skip --no-stems --no-norm]
// 1. Leave-one-set-out over data/labelled: for each set X, train on the other sets and score X's sentences with
//    (a) the rules alone, (b) the model alone, (c) rules OR model, at several thresholds. A training sentence that
//    also appears in the held-out set (same words) is left out of that fold, so a copy cannot inflate the figure.
// 2. Real honest text (/work/shared/corpus): model findings per 10,000 words on handbook and playbook prose, and
//    the flag rate on the e-commerce negatives. Nothing here is trained on.
// 3. The operating point: the lowest threshold at which both limits hold, the model alone flagging at most 1.5% of
//    the held-out honest sentences (pooled over our writers' sets, repo.tsv left out) and at most 0.5 findings per
//    10,000 words of handbook prose (model alone, so the limit holds however the rules change); recall per set there. COERCIVE_THRESHOLD is set from this.
// 4. --final DIR scores a held-out set once with the model trained on everything (use it once, at the end).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../server/src/core';
import { classifyWith, classifySentence, COERCIVE_THRESHOLD, loadModel, type LoadedModel } from '../server/src/core/classifier';
import { DEFAULT_TRAIN, LABELLED_DIR, MODEL_FILE, proseSentences, readBackground, readLabelled, train, type Row, type TrainOptions } from './trainModel';

const CORPUS = '/work/shared/corpus';
const THRESHOLDS = [0.5, 0.7, 0.8, 0.85, 0.86, 0.9, 0.95, 0.97];
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const num = (name: string, d: number) => { const a = args.find((x) => x.startsWith(`--${name}=`)); return a ? Number(a.split('=')[1]) : d; };
const finalDir = (() => { const k = args.indexOf('--final'); return k >= 0 ? args[k + 1] : undefined; })();

const opts: TrainOptions = {
  ...DEFAULT_TRAIN,
  features: { skip: !flag('no-skip'), stems: !flag('no-stems'), norm: !flag('no-norm') },
  bits: num('bits', DEFAULT_TRAIN.bits),
  catEpochs: num('catEpochs', DEFAULT_TRAIN.catEpochs),
  catBits: num('catBits', DEFAULT_TRAIN.catBits),
  epochs: num('epochs', DEFAULT_TRAIN.epochs),
  rate: num('rate', DEFAULT_TRAIN.rate),
  l2: num('l2', DEFAULT_TRAIN.l2),
  background: num('background', DEFAULT_TRAIN.background),
  seeds: num('seeds', DEFAULT_TRAIN.seeds ?? 1),
  classWeight: num('classWeight', DEFAULT_TRAIN.classWeight ?? 1),
};
/** Limits of the operating point: honest sentences flagged by the model alone, and handbook findings per 10k words. */
const HONEST_BUDGET = 0.015, HANDBOOK_BUDGET = 0.5;
const background = readBackground(opts.background);

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
const ruleMemo = new Map<string, boolean>();
/**
 * True when any phrase rule fires on the sentence (structural playbook checks left out, as in scripts/heldout.ts).
 * The learned check's own findings are left out too: they come from the shipped model, trained on every set.
 */
function rulesFlag(text: string): boolean {
  let r = ruleMemo.get(text);
  if (r === undefined) {
    r = lint(text, { languageId: 'playbook' }).findings.some((f) => f.category !== 'playbook' && f.ruleId !== 'possible-pressure');
    ruleMemo.set(text, r);
  }
  return r;
}

interface Scored { set: string; label: 0 | 1; category: string; rule: boolean; score: number; predicted: string }

function summarise(name: string, s: Scored[]): string[] {
  const pos = s.filter((x) => x.label === 1), neg = s.filter((x) => x.label === 0);
  const cell = (f: (x: Scored) => boolean) => `${pct(pos.filter(f).length, pos.length).padStart(6)} / ${pct(neg.filter(f).length, neg.length).padStart(5)}`;
  const line = [`${name.padEnd(7)} ${String(pos.length).padStart(4)} ${String(neg.length).padStart(4)}  rules ${cell((x) => x.rule)}`];
  for (const t of THRESHOLDS) line.push(`  t=${t}: model ${cell((x) => x.score >= t)}  rules|model ${cell((x) => x.rule || x.score >= t)}`);
  const catOk = pos.filter((x) => x.predicted === x.category).length;
  line.push(`  category of coercive sentences right: ${pct(catOk, pos.length)}`);
  return line;
}

function looEval(rows: Row[]): Scored[] {
  const sets = [...new Set(rows.map((r) => r.set))].sort();
  const all: Scored[] = [];
  const allLines: Scored[] = [];
  console.log('Leave-one-set-out (recall / honest flagged), sentences.tsv of the held-out set:');
  for (const x of sets) {
    const held = new Set(rows.filter((r) => r.set === x).map((r) => sameWords(r.text)));
    const model = loadModel(train([...rows.filter((r) => r.set !== x && !held.has(sameWords(r.text))), ...background], opts));
    const score = (r: Row): Scored => {
      const c = classifyWith(model, r.text);
      return { set: x, label: r.label, category: r.category, rule: rulesFlag(r.text), score: c.score, predicted: c.category };
    };
    // The set's sentences file is the comparable figure; its playbook lines are scored apart below.
    const sentences = rows.filter((r) => r.set === x && !r.text.startsWith('\u0000'));
    const own = sentences.filter((r) => !isPlaybookRow(r)).map(score);
    allLines.push(...sentences.filter(isPlaybookRow).map(score));
    for (const l of summarise(x, own)) console.log(l);
    all.push(...own);
  }
  console.log('');
  for (const l of summarise('pooled', all)) console.log(l);
  if (allLines.length) {
    console.log('\nPlaybook lines of the held-out sets (coercive lines vs honest-hard and plain lines):');
    for (const l of summarise('lines', allLines)) console.log(l);
  }
  return all;
}

/** A sentence's words only (lower case), to spot the same sentence in two sets. */
function sameWords(text: string): string {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(' ');
}

// Playbook rows were read from <set>.playbooks.tsv; readLabelled keeps the file's set only, so mark them here.
const playbookTexts = new Set<string>();
function isPlaybookRow(r: Row): boolean {
  return playbookTexts.has(`${r.set}\t${r.text}`);
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const words = (s: string) => (s.match(/[A-Za-z0-9']+/g) ?? []).length;

/** Handbook prose: its model scores and word count (for the operating point). */
interface Handbook { scores: number[]; words: number }

function corpusEval(model: LoadedModel): Handbook | undefined {
  if (!fs.existsSync(CORPUS)) { console.log(`\nCorpus ${CORPUS} not found: handbook and e-commerce figures skipped.`); return undefined; }
  let handbook: Handbook | undefined;
  const groups: Array<[string, string[]]> = [];
  const speed = path.join(CORPUS, 'speed');
  if (fs.existsSync(speed)) groups.push(['handbook (speed/)', walk(speed).filter((f) => f.endsWith('.md'))]);
  const pb = path.join(CORPUS, 'playbooks');
  if (fs.existsSync(pb)) groups.push(['playbooks/', walk(pb).filter((f) => f.endsWith('.md'))]);
  console.log('\nReal honest text: findings per 10,000 words (sentences scored one by one)');
  for (const [name, files] of groups) {
    const sents = files.flatMap((f) => proseSentences(fs.readFileSync(f, 'utf8')));
    const w = sents.reduce((a, s) => a + words(s), 0);
    const scored = sents.map((s) => ({ s, score: classifyWith(model, s).score, rule: rulesFlag(s) }));
    const per10k = (n: number) => ((n * 10000) / w).toFixed(2);
    const ruleN = scored.filter((x) => x.rule).length;
    // All sentences, not just those the rules left: the limit then holds whatever the rule pack does.
    if (name.startsWith('handbook')) handbook = { scores: scored.map((x) => x.score), words: w };
    console.log(`${name}: ${files.length} files, ${sents.length} sentences, ${w} words; rules alone ${ruleN} (${per10k(ruleN)}/10k)`);
    for (const t of THRESHOLDS) {
      const m = scored.filter((x) => x.score >= t).length, extra = scored.filter((x) => x.score >= t && !x.rule).length;
      console.log(`  t=${t}: model ${String(m).padStart(4)} (${per10k(m)}/10k), added to rules ${String(extra).padStart(4)} (${per10k(extra)}/10k), rules|model ${per10k(ruleN + extra)}/10k`);
    }
    if (flag('show')) for (const x of scored.filter((x) => x.score >= COERCIVE_THRESHOLD && !x.rule).sort((a, b) => b.score - a.score).slice(0, 40)) console.log(`    ${x.score.toFixed(3)} ${x.s.slice(0, 160)}`);
  }
  const ec = path.join(CORPUS, 'darkpatterns-ec-yada2022.tsv');
  if (fs.existsSync(ec)) {
    const lines = fs.readFileSync(ec, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
    const neg = lines.filter((p) => p[1] === '0').map((p) => p[0]);
    const posRows = lines.filter((p) => p[1] === '1' && ['urgency', 'scarcity', 'confirmshaming', 'pressured_selling'].includes(p[5])).map((p) => p[0]);
    const ns = neg.map((s) => ({ score: classifyWith(model, s).score, rule: rulesFlag(s) }));
    const ps = posRows.map((s) => ({ score: classifyWith(model, s).score, rule: rulesFlag(s) }));
    console.log(`\ne-commerce strings (ec-yada2022): ${neg.length} negatives, ${ps.length} positives of the pressure classes; rules alone flag ${pct(ns.filter((x) => x.rule).length, ns.length)} of negatives, catch ${pct(ps.filter((x) => x.rule).length, ps.length)} of positives`);
    for (const t of THRESHOLDS) {
      console.log(`  t=${t}: negatives flagged model ${pct(ns.filter((x) => x.score >= t).length, ns.length).padStart(5)}, rules|model ${pct(ns.filter((x) => x.rule || x.score >= t).length, ns.length).padStart(5)}; positives caught rules|model ${pct(ps.filter((x) => x.rule || x.score >= t).length, ps.length)}`);
    }
  } else console.log('\ne-commerce strings: file not found, skipped.');
  return handbook;
}

/**
 * The operating point: the lowest threshold at which the model alone flags at most HONEST_BUDGET of the held-out
 * honest sentences of our writers' sets and adds at most HANDBOOK_BUDGET findings per 10k handbook words.
 */
function operatingPoint(scored: Scored[], handbook: Handbook | undefined): void {
  const own = scored.filter((x) => x.set !== 'repo');
  const desc = (a: number[]) => [...a].sort((p, q) => q - p);
  const neg = desc(own.filter((x) => x.label === 0).map((x) => x.score));
  // A threshold just above the (k+1)-th highest score lets at most k through.
  const above = (sorted: number[], k: number) => (k < sorted.length ? Math.min(1, sorted[k] + 1e-6) : 0);
  const tHonest = above(neg, Math.floor(HONEST_BUDGET * neg.length));
  const tHandbook = handbook ? above(desc(handbook.scores), Math.floor((HANDBOOK_BUDGET * handbook.words) / 10000)) : 0;
  const t = Math.max(tHonest, tHandbook);
  console.log(`\nOperating point: honest ≤ ${HONEST_BUDGET * 100}% needs t ≥ ${tHonest.toFixed(3)}; handbook ≤ ${HANDBOOK_BUDGET}/10k words needs t ≥ ${tHandbook.toFixed(3)}; so t = ${t.toFixed(3)} (COERCIVE_THRESHOLD is ${COERCIVE_THRESHOLD})`);
  const sets = [...new Set(own.map((x) => x.set))].sort();
  for (const at of [t, COERCIVE_THRESHOLD]) {
    console.log(`  at t=${at.toFixed(3)} (recall / honest flagged):          model           rules|model`);
    for (const x of [...sets, 'pooled']) {
      const s = own.filter((o) => x === 'pooled' || o.set === x);
      const pos = s.filter((o) => o.label === 1), negs = s.filter((o) => o.label === 0);
      const cell = (f: (o: Scored) => boolean) => `${pct(pos.filter(f).length, pos.length).padStart(6)} / ${pct(negs.filter(f).length, negs.length).padStart(5)}`;
      console.log(`    ${x.padEnd(7)} rules ${cell((o) => o.rule)}   ${cell((o) => o.score >= at)}   ${cell((o) => o.rule || o.score >= at)}`);
    }
    if (handbook) console.log(`    handbook: model alone ${((handbook.scores.filter((v) => v >= at).length * 10000) / handbook.words).toFixed(2)} findings per 10k words`);
  }
}

function speedCheck(rows: Row[]): void {
  const texts = rows.map((r) => r.text);
  for (const t of texts) classifySentence(t); // warm up (and load the shipped model)
  const reps = 20;
  const t0 = process.hrtime.bigint();
  let sink = 0;
  for (let k = 0; k < reps; k++) for (const t of texts) sink += classifySentence(t).score;
  const us = Number(process.hrtime.bigint() - t0) / 1000 / (reps * texts.length);
  const avgChars = texts.reduce((a, t) => a + t.length, 0) / texts.length;
  console.log(`\nScoring speed (shipped model): ${us.toFixed(2)} µs per sentence (mean ${avgChars.toFixed(0)} chars; checksum ${sink.toFixed(1)})`);
  if (fs.existsSync(MODEL_FILE)) console.log(`Model file: ${fs.statSync(MODEL_FILE).size} bytes`);
}

function finalEval(dir: string, model: LoadedModel, t: number): void {
  const file = path.join(dir, 'sentences.tsv');
  if (!fs.existsSync(file)) { console.log(`\n--final: ${file} not found.`); return; }
  const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
  let pos = 0, neg = 0, r = 0, m = 0, c = 0, rf = 0, mf = 0, cf = 0;
  for (const [label, , text] of rows) {
    const rule = rulesFlag(text), mod = classifyWith(model, text).score >= t;
    if (label === 'coercive') { pos++; r += +rule; m += +mod; c += +(rule || mod); } else { neg++; rf += +rule; mf += +mod; cf += +(rule || mod); }
  }
  console.log(`\nFinal held-out ${dir} (scored once, t=${t}): ${pos} coercive, ${neg} honest`);
  console.log(`  rules ${pct(r, pos)} / ${pct(rf, neg)}; model ${pct(m, pos)} / ${pct(mf, neg)}; rules|model ${pct(c, pos)} / ${pct(cf, neg)}  (recall / honest flagged)`);
}

function main(): void {
  if (!fs.existsSync(LABELLED_DIR)) {
    console.log(`No labelled data at ${LABELLED_DIR} (run npx tsx scripts/trainModel.ts --import). Nothing to evaluate.`);
    return;
  }
  for (const file of fs.readdirSync(LABELLED_DIR).filter((f) => f.endsWith('.playbooks.tsv'))) {
    const set = file.split('.')[0];
    for (const line of fs.readFileSync(path.join(LABELLED_DIR, file), 'utf8').split('\n')) if (line) playbookTexts.add(`${set}\t${line.split('\t')[2]}`);
  }
  const rows = readLabelled();
  console.log(`Training options: ${JSON.stringify(opts)}\n`);
  const scored = flag('no-loo') ? [] : looEval(rows);
  const full = loadModel(train([...rows, ...background], opts));
  console.log(`\nBackground sentences (package READMEs, honest): ${background.length}`);
  const handbook = flag('no-corpus') ? undefined : corpusEval(full);
  if (scored.length) operatingPoint(scored, handbook);
  if (finalDir) finalEval(finalDir, full, num('t', COERCIVE_THRESHOLD));
  speedCheck(rows);
}

main();
