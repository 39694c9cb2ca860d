// .trustlintrc.json through the language server: the same findings as the CLI, problems on the config file at the
// exact key, last good config kept while it is broken, hot reload on change, and the "always allow" edit.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResourceOperationKind, type ClientCapabilities, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './testClient';

const CAPS: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { dynamicRegistration: false } },
  workspace: { workspaceEdit: { documentChanges: true, resourceOperations: [ResourceOperationKind.Create] } },
};

describe('language server with .trustlintrc.json', function () {
  let dir: string;
  let client: TestClient;
  let uri: string;
  let configUri: string;
  const text = 'Act now! Only 3 spots left!\n';

  before(async function () {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-lsp-config-')));
    fs.writeFileSync(path.join(dir, '.trustlintrc.json'), '{ "categories": { "artificial-scarcity": "off" } }\n');
    fs.writeFileSync(path.join(dir, 'call.md'), text);
    uri = pathToFileURL(path.join(dir, 'call.md')).href;
    configUri = pathToFileURL(path.join(dir, '.trustlintrc.json')).href;
    client = (await TestClient.start(CAPS)).client;
    await client.open(uri, 'markdown', text);
  });
  after(function () {
    client?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const codes = async () => (await client.pull(uri)).items.map((d: Diagnostic) => d.code).sort();

  it('applies the nearest config file', async function () {
    assert.deepEqual(await codes(), ['act-now']);
  });

  it('reports a typo on the config file at the key, and keeps the last good config meanwhile', async function () {
    fs.writeFileSync(path.join(dir, '.trustlintrc.json'), '{\n  "categories": { "artificial-scarcity": "off" },\n  "rulez": {}\n}\n');
    const published = client.nextPublish((p) => p.uri === configUri && p.diagnostics.length > 0, 'config problems');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    assert.deepEqual(await codes(), ['act-now'], 'the last good config still applies');
    const p = await published;
    assert.match(String(p.diagnostics[0].message), /unknown key "rulez" \(did you mean "rules"\?\)/);
    assert.deepEqual(p.diagnostics[0].range.start, { line: 2, character: 2 });
  });

  it('hot-reloads a fixed config and clears its problems', async function () {
    fs.writeFileSync(path.join(dir, '.trustlintrc.json'), '{ "rules": { "act-now": "off" } }\n');
    const cleared = client.nextPublish((p) => p.uri === configUri && p.diagnostics.length === 0, 'config problems cleared');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    assert.deepEqual(await codes(), ['low-stock-claim']);
    await cleared;
  });

  it('offers to always allow a phrase by editing the config file', async function () {
    const [d] = (await client.pull(uri)).items;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const allow = actions.find((a) => a.title.startsWith('Always allow'));
    assert.ok(allow?.edit?.changes?.[configUri], 'edits the existing config file');
    const edits = allow!.edit!.changes![configUri];
    assert.ok(edits.some((e) => e.newText.includes('"allow"')));
  });
});

describe('language server trust report request', function () {
  it('answers trustlint/trustReport with the score, its items and a page', async function () {
    const { client } = await TestClient.start(CAPS);
    try {
      const uri = 'file:///tmp/trust-report.playbook';
      const text = '# Closing\n\nAct now, this offer expires tonight!\n';
      await client.open(uri, 'playbook', text);
      const r = await client.request<{ report: { score: number; items: Array<{ kind: string; ruleId?: string }> }; html: string }>('trustlint/trustReport', { textDocument: { uri } });
      assert.ok(r.report.score < 100);
      assert.ok(r.report.items.some((i) => i.kind === 'finding'));
      assert.ok(r.report.items.some((i) => i.kind === 'missing-move'));
      assert.match(r.html, /command:trustlint\.revealLine/);
      assert.equal(await client.request('trustlint/trustReport', { textDocument: { uri: 'file:///nope.md' } }), null);
    } finally {
      client.kill();
    }
  });
});
