// Table-driven tests of the adapter's pure modules, run in-process (no server needed).
import * as assert from 'node:assert/strict';
import type { CodeActionParams, Connection, Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type Finding, type LintResult } from '../../server/src/core';
import { codeActions, disableEdit, kindRequested, minimalEdit } from '../../server/src/lsp/codeActions';
import { oversizeDiagnostic, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { escape, findingsAt } from '../../server/src/lsp/hover';
import { documentSymbols, foldingRanges, outline } from '../../server/src/lsp/outline';
import { DEFAULT_SETTINGS, isLintedLanguage, normalizeSettings, settingsHash, SettingsStore } from '../../server/src/lsp/settings';
import { LintState } from '../../server/src/lsp/state';
import { applyEdit } from './testClient';

function finding(start: number, end: number, ruleId = 'act-now'): Finding {
  return { ruleId, category: 'false-urgency', severity: 'warning', start, end, text: '', message: `m${start}`, fixes: [] };
}

/** A SettingsStore for a client without workspace/configuration: always the global settings. */
function store(raw?: unknown): SettingsStore {
  const settings = new SettingsStore({} as Connection, false);
  if (raw !== undefined) settings.setGlobal(raw);
  return settings;
}

function logger() {
  const lines: string[] = [];
  return { lines, error: (m: string) => lines.push(`error: ${m}`), warn: (m: string) => lines.push(`warn: ${m}`) };
}

describe('lsp modules', function () {
  describe('settings', function () {
    const cases: Array<[string, unknown, Partial<typeof DEFAULT_SETTINGS>]> = [
      ['missing settings give defaults', undefined, {}],
      ['wrong types fall back per field', { enable: 'yes', maxProblems: -3, profile: 'loud', languages: 'markdown' }, {}],
      ['valid values are kept', { enable: false, maxProblems: 7.9, profile: 'consumer', languages: ['plaintext', 3] }, { enable: false, maxProblems: 7, profile: 'consumer', languages: ['plaintext'] }],
    ];
    for (const [name, raw, overrides] of cases) {
      it(name, function () {
        assert.deepEqual(normalizeSettings(raw), { ...DEFAULT_SETTINGS, ...overrides });
      });
    }

    it('hashes equal settings equally and different settings differently', function () {
      const a = normalizeSettings({ languages: ['markdown', 'playbook'] });
      const b = normalizeSettings({ languages: ['playbook', 'markdown'] });
      assert.equal(settingsHash(a), settingsHash(b));
      assert.notEqual(settingsHash(a), settingsHash(normalizeSettings({ maxProblems: 3 })));
    });

    it('lints only enabled, known languages', function () {
      const withText = normalizeSettings({ languages: ['plaintext', 'rust'] });
      assert.deepEqual(
        ['playbook', 'markdown', 'plaintext', 'rust'].map((id) => isLintedLanguage(DEFAULT_SETTINGS, id)),
        [true, true, false, false],
      );
      assert.deepEqual(['plaintext', 'rust', 'markdown'].map((id) => isLintedLanguage(withText, id)), [true, false, false]);
      assert.equal(isLintedLanguage({ ...DEFAULT_SETTINGS, enable: false }, 'markdown'), false);
    });
  });

  describe('diagnostics', function () {
    it('caps at maxProblems and says how many more exist', function () {
      const doc = TextDocument.create('file:///a.md', 'markdown', 4, 'one two three four five');
      const findings = [finding(0, 3), finding(4, 7), finding(8, 13)];
      const capped = toDiagnostics(doc, findings, 2);
      assert.equal(capped.length, 3);
      assert.deepEqual(capped.slice(0, 2).map((d) => d.message), ['m0', 'm4']);
      assert.match(String(capped[2].message), /stopped after 2 problems; 1 more is not shown/);
      assert.deepEqual(capped[2].range.start, { line: 0, character: 8 });
      assert.equal(toDiagnostics(doc, findings, 3).length, 3);
      // No payload beyond what the editor shows: code actions find findings by code and range.
      assert.deepEqual(Object.keys(toDiagnostics(doc, findings, 3)[0]).sort(), ['code', 'codeDescription', 'message', 'range', 'severity', 'source']);
    });

    it('explains an oversized file on line 0', function () {
      const doc = TextDocument.create('file:///a.md', 'markdown', 1, 'first line\nsecond');
      const d = oversizeDiagnostic(doc, 5000, 100);
      assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } });
      assert.match(String(d.message), /5000 bytes, more than trustlint\.maxFileSize \(100 bytes\)/);
    });
  });

  describe('state', function () {
    const doc = () => TextDocument.create('file:///s.md', 'markdown', 1, 'Act now, this offer expires tonight!\n');

    it('caches per (version, settings) and does not cache a cancelled run', async function () {
      let calls = 0;
      const counting = (text: string, options?: Parameters<typeof lint>[1]): LintResult => {
        calls++;
        return lint(text, options);
      };
      const state = new LintState(store(), logger(), counting);
      const d = doc();
      // Cancelled before linting: the core is not called at all.
      assert.equal(await state.outcome(d, () => true), undefined);
      assert.equal(calls, 0);
      // Cancelled while linting: the partial result is dropped, not cached.
      let checks = 0;
      assert.equal(await state.outcome(d, () => checks++ > 0), undefined);
      const first = await state.outcome(d);
      const second = await state.outcome(d);
      assert.equal(first, second);
      assert.equal(calls, 2, 'the cancelled run and one real run');
      TextDocument.update(d, [{ text: 'Take your time.\n' }], 2);
      const third = await state.outcome(d);
      assert.equal(third?.version, 2);
      assert.equal(calls, 3);
    });

    it('turns a throwing core into an empty result and a log line', async function () {
      const log = logger();
      const state = new LintState(store(), log, () => {
        throw new Error('boom');
      });
      const outcome = await state.outcome(doc());
      assert.deepEqual(outcome?.diagnostics, []);
      assert.equal(log.lines.length, 1);
      assert.match(log.lines[0], /^error: Trustlint failed to check file:\/\/\/s\.md: Error: boom/);
    });

    it('skips languages that are not enabled', async function () {
      let calls = 0;
      const state = new LintState(store(), logger(), () => {
        calls++;
        return { findings: [], problems: [] };
      });
      const outcome = await state.outcome(TextDocument.create('file:///n.txt', 'plaintext', 1, 'Act now!'));
      assert.deepEqual(outcome?.diagnostics, []);
      assert.equal(calls, 0);
    });
  });

  describe('code actions', function () {
    it('matches `only` hierarchically', function () {
      const table: Array<[string[] | undefined, string, boolean]> = [
        [undefined, 'quickfix', true],
        [['source'], 'source.fixAll.trustlint', true],
        [['source.fixAll'], 'source.fixAll.trustlint', true],
        [['source.fixAll.trustlint'], 'quickfix', false],
        [['quickfix'], 'source.fixAll.trustlint', false],
        [['source.fix'], 'source.fixAll.trustlint', false],
      ];
      for (const [only, kind, expected] of table) assert.equal(kindRequested(only, kind), expected, `${only} / ${kind}`);
    });

    it('builds a minimal edit that reproduces the target text', function () {
      const table: Array<[string, string]> = [
        ['abc', 'abc'],
        ['Act now!', 'Take your time!'],
        ['x 😀 y', 'x 😃 y'],
        ['aaa', 'aa'],
        ['', 'new'],
        ['line1\nline2\n', 'line1\nLINE2\n'],
      ];
      for (const [before, after] of table) {
        const doc = TextDocument.create('file:///m.md', 'markdown', 1, before);
        const edit = minimalEdit(doc, before, after);
        assert.equal(applyEdit(before, { changes: { 'file:///m.md': [edit] } }, 'file:///m.md'), after, `${before} -> ${after}`);
        assert.ok(edit.newText.length <= after.length);
      }
      // A change inside an emoji must not split its surrogate pair.
      const doc = TextDocument.create('file:///m.md', 'markdown', 1, 'x 😀 y');
      const edit = minimalEdit(doc, 'x 😀 y', 'x 😃 y');
      assert.equal(edit.newText, '😃');
    });

    it('inserts the disable comment above the line with its indentation and line ending', function () {
      const doc = TextDocument.create('file:///d.md', 'markdown', 1, '# T\r\n\r\n\t  Act now!\r\n');
      const edit = disableEdit(doc, 2, 'act-now');
      assert.deepEqual(edit.range.start, { line: 2, character: 0 });
      assert.equal(edit.newText, '\t  <!-- trustlint-disable-next-line act-now -->\r\n');
    });

    it('handles every diagnostic in the context and ignores other sources', async function () {
      const text = 'Act now, this offer expires tonight!\n\nAct now, please.\n';
      const doc = TextDocument.create('file:///c.md', 'markdown', 1, text);
      const state = new LintState(store(), logger());
      const outcome = (await state.outcome(doc))!;
      assert.ok(outcome.diagnostics.length >= 2, 'fixture needs two findings');
      const foreign: Diagnostic = { ...outcome.diagnostics[0], source: 'other-linter' };
      const params: CodeActionParams = {
        textDocument: { uri: doc.uri },
        range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
        context: { diagnostics: [foreign, ...outcome.diagnostics], only: ['quickfix'] },
      };
      const actions = codeActions(doc, params, outcome);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, outcome.diagnostics.length);
      assert.deepEqual(preferred.map((a) => a.diagnostics![0]), outcome.diagnostics);
      assert.ok(actions.every((a) => a.diagnostics![0].source === 'trustlint'));
    });

    it('uses the current findings even when the diagnostic is stale', async function () {
      const doc = TextDocument.create('file:///c.md', 'markdown', 1, 'Act now!\n');
      const state = new LintState(store(), logger());
      const stale = (await state.outcome(doc))!.diagnostics[0];
      TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Hi. ' }], 2);
      const outcome = (await state.outcome(doc))!;
      const actions = codeActions(doc, { textDocument: { uri: doc.uri }, range: stale.range, context: { diagnostics: [stale], only: ['quickfix'] } }, outcome);
      const preferred = actions.find((a) => a.isPreferred);
      assert.ok(preferred, 'a fix for the shifted finding');
      const fix = outcome.findings[0].fixes[0];
      assert.deepEqual(preferred.edit!.changes![doc.uri][0].range.start, doc.positionAt(fix.start));
    });
  });

  describe('hover', function () {
    it('finds findings under or touching the cursor', function () {
      const fs = [finding(0, 3), finding(5, 9)];
      assert.deepEqual(findingsAt(fs, 1).map((f) => f.start), [0]);
      assert.deepEqual(findingsAt(fs, 3).map((f) => f.start), [0]);
      assert.deepEqual(findingsAt(fs, 4), []);
      assert.deepEqual(findingsAt(fs, 5).map((f) => f.start), [5]);
    });

    it('escapes Markdown in rule text', function () {
      assert.equal(escape('a *b* [c](d) <e> `f`'), 'a \\*b\\* \\[c\\](d) \\<e\\> \\`f\\`');
    });
  });

  describe('outline', function () {
    const text = [
      '---', 'title: x', '# not a heading', '---', // 0-3 front matter
      '# Playbook', '', 'Intro', '', // 4-7
      '## Discovery', 'Ask.', '', // 8-10
      '```', '# not a heading either', '```', '', // 11-14
      '### Deep', 'text', '', // 15-17
      'Objections', '----------', 'Response', '', // 18-21 (setext H2)
      '# Appendix', // 22
    ].join('\n');

    it('finds ATX and setext headings outside code and front matter', function () {
      assert.deepEqual(
        outline(text).headings.map((h) => [h.level, h.title, h.line, h.sectionEnd]),
        [[1, 'Playbook', 4, 20], [2, 'Discovery', 8, 16], [3, 'Deep', 15, 16], [2, 'Objections', 18, 20], [1, 'Appendix', 22, 22]],
      );
    });

    it('nests symbols by level', function () {
      const tree = (symbols: ReturnType<typeof documentSymbols>): unknown[] => symbols.map((s) => [s.name, tree(s.children ?? [])]);
      assert.deepEqual(tree(documentSymbols(text)), [
        ['Playbook', [['Discovery', [['Deep', []]]], ['Objections', []]]],
        ['Appendix', []],
      ]);
    });

    it('folds front matter, sections and fences', function () {
      assert.deepEqual(
        foldingRanges(text).map((f) => [f.startLine, f.endLine]),
        [[0, 3], [4, 20], [8, 16], [11, 13], [15, 16], [18, 20]],
      );
    });

    it('treats an unclosed fence as running to the end', function () {
      assert.deepEqual(outline('# A\n```\n# B\n').headings.map((h) => h.title), ['A']);
    });
  });
});
