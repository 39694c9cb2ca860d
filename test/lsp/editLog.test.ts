// The record of edits tells a re-lint where the text changed; a wrong record would give wrong squiggles, so it is
// checked against the texts themselves, and the server path against a fresh lint.
import * as assert from 'node:assert/strict';
import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintOptions } from '../../server/src/core';
import { EditLog } from '../../server/src/lsp/editLog';
import { SettingsStore } from '../../server/src/lsp/settings';
import { LintState } from '../../server/src/lsp/state';

const BASE = '😀 # Close\r\n\r\nRep: Act now, this offer expires tonight!\r\n\r\nBuyer: We need time.\n\n- Hurry up!\n\n```\nact now\n```\n\nTake your time.';

/** A random change in LSP form (a range in lines and characters, now and then written end first). */
function randomChanges(doc: TextDocument, rand: (n: number) => number): TextDocumentContentChangeEvent[] {
  const length = doc.getText().length;
  const a = rand(length + 1);
  const b = Math.min(length, a + (rand(3) === 0 ? rand(12) : 0));
  const text = ['', 'x', '\n', '\r\n', '\n\n', 'Act now! ', '```\n', 'é', '😀', '\ud83d', '\ude00', '“'][rand(12)];
  const [start, end] = [doc.positionAt(a), doc.positionAt(b)];
  return [{ range: rand(5) === 0 ? { start: end, end: start } : { start, end }, text }];
}

describe('edit log', function () {
  it('records where the text changed between any two versions', function () {
    const log = new EditLog();
    let seed = 3;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const doc = log.documents.create('file:///a.playbook', 'playbook', 1, BASE);
    const texts = new Map<number, string>([[1, BASE]]);
    let lastFrom = 1;
    for (let version = 2; version < 200; version++) {
      log.documents.update(doc, randomChanges(doc, rand), version);
      texts.set(version, doc.getText());
      // Ask from a few versions back, as a server that skipped some pulls would (never from before an earlier ask).
      const from = (lastFrom = Math.max(lastFrom, version - 1 - rand(4)));
      const changed = log.since(doc.uri, from, version);
      assert.ok(changed, `a record from ${from} to ${version}`);
      const before = texts.get(from)!;
      const after = doc.getText();
      assert.equal(after.length, before.length + changed.delta);
      assert.equal(after.slice(0, changed.start), before.slice(0, changed.start), `prefix from ${from} to ${version}`);
      assert.equal(after.slice(changed.end), before.slice(changed.end - changed.delta), `suffix from ${from} to ${version}`);
      // The size in bytes is kept edit by edit, surrogate pairs split and joined included.
      assert.equal(log.bytes(doc.uri, version), Buffer.byteLength(after, 'utf8'), `bytes at ${version}`);
    }
  });

  it('several changes in one notification are recorded in order', function () {
    const log = new EditLog();
    const doc = log.documents.create('file:///b.md', 'markdown', 1, 'abc\ndef\nghi');
    log.documents.update(doc, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: 'G' },
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '--\n' },
    ], 2);
    assert.equal(doc.getText(), 'a--\nbc\ndef\nGhi');
    assert.deepEqual(log.since(doc.uri, 1, 2), { start: 1, end: 12, delta: 3 });
  });

  it('keeps the byte size through pairs split and joined, and a full replacement', function () {
    const log = new EditLog();
    const doc = log.documents.create('file:///s.md', 'markdown', 1, 'a😀b');
    const at = (character: number) => ({ line: 0, character });
    const steps: Array<[TextDocumentContentChangeEvent, string]> = [
      [{ range: { start: at(2), end: at(3) }, text: '' }, 'a\ud83db'],
      [{ range: { start: at(2), end: at(2) }, text: '\ude00' }, 'a😀b'],
      [{ range: { start: at(1), end: at(2) }, text: 'é' }, 'a\u00e9\ude00b'],
      [{ text: 'new “text”' }, 'new “text”'],
    ];
    steps.forEach(([change, expected], k) => {
      log.documents.update(doc, [change], k + 2);
      assert.equal(doc.getText(), expected);
      assert.equal(log.bytes(doc.uri, k + 2), Buffer.byteLength(expected, 'utf8'), `after step ${k}`);
    });
    assert.equal(log.bytes(doc.uri, 1), undefined, 'only the current version is on record');
  });

  it('gives no record across a full replacement, a gap, a reopen or an unknown version', function () {
    const log = new EditLog();
    const doc = log.documents.create('file:///c.md', 'markdown', 1, 'one two');
    const insert = (version: number) => log.documents.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], version);
    insert(2);
    assert.ok(log.since(doc.uri, 1, 2));
    log.documents.update(doc, [{ text: 'all new' }], 3);
    insert(4);
    assert.equal(log.since(doc.uri, 2, 4), undefined, 'the full replacement leaves nothing to skip');
    assert.ok(log.since(doc.uri, 3, 4));
    assert.equal(log.since(doc.uri, 9, 10), undefined);
    assert.equal(log.since('file:///other.md', 1, 2), undefined);
    log.documents.create('file:///c.md', 'markdown', 1, 'reopened');
    assert.equal(log.since(doc.uri, 3, 4), undefined, 'a reopened document starts a new record');
  });

  it('drives the server\'s re-lints: results equal a fresh lint, and the record is used', async function () {
    const log = new EditLog();
    const seen: Array<LintOptions['changed']> = [];
    const recording = (text: string, options?: LintOptions) => { seen.push(options?.changed); return lint(text, options); };
    const state = new LintState(new SettingsStore({} as Connection, false), { error: () => {}, warn: () => {} }, recording, undefined, undefined, [], log);
    let seed = 9;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const doc = log.documents.create('file:///d.playbook', 'playbook', 1, BASE.repeat(6));
    for (let version = 2; version < 120; version++) {
      log.documents.update(doc, randomChanges(doc, rand), version);
      // Some versions are never pulled, as when typing outruns the client.
      if (rand(3) === 0) continue;
      const outcome = (await state.outcome(doc))!;
      assert.deepEqual(outcome.findings, lint(doc.getText(), { languageId: 'playbook', config: outcome.config }).findings, `version ${version}`);
    }
    assert.ok(seen.filter(Boolean).length > seen.length / 2, `the record was passed for ${seen.filter(Boolean).length} of ${seen.length} lints`);
  });

  it('after a core failure, the next lint starts afresh instead of trusting the record', async function () {
    const log = new EditLog();
    const seen: Array<LintOptions['changed']> = [];
    let fail = false;
    const flaky = (text: string, options?: LintOptions) => {
      seen.push(options?.changed);
      if (fail) throw new Error('boom');
      return lint(text, options);
    };
    const state = new LintState(new SettingsStore({} as Connection, false), { error: () => {}, warn: () => {} }, flaky, undefined, undefined, [], log);
    const doc = log.documents.create('file:///e.playbook', 'playbook', 1, BASE);
    const type = (version: number) => log.documents.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], version);
    await state.outcome(doc);
    type(2);
    fail = true;
    assert.deepEqual((await state.outcome(doc))!.findings, []);
    fail = false;
    type(3);
    const outcome = (await state.outcome(doc))!;
    assert.equal(seen[seen.length - 1], undefined, 'no record after the failure');
    assert.deepEqual(outcome.findings, lint(doc.getText(), { languageId: 'playbook', config: outcome.config }).findings);
    type(4);
    await state.outcome(doc);
    assert.ok(seen[seen.length - 1], 'the record is used again once a lint succeeded');
  });
});
