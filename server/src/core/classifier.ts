// A small learned sentence model used alongside the rule pack: hashed word features, logistic regression for
// "is this sentence coercive?" and a softmax over the 18 categories for "which tactic?". Trained by
// scripts/trainModel.ts from data/labelled; measured by scripts/modelEval.ts. Pure: no fs, no globals beyond caches.
import model from './model/sentenceModel.json';
import { matchText } from './pattern';
import { CATEGORIES, type Category } from './types';

/** Which feature families a model was trained with; stored in the model so scoring always matches training. */
export interface FeatureOptions {
  /** Word pairs one word apart ("you … now"). */
  skip: boolean;
  /** A crude suffix-stripped form of each word, so "deciding" and "decide" share a feature. */
  stems: boolean;
  /** Scale every feature by 1/sqrt(count) so long sentences do not score high just by being long. */
  norm: boolean;
}

/** The model file's shape (server/src/core/model/sentenceModel.json). */
export interface SentenceModelData {
  version: number;
  /** sha256 of the training data, so a test can tell whether the shipped model is current. */
  dataHash: string;
  features: FeatureOptions;
  /** log2 of the number of weight buckets of the coercive model. */
  bits: number;
  bias: number;
  scale: number;
  /** base64 of int8 weights, one per bucket; weight = byte * scale. */
  weights: string;
  /** log2 of the number of buckets of the category model. */
  catBits: number;
  categories: string[];
  catBias: number[];
  catScale: number;
  /** base64 of int8 weights, bucket-major: bucket * categories.length + category. */
  catWeights: string;
}

/** The result of scoring one sentence. */
export interface SentenceScore {
  /** Probability (0–1) that the sentence is coercive. */
  score: number;
  /** The most likely tactic, meaningful when the score is high. */
  category: Category;
}

/**
 * Recommended threshold: flag a sentence the rules did not flag when its score is at least this.
 * Chosen from leave-one-set-out results and the handbook false-positive rate (scripts/modelEval.ts), never from set B:
 * the lowest at which the model alone flags at most 1.5% of the held-out honest sentences and adds at most 0.5
 * findings per 10,000 handbook words (model alone; 0.875 for the current model), rounded up.
 */
export const COERCIVE_THRESHOLD = 0.88;

/** Longest input looked at; a longer "sentence" is scored on its first part (keeps the cost bounded). */
export const MAX_SENTENCE_CHARS = 2000;

// Feature kinds, mixed into every hash so a unigram and a bigram of the same words never share an id.
const K_UNI = 0x1b873593, K_BI = 0x2c1b3c6d, K_SKIP = 0x297a2d39, K_STEM = 0x68e31da4, K_SHAPE = 0x5bd1e995;
const START = 0x0a1b2c3d, END = 0x3d2c1b0a, NUM = 0x7f4a7c15;
const T_YOU = fnv('you'), T_YOUR = fnv('your'), T_YOURE = fnv("you're"), T_YOURSELF = fnv('yourself'), T_YOULL = fnv("you'll"),
  T_YOUVE = fnv("you've"), T_YOUD = fnv("you'd");

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** Combines two 32-bit values into a well-mixed 32-bit hash (murmur3 finaliser). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x85ebca6b, 0xcc9e2d51) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

// Scratch buffers reused across calls: scoring runs on every sentence, so it should not allocate per word.
let tokens: Int32Array = new Int32Array(256);
let stems: Int32Array = new Int32Array(256);
let feats: Int32Array = new Int32Array(1024);

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Hashes the features of `text` into an internal buffer and returns how many there are; read them with
 * `featureAt`. Shared by the scorer and the trainer, so both always see the same features.
 */
export function extractFeatures(text: string, opts: FeatureOptions): number {
  const raw = text.length > MAX_SENTENCE_CHARS ? text.slice(0, MAX_SENTENCE_CHARS) : text;
  const mt = matchText(raw);
  // Words: runs of a-z0-9 with inner apostrophes; a word starting with a digit becomes one "number" token.
  let nt = 0, question = 0, exclaim = 0, you = 0;
  let k = 0;
  const len = mt.length;
  while (k < len) {
    let c = mt.charCodeAt(k);
    if (!isWordChar(c)) {
      if (c === 63) question = 1;
      else if (c === 33) exclaim = 1;
      k++;
      continue;
    }
    const digit = c >= 48 && c <= 57;
    let h = 0x811c9dc5, sh = 0;
    const s = k;
    for (;;) {
      h = Math.imul(h ^ c, 0x01000193);
      k++;
      if (k >= len) break;
      c = mt.charCodeAt(k);
      if (isWordChar(c)) continue;
      // An apostrophe (straight or curly) inside a word keeps the word going: "don't", "you’re".
      if ((c === 39 || c === 0x2019) && k + 1 < len && isWordChar(mt.charCodeAt(k + 1))) { c = 39; continue; }
      break;
    }
    const wl = k - s;
    if (opts.stems && !digit && wl > 4) sh = stemHash(mt, s, k);
    if (nt === tokens.length) { tokens = grow(tokens); stems = grow(stems); }
    tokens[nt] = digit ? NUM : h >>> 0;
    stems[nt] = sh;
    const t = tokens[nt];
    if (t === T_YOU || t === T_YOUR || t === T_YOURE || t === T_YOURSELF || t === T_YOULL || t === T_YOUVE || t === T_YOUD) you++;
    nt++;
  }
  let n = 0;
  const push = (f: number) => { if (n === feats.length) feats = grow(feats); feats[n++] = f; };
  let prev = START, prev2 = START;
  for (let i = 0; i < nt; i++) {
    const t = tokens[i];
    push(mix(K_UNI, t));
    push(mix(mix(K_BI, prev), t));
    if (opts.skip && i > 0) push(mix(mix(K_SKIP, prev2), t));
    if (stems[i]) push(mix(K_STEM, stems[i]));
    prev2 = prev;
    prev = t;
  }
  push(mix(mix(K_BI, prev), END));
  // Shape: question, exclamation, how often the buyer is addressed, length, shouting.
  push(mix(K_SHAPE, 1 + question));
  push(mix(K_SHAPE, 3 + exclaim));
  push(mix(K_SHAPE, 5 + Math.min(you, 3)));
  push(mix(K_SHAPE, 9 + (nt < 6 ? 0 : nt < 12 ? 1 : nt < 20 ? 2 : nt < 30 ? 3 : 4)));
  if (hasShouting(raw)) push(mix(K_SHAPE, 14));
  return n;
}

/** The i-th feature hash of the last `extractFeatures` call. */
export function featureAt(i: number): number {
  return feats[i];
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

// Strips one common English suffix; crude, but it only adds a feature, it never replaces the word.
function stemHash(mt: string, s: number, e: number): number {
  const c1 = mt.charCodeAt(e - 1), c2 = mt.charCodeAt(e - 2), c3 = mt.charCodeAt(e - 3);
  let end = e;
  if (c1 === 103 && c2 === 110 && c3 === 105) end = e - 3; // -ing
  else if (c1 === 100 && c2 === 101) end = e - 2; // -ed
  else if (c1 === 121 && c2 === 108) end = e - 2; // -ly
  else if (c1 === 115 && c2 === 101) end = e - 2; // -es
  else if (c1 === 115 && c2 !== 115) end = e - 1; // -s, not -ss
  else if (c1 === 101) end = e - 1; // -e ("decide" meets "decid-ing")
  if (end - s < 3) end = s + 3;
  let h = 0x811c9dc5;
  for (let k = s; k < end; k++) h = Math.imul(h ^ mt.charCodeAt(k), 0x01000193);
  return (h >>> 0) || 1;
}

// A word of three or more capital letters ("HURRY", "LAST"), a shouting cue matchText lower-cases away.
function hasShouting(raw: string): boolean {
  let run = 0;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 65 && c <= 90) { run++; continue; }
    if (run >= 3 && !((c >= 97 && c <= 122))) return true;
    run = (c >= 97 && c <= 122) ? -1000 : 0;
  }
  return run >= 3;
}

/** Decodes base64 to bytes without Buffer or atob, so the core runs the same in Node and in the browser. */
export function decodeBase64(s: string): Uint8Array {
  const map = new Int16Array(128).fill(-1);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let k = 0; k < 64; k++) map[abc.charCodeAt(k)] = k;
  let pad = 0;
  while (pad < 2 && s.length > pad && s.charCodeAt(s.length - 1 - pad) === 61) pad++;
  const out = new Uint8Array(((s.length - pad) * 3) >> 2);
  let acc = 0, bits = 0, o = 0;
  for (let k = 0; k < s.length - pad; k++) {
    const v = map[s.charCodeAt(k) & 127];
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) { bits -= 8; out[o++] = (acc >> bits) & 255; }
  }
  return out;
}

/** A model ready to score: weights widened to floats once. */
export interface LoadedModel {
  data: SentenceModelData;
  weights: Float32Array;
  mask: number;
  catWeights: Float32Array;
  catMask: number;
  catIndex: Category[];
}

/** Prepares model data for scoring (decodes and scales the weights). */
export function loadModel(data: SentenceModelData): LoadedModel {
  const toFloats = (b64: string, scale: number, size: number) => {
    const bytes = decodeBase64(b64);
    const out = new Float32Array(size);
    for (let k = 0; k < size && k < bytes.length; k++) out[k] = ((bytes[k] << 24) >> 24) * scale;
    return out;
  };
  const nc = data.categories.length;
  const known = new Set<string>(CATEGORIES);
  return {
    data,
    weights: toFloats(data.weights, data.scale, 1 << data.bits),
    mask: (1 << data.bits) - 1,
    catWeights: toFloats(data.catWeights, data.catScale, (1 << data.catBits) * nc),
    catMask: (1 << data.catBits) - 1,
    catIndex: data.categories.map((c) => (known.has(c) ? (c as Category) : CATEGORIES[0])),
  };
}

let shipped: LoadedModel | undefined;
const catScratch = new Float64Array(64);

/** Scores one sentence with a given model (the trainer and the evaluation use this with fresh models). */
export function classifyWith(m: LoadedModel, text: string): SentenceScore {
  const n = extractFeatures(text, m.data.features);
  const v = m.data.features.norm ? 1 / Math.sqrt(n) : 1;
  let z = 0;
  for (let i = 0; i < n; i++) z += m.weights[feats[i] & m.mask];
  z = m.data.bias + z * v;
  const nc = m.catIndex.length;
  for (let c = 0; c < nc; c++) catScratch[c] = 0;
  for (let i = 0; i < n; i++) {
    const base = (feats[i] & m.catMask) * nc;
    for (let c = 0; c < nc; c++) catScratch[c] += m.catWeights[base + c];
  }
  let best = 0, bestZ = -Infinity;
  for (let c = 0; c < nc; c++) {
    const cz = m.data.catBias[c] + catScratch[c] * v;
    if (cz > bestZ) { bestZ = cz; best = c; }
  }
  return { score: 1 / (1 + Math.exp(-z)), category: m.catIndex[best] ?? CATEGORIES[0] };
}

/**
 * Scores one sentence with the shipped model: `score` is the probability that it is coercive, `category`
 * the most likely tactic. Pass one sentence, not a document; input beyond MAX_SENTENCE_CHARS is ignored.
 */
export function classifySentence(text: string): SentenceScore {
  const m = shippedModel();
  return m ? classifyWith(m, text) : { score: 0, category: CATEGORIES[0] };
}

/** The model data offered by useSentenceModel, else the one bundled with the core (absent from the Node bundles). */
let offered: SentenceModelData | undefined;

/**
 * Offers the shipped model's data from elsewhere: the Node bundles leave the 90 KB model out and read it from
 * dist/sentence-model.json (node/sentenceModel.ts), as they do the pack index. Returns whether it was accepted.
 */
export function useSentenceModel(data: unknown): boolean {
  const d = data as SentenceModelData | undefined;
  if (!d || typeof d !== 'object' || typeof d.weights !== 'string' || typeof d.catWeights !== 'string' || !Array.isArray(d.categories)) return false;
  offered = d;
  shipped = undefined;
  return true;
}

function shippedModel(): LoadedModel | undefined {
  const data = offered ?? (model as SentenceModelData | null);
  // Without a model (a Node bundle whose data file is missing) the learned check is off rather than broken.
  return data ? (shipped ??= loadModel(data)) : undefined;
}

/** True when a model is available to the learned check. */
export function sentenceModelAvailable(): boolean {
  return shippedModel() !== undefined;
}

/** The shipped model's metadata (data hash, feature options, sizes), for tests and reports. */
export function shippedModelInfo(): Omit<SentenceModelData, 'weights' | 'catWeights'> {
  const { weights: _w, catWeights: _c, ...rest } = (offered ?? model) as SentenceModelData;
  return rest;
}
