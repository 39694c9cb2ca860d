// The learned sentence model: right side of the threshold on clear cases, reproducible training, safe on any input.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CATEGORIES } from '../../server/src/core';
import {
  classifySentence, classifyWith, COERCIVE_THRESHOLD, decodeBase64, loadModel, MAX_SENTENCE_CHARS, shippedModelInfo,
} from '../../server/src/core/classifier';
import { dataHash, LABELLED_DIR, MODEL_FILE, readLabelled, train, trainFromLabelled } from '../../scripts/trainModel';

// Written for this test; none of them is in data/labelled.
const COERCIVE = [
  'Only two seats left at this price, grab one before they are gone.',
  'Everyone on your street already signed up, so do not be the only one left out.',
  'Keep pushing until they say yes; never accept a no on the first call.',
];
const HONEST = [
  'Take whatever time you need, and tell me if this is not a fit.',
  'The meeting notes are in the shared folder.',
  'What would need to be true for this to work for your team?',
  'Run the tests before you open a pull request.',
];

describe('sentence classifier', () => {
  it('puts clear coercive sentences above the threshold and clear honest ones well below it', () => {
    for (const s of COERCIVE) assert.ok(classifySentence(s).score >= COERCIVE_THRESHOLD, `${classifySentence(s).score} for ${s}`);
    for (const s of HONEST) assert.ok(classifySentence(s).score < 0.5, `${classifySentence(s).score} for ${s}`);
  });

  it('names a plausible tactic', () => {
    assert.equal(classifySentence(COERCIVE[0]).category, 'artificial-scarcity');
    assert.equal(classifySentence(COERCIVE[1]).category, 'social-proof-pressure');
    assert.equal(classifySentence(COERCIVE[2]).category, 'objection-override');
  });

  it('returns a probability and a known category on empty, huge and odd Unicode input', () => {
    const odd = ['', ' ', '?!', '\uD800', '\uDC00x', 'İstanbul İİİ', '🔥🔥🔥 ACT NOW 🔥🔥🔥', 'مرحبا بك', '{{first_name}}', "''''", '\u0000\u0001',
      'a'.repeat(10_000), 'you '.repeat(50_000), '😀'.repeat(MAX_SENTENCE_CHARS + 1)];
    for (const s of odd) {
      const r = classifySentence(s);
      assert.ok(Number.isFinite(r.score) && r.score >= 0 && r.score <= 1, `score ${r.score} for ${JSON.stringify(s.slice(0, 20))}`);
      assert.ok((CATEGORIES as readonly string[]).includes(r.category));
    }
  });

  it('keeps no state between calls (scratch buffers grow but never leak into the next score)', () => {
    const before = classifySentence(HONEST[0]);
    classifySentence('buy now '.repeat(5000));
    assert.deepEqual(classifySentence(HONEST[0]), before);
  });

  it('scores a huge input in bounded time (only the first MAX_SENTENCE_CHARS count)', () => {
    const huge = 'Sign today or lose the deal. '.repeat(100_000);
    const t0 = performance.now();
    const r = classifySentence(huge);
    assert.ok(performance.now() - t0 < 200, 'bounded');
    assert.deepEqual(r, classifySentence(huge.slice(0, MAX_SENTENCE_CHARS)));
  });

  it('decodes base64 like Buffer does', () => {
    for (const bytes of [[], [0], [255, 1], [1, 2, 3], [200, 100, 50, 25, 12]]) {
      const b64 = Buffer.from(bytes).toString('base64');
      assert.deepEqual([...decodeBase64(b64)], bytes);
    }
  });
});

describe('sentence model training', function () {
  this.timeout(60_000);
  const haveData = fs.existsSync(LABELLED_DIR);

  it('the shipped model was trained on the current data/labelled', function () {
    if (!haveData) this.skip();
    assert.equal(shippedModelInfo().dataHash, dataHash());
    assert.ok(fs.statSync(MODEL_FILE).size <= 120 * 1024, 'model file stays small');
  });

  it('training twice gives the same bytes', function () {
    if (!haveData) this.skip();
    assert.equal(trainFromLabelled(), trainFromLabelled());
  });

  it('learns from its data: a model trained on flipped labels scores the other way', function () {
    if (!haveData) this.skip();
    const rows = readLabelled().slice(0, 1500);
    const opts = { features: { skip: true, stems: true, norm: true }, bits: 12, catBits: 4, epochs: 4, catEpochs: 1, rate: 0.5, l2: 1e-5, seed: 1, background: 0 };
    const normal = loadModel(train(rows, opts));
    const flipped = loadModel(train(rows.map((r) => ({ ...r, label: (1 - r.label) as 0 | 1 })), opts));
    const s = COERCIVE[2];
    assert.ok(classifyWith(normal, s).score > 0.5 && classifyWith(flipped, s).score < 0.5);
  });
});
