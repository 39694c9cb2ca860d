// End-to-end protocol tests: the bundled server (dist/server.js) driven over stdio like a real editor would.
// `npm test` builds dist/ first.
import * as assert from 'node:assert/strict';
import type { ClientCapabilities, CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { docsUrl, fixAll, getRule, lint, listRules } from '../../server/src/core';
import { applyEdit, positionAt, TestClient, textIn } from './testClient';

const PULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: {},
  },
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
  },
};

const PUSH_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true },
  },
};

// The emoji before "Act now" makes UTF-16 columns differ from code-point columns.
const TEXT = [
  '# Spring offer 🎉',
  '',
  '## Pitch',
  '',
  '🎉 Act now, this offer expires tonight!',
  '',
  '```',
  'Act now in code is not prose.',
  '```',
  '',
  '## Follow-up',
  '',
  '- Call them back:',
  '  Act now, before the price goes up.',
  '',
  '## Close',
  '',
  'Act now and we will add onboarding.',
  '',
].join('\n');

const URI = 'file:///workspace/spring.playbook';

/** The position of the n-th occurrence of `needle`, computed independently of the server. */
function where(text: string, needle: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" #${nth} not in text`);
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function unescapeMarkdown(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

describe('language server over stdio', function () {
  describe('with pull diagnostics', function () {
    let client: TestClient;
    let text = TEXT;
    let version = 1;

    before(async function () {
      const started = await TestClient.start(PULL_CAPABILITIES);
      client = started.client;
      const caps = started.init.capabilities;
      const provider = caps.diagnosticProvider as { interFileDependencies: boolean; workspaceDiagnostics: boolean } | undefined;
      assert.equal(provider?.interFileDependencies, false);
      assert.equal(provider?.workspaceDiagnostics, false);
      assert.equal(started.init.serverInfo?.name, 'trustlint');
      assert.ok(caps.codeActionProvider && typeof caps.codeActionProvider === 'object');
      assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.trustlint']);
      await client.open(URI, 'playbook', text, version);
    });

    after(function () {
      client?.kill();
    });

    it('reports each finding with its range, source, code and docs link', async function () {
      const report = await client.pull(URI);
      assert.equal(report.kind, 'full');
      const expected = lint(text, { languageId: 'playbook' }).findings;
      assert.ok(expected.length >= 2, 'the fixture should produce at least two findings');
      assert.equal(report.items.length, expected.length);
      report.items.forEach((d, i) => {
        const f = expected[i];
        assert.equal(d.source, 'trustlint');
        assert.equal(d.code, f.ruleId);
        assert.equal(d.codeDescription?.href, docsUrl(f.ruleId));
        assert.equal(d.message, f.message);
        assert.deepEqual(d.range, { start: positionAt(text, f.start), end: positionAt(text, f.end) });
        assert.equal(textIn(text, d.range), f.text);
        assert.equal(d.data, undefined);
      });
      // Independent of the rule pack: the phrase after the emoji is flagged at its UTF-16 columns, and code is not.
      const actNow = report.items.find((d) => textIn(text, d.range) === 'Act now');
      assert.ok(actNow, 'expected a diagnostic on "Act now"');
      assert.deepEqual(actNow.range, where(text, 'Act now'));
      assert.equal(actNow.range.start.character, 3);
      const codeLine = where(text, 'Act now in code').start.line;
      assert.ok(report.items.every((d) => d.range.start.line !== codeLine), 'fenced code must not be linted');
    });

    it('answers "unchanged" when the client already has the current result', async function () {
      const first = await client.pull(URI);
      assert.ok(first.resultId);
      const second = await client.pull(URI, first.resultId);
      assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
    });

    it('hovers with the tactic, message, rationale, alternatives and docs link', async function () {
      const [d] = (await client.pull(URI)).items;
      const hover = await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri: URI },
        position: { line: d.range.start.line, character: d.range.start.character + 1 },
      });
      assert.ok(hover, 'expected a hover on the finding');
      const contents = hover.contents as MarkupContent;
      assert.equal(contents.kind, 'markdown');
      const rule = getRule(String(d.code))!;
      const plain = unescapeMarkdown(contents.value);
      assert.ok(plain.includes(rule.rationale), 'hover should include the rationale');
      assert.ok(plain.includes(messageOf(d)), 'hover should include the message');
      assert.ok(contents.value.includes(docsUrl(rule.id)), 'hover should link to the docs');
      for (const r of rule.replacements) {
        assert.ok(plain.includes(`${r.text}” (${r.dropIn ? 'drop-in' : 'needs your judgment'}`), `hover should list "${r.text}"`);
      }
      assert.deepEqual(hover.range, d.range);
      const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 3 } });
      assert.equal(none, null);
    });

    it('offers one quick fix per alternative, preferred first, plus a disable comment', async function () {
      const diagnostics = (await client.pull(URI)).items;
      const d = diagnostics[0];
      const finding = lint(text, { languageId: 'playbook' }).findings[0];
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: d.range,
        context: { diagnostics: [d] },
      });
      const fixes = actions.filter((a) => a.kind === 'quickfix' && !/^(?:Disable|Always allow|Show documentation)/.test(a.title));
      assert.deepEqual(fixes.map((a) => a.title), finding.fixes.map((f) => f.title));
      assert.deepEqual(fixes.map((a) => a.isPreferred === true), finding.fixes.map((_, i) => i === 0));
      for (const action of fixes) {
        assert.equal(action.kind, 'quickfix');
        assert.deepEqual(action.diagnostics, [d]);
      }
      const disable = actions.filter((a) => a.title === `Disable ${d.code} for this line`);
      assert.equal(disable.length, 1);
      assert.equal(actions.filter((a) => a.title === `Disable ${d.code} for this file`).length, 1);
      const docs = actions.find((a) => a.title === `Show documentation for ${d.code}`);
      assert.equal(docs?.command?.command, 'vscode.open');
      assert.match(String(docs?.command?.arguments?.[0]), new RegExp(`#${d.code}$`));

      // Each diagnostic in the context gets its own actions, not just the first.
      const both = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: { start: { line: 0, character: 0 }, end: positionAt(text, text.length) },
        context: { diagnostics },
      });
      for (const diag of diagnostics) {
        assert.ok(both.some((a) => a.isPreferred && a.diagnostics?.[0]?.range.start.line === diag.range.start.line));
      }

      // Asking only for fix-all leaves out quick fixes.
      const onlyFixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: d.range,
        context: { diagnostics: [d], only: ['source.fixAll.trustlint'] },
      });
      assert.ok(onlyFixAll.every((a) => a.kind === 'source.fixAll.trustlint'));
    });

    it('applying the preferred fix removes that finding after the edit is synced', async function () {
      const [d] = (await client.pull(URI)).items;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: { start: d.range.start, end: d.range.start },
        context: { diagnostics: [d], only: ['quickfix'] },
      });
      const preferred = actions.find((a) => a.isPreferred);
      assert.ok(preferred?.edit?.changes?.[URI]?.length === 1);
      const [edit] = preferred.edit.changes[URI];
      const before = text;
      text = applyEdit(text, preferred.edit, URI);
      assert.notEqual(text, before);
      // Send the same edit incrementally, as VS Code would.
      await client.change(URI, ++version, [{ range: edit.range, text: edit.newText }]);
      const after = await client.pull(URI);
      const stillThere = after.items.filter((x) => x.code === d.code && x.range.start.line === d.range.start.line);
      assert.deepEqual(stillThere, []);
      // The other findings survive, at ranges that match the edited text.
      const expected = lint(text, { languageId: 'playbook' }).findings;
      assert.deepEqual(after.items.map((x) => textIn(text, x.range)), expected.map((f) => f.text));
      assert.deepEqual(after.items.map((x) => x.code), expected.map((f) => f.ruleId));
    });

    it('"Disable for this line" inserts an indented directive that silences the rule', async function () {
      const [d] = (await client.pull(URI)).items;
      assert.ok(d, 'a finding should remain for this test');
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      });
      const disable = actions.find((a) => a.title === `Disable ${d.code} for this line`);
      assert.ok(disable?.edit);
      const line = text.split('\n')[d.range.start.line];
      const indent = /^\s*/.exec(line)![0];
      const next = applyEdit(text, disable.edit, URI);
      assert.equal(next.split('\n')[d.range.start.line], `${indent}<!-- trustlint-disable-next-line ${d.code} -->`);
      await client.change(URI, version + 1, [{ text: next }]);
      const after = await client.pull(URI);
      assert.ok(!after.items.some((x) => x.code === d.code && x.range.start.line === d.range.start.line + 1));
      // Put the original text back for the next tests.
      await client.change(URI, version + 2, [{ text }]);
      version += 2;
    });

    it('fix-all applies exactly the drop-in fixes', async function () {
      const uri = 'file:///workspace/fixall.md';
      // Pick flagged examples from the pack: some with drop-in alternatives, and any without one.
      const rules = listRules().filter((r) => r.examples.flag.length > 0);
      const withDropIn = rules.filter((r) => r.replacements.some((x) => x.dropIn)).slice(0, 3);
      const judgmentOnly = rules.filter((r) => !r.replacements.some((x) => x.dropIn)).slice(0, 3);
      const source = [...withDropIn, ...judgmentOnly].map((r) => `${r.examples.flag[0].text}\n`).join('\n');
      await client.open(uri, 'markdown', source);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'source.fixAll.trustlint');
      const fixed = applyEdit(source, actions[0].edit, uri);
      assert.equal(fixed, fixAll(source, { languageId: 'markdown' }).text);
      // Findings without a drop-in alternative are left for a human.
      const before = lint(source, { languageId: 'markdown' }).findings;
      const remaining = lint(fixed, { languageId: 'markdown' }).findings;
      const manual = before.filter((f) => !f.fixes.some((x) => x.dropIn));
      for (const f of manual) assert.ok(fixed.includes(f.text), `"${f.text}" has no drop-in fix and must stay`);
      assert.ok(remaining.length < before.length, 'fix-all should have fixed something');
      await client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('returns headings as nested symbols and folds sections and code', async function () {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
      assert.deepEqual(
        symbols.map((s) => [s.name, s.children?.map((c) => c.name)]),
        [['Spring offer 🎉', ['Pitch', 'Follow-up', 'Close']]],
      );
      assert.equal(symbols[0].range.start.line, 0);
      const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
      const fence = where(text, '```');
      assert.ok(folds.some((f) => f.startLine === fence.start.line && f.endLine === fence.start.line + 2), 'fenced code folds');
      assert.ok(folds.some((f) => f.startLine === 0 && f.endLine === text.trimEnd().split('\n').length - 1), 'the H1 section folds');
    });

    it('re-pulls after a settings change and applies maxProblems, maxFileSize and languages', async function () {
      const initial = await client.pull(URI);
      const total = initial.items.length;
      assert.ok(total >= 2);
      const asked = client.configurationRequests;

      client.settings = { maxProblems: 1 };
      let refreshed = client.nextRefresh();
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      const capped = await client.pull(URI, initial.resultId);
      assert.equal(capped.kind, 'full', 'a result from before the change is never "unchanged"');
      assert.ok(client.configurationRequests > asked, 'settings are fetched again after a change');
      assert.equal(capped.items.length, 2);
      assert.equal(capped.items[1].severity, 3);
      assert.match(messageOf(capped.items[1]), new RegExp(`${total - 1} more`));

      client.settings = { maxFileSize: 10 };
      refreshed = client.nextRefresh();
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      const skipped = await client.pull(URI);
      assert.equal(skipped.items.length, 1);
      assert.equal(skipped.items[0].range.start.line, 0);
      assert.match(messageOf(skipped.items[0]), /maxFileSize/);

      // Plain text is off by default and on when listed; unknown languages are never linted.
      const txt = 'file:///workspace/notes.txt';
      await client.open(txt, 'plaintext', 'Act now, this offer expires tonight!\n');
      client.settings = {};
      refreshed = client.nextRefresh();
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      assert.deepEqual((await client.pull(txt)).items, []);
      client.settings = { languages: ['plaintext', 'markdown', 'playbook', 'rust'] };
      refreshed = client.nextRefresh();
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      assert.ok((await client.pull(txt)).items.length > 0, 'plaintext is linted when enabled');
      const rs = 'file:///workspace/main.rs';
      await client.open(rs, 'rust', '// Act now, this offer expires tonight!\n');
      assert.deepEqual((await client.pull(rs)).items, []);

      client.settings = { enable: false };
      refreshed = client.nextRefresh();
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      assert.deepEqual((await client.pull(URI)).items, []);
      client.settings = {};
      refreshed = client.nextRefresh();
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      assert.equal((await client.pull(URI)).items.length, total);
    });

    it('shuts down cleanly with exit code 0', async function () {
      assert.equal(await client.stop(), 0);
      assert.doesNotMatch(client.errors, /Error/);
    });
  });

  describe('with push diagnostics', function () {
    let client: TestClient;
    const uri = 'file:///workspace/push.playbook';

    before(async function () {
      const started = await TestClient.start(PUSH_CAPABILITIES);
      client = started.client;
      assert.equal(started.init.capabilities.diagnosticProvider, undefined);
    });

    after(function () {
      client?.kill();
    });

    it('publishes after open and after each change, for the latest version only', async function () {
      let published = client.nextPublish((p) => p.uri === uri, 'diagnostics after didOpen');
      await client.open(uri, 'playbook', TEXT, 1);
      let p = await published;
      assert.equal(p.version, 1);
      const expected = lint(TEXT, { languageId: 'playbook' }).findings;
      assert.deepEqual(p.diagnostics.map((d: Diagnostic) => [d.code, textIn(TEXT, d.range)]), expected.map((f) => [f.ruleId, f.text]));

      // Two quick edits: only the last version is published.
      const clean = '# Notes\n\nTake the time you need.\n';
      published = client.nextPublish((x) => x.uri === uri, 'diagnostics after didChange');
      await client.change(uri, 2, [{ range: where(TEXT, 'Act now'), text: 'Happy to wait' }]);
      await client.change(uri, 3, [{ text: clean }]);
      p = await published;
      assert.equal(p.version, 3);
      assert.deepEqual(p.diagnostics, []);
      assert.ok(!client.published.some((x) => x.uri === uri && x.version === 2), 'the stale version must not be published');

      published = client.nextPublish((x) => x.uri === uri, 'diagnostics after the second change');
      await client.change(uri, 4, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Act now! ' }]);
      p = await published;
      assert.equal(p.version, 4);
      assert.equal(p.diagnostics.length, lint('# Notes\n\nAct now! Take the time you need.\n', { languageId: 'playbook' }).findings.length);
      assert.ok(p.diagnostics.length > 0);
    });

    it('re-publishes when settings arrive by notification, and clears on close', async function () {
      let published = client.nextPublish((x) => x.uri === uri, 'diagnostics after the settings change');
      await client.notify('workspace/didChangeConfiguration', { settings: { trustlint: { enable: false } } });
      assert.deepEqual((await published).diagnostics, []);

      published = client.nextPublish((x) => x.uri === uri && x.diagnostics.length > 0, 'diagnostics after re-enabling');
      await client.notify('workspace/didChangeConfiguration', { settings: { trustlint: { enable: true } } });
      await published;

      published = client.nextPublish((x) => x.uri === uri, 'diagnostics cleared on close');
      await client.notify('textDocument/didClose', { textDocument: { uri } });
      assert.deepEqual((await published).diagnostics, []);
    });

    it('shuts down cleanly with exit code 0', async function () {
      assert.equal(await client.stop(), 0);
    });
  });

  describe('with push diagnostics and slow settings', function () {
    let client: TestClient;

    before(async function () {
      ({ client } = await TestClient.start({ ...PUSH_CAPABILITIES, workspace: { configuration: true } }));
    });

    after(function () {
      client?.kill();
    });

    it('drops a result whose document changed while settings were being fetched', async function () {
      const uri = 'file:///workspace/slow.playbook';
      let release!: () => void;
      client.holdConfiguration = new Promise<void>((resolve) => (release = resolve));
      const asked = client.nextConfigurationRequest();
      await client.open(uri, 'playbook', TEXT, 1);
      await asked;
      // Version 1 is being linted; the user types before the settings arrive.
      const published = client.nextPublish((p) => p.uri === uri, 'diagnostics for version 2');
      await client.change(uri, 2, [{ text: '# Notes\n\nAct now!\n' }]);
      release();
      client.holdConfiguration = undefined;
      const p = await published;
      assert.equal(p.version, 2);
      assert.ok(!client.published.some((x) => x.uri === uri && x.version === 1), 'version 1 must not be published');
      assert.equal(p.diagnostics.length, lint('# Notes\n\nAct now!\n', { languageId: 'playbook' }).findings.length);
      assert.equal(await client.stop(), 0);
    });
  });

  describe('as VS Code', function () {
    it('leaves Markdown outlines to VS Code but outlines playbooks', async function () {
      const { client } = await TestClient.start(PULL_CAPABILITIES, { clientInfo: { name: 'Visual Studio Code', version: '1.100.0' } });
      try {
        await client.open('file:///workspace/a.md', 'markdown', TEXT);
        await client.open('file:///workspace/a.playbook', 'playbook', TEXT);
        assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///workspace/a.md' } }), []);
        assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri: 'file:///workspace/a.md' } }), []);
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///workspace/a.playbook' } });
        assert.equal(symbols.length, 1);
        assert.equal(await client.stop(), 0);
      } finally {
        client.kill();
      }
    });
  });

  describe('with settings in initializationOptions', function () {
    it('uses them when the client cannot answer workspace/configuration', async function () {
      const { client } = await TestClient.start(PUSH_CAPABILITIES, { initializationOptions: { trustlint: { maxProblems: 1 } } });
      try {
        const uri = 'file:///workspace/init.playbook';
        const published = client.nextPublish((p) => p.uri === uri, 'diagnostics after didOpen');
        await client.open(uri, 'playbook', TEXT);
        const p = await published;
        assert.ok(lint(TEXT, { languageId: 'playbook' }).findings.length > 1);
        assert.equal(p.diagnostics.length, 2, 'one finding plus the "more not shown" notice');
        assert.equal(client.configurationRequests, 0);
        assert.equal(await client.stop(), 0);
      } finally {
        client.kill();
      }
    });
  });

  describe('robustness', function () {
    let client: TestClient;

    before(async function () {
      ({ client } = await TestClient.start(PULL_CAPABILITIES));
    });

    after(function () {
      client?.kill();
    });

    it('answers requests for unknown documents with empty results', async function () {
      const uri = 'file:///nowhere/missing.playbook';
      assert.deepEqual(await client.pull(uri), { kind: 'full', items: [] });
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
      assert.deepEqual(
        await client.request('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [] },
        }),
        [],
      );
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
    });

    it('survives malformed params and keeps serving', async function () {
      const attempts: Array<[string, unknown]> = [
        ['textDocument/diagnostic', {}],
        ['textDocument/diagnostic', null],
        ['textDocument/hover', { textDocument: 5 }],
        ['textDocument/codeAction', { textDocument: { uri: 'file:///x' } }],
        ['textDocument/codeAction', { textDocument: { uri: 'file:///x' }, range: 'everything', context: 7 }],
        ['textDocument/documentSymbol', { textDocument: null }],
        ['textDocument/foldingRange', []],
      ];
      for (const [method, params] of attempts) {
        // An error response is acceptable; a dead server is not.
        await client.request(method, params).catch((error: unknown) => assert.ok(error instanceof Error));
      }
      await client.notify('textDocument/didOpen', {});
      await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.md', version: 2 }, contentChanges: [{ text: 'x' }] });
      await client.notify('workspace/didChangeConfiguration', 42);

      const uri = 'file:///workspace/after.md';
      await client.open(uri, 'markdown', 'Act now, this offer expires tonight!\n');
      const report = await client.pull(uri);
      assert.ok(report.items.length > 0, 'the server still lints after bad input');
      // Out-of-range positions are clamped by the document, not fatal.
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 99, character: 0 }, end: { line: 99, character: 5 } },
        context: { diagnostics: [{ ...report.items[0], range: { start: { line: 99, character: 0 }, end: { line: 99, character: 5 } } }] },
      });
      assert.ok(Array.isArray(actions));
    });

    it('exits with code 0 after shutdown and exit', async function () {
      assert.equal(await client.stop(), 0);
    });
  });
});
