// Loads the data files the build writes next to the bundles: the shipped pack's prefilter index
// (dist/pack-index.json), so the server and the CLI start without parsing every pattern (missing or stale: the core
// computes it itself), and the learned check's model (dist/sentence-model.json; missing: the check is off).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useBuiltinIndex } from '../core';
import { useSentenceModel } from '../core/classifier';

/** File name of the index, beside dist/server.js and dist/cli.js. */
export const PACK_INDEX_FILE = 'pack-index.json';

/** Offers dist/pack-index.json to the core; returns whether it was used. Never throws. */
export function loadPackIndex(dir: string = __dirname): boolean {
  return offerFile(path.join(dir, PACK_INDEX_FILE), useBuiltinIndex);
}

/** File name of the learned check's model, beside the bundles (the Node bundles leave it out of the code). */
export const SENTENCE_MODEL_FILE = 'sentence-model.json';

/** Offers dist/sentence-model.json to the core; returns whether it was used. Never throws. */
export function loadSentenceModel(dir: string = __dirname): boolean {
  return offerFile(path.join(dir, SENTENCE_MODEL_FILE), useSentenceModel);
}

/** Parses a JSON file and offers it to the core; a missing or unreadable file is simply not used. */
function offerFile(file: string, use: (data: unknown) => boolean): boolean {
  try {
    return use(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return false;
  }
}
