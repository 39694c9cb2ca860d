// Trustlint inside a real VS Code extension host: activation, diagnostics, quick fixes, fix-all, hover,
// snippets, configuration files and crash recovery. The expected findings come from the pure core run on the
// same text, so the suite checks the editor wiring, not a copy of the rule pack.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import * as vscode from 'vscode';
import { applyFixes, fixAll, getRule } from '../../../server/src/core';
import {
  EXTENSION_ID,
  PROBE_LINE,
  activeExtension,
  applyAction,
  closeAllEditors,
  describe as describeDiagnostics,
  diagnosticKey,
  expectedFindings,
  findingKey,
  matchesCore,
  openInEditor,
  ruleId,
  serverPids,
  trustlintDiagnostics,
  waitForDiagnostics,
  workspaceRoot,
  writeWorkspaceFile,
} from './helpers';

/**
 * PENDING: the language server re-lints on watched-file events but does not read .trustlintrc.json yet
 * (the configuration feature is a later issue). Set this to true when it does; the test below then runs.
 */
const CONFIG_FILES_SUPPORTED = true;

let fileCount = 0;
/** A new file per use: VS Code keeps closed documents in memory for a while, so reusing a name could show stale text. */
function fixture(text: string): string {
  fileCount += 1;
  return writeWorkspaceFile(`case-${fileCount}.playbook`, text);
}

interface SnippetScenario {
  /** The document before the snippet goes in; it always contains the probe line. */
  text: string;
  /** Where the snippet is inserted (line, character). */
  cursor: (text: string) => [number, number];
  /** A follow-up edit after the insertion (`line` is where the snippet went). */
  then: (editor: vscode.TextEditor, line: number) => Promise<void>;
  /** Directive scenarios: whether the last probe line is still reported afterwards (true after an enable). */
  probeReported?: boolean;
}

const nothing = async (): Promise<void> => undefined;

/** Templates go above the probe line; one more line break then moves the probe down. */
const TEMPLATE_SCENARIO: SnippetScenario = {
  text: `\n${PROBE_LINE}\n`,
  cursor: () => [0, 0],
  then: async (editor) => {
    const probe = editor.document.getText().split('\n').lastIndexOf(PROBE_LINE);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(probe, 0), '\n')), 'could not move the probe line');
  },
};

/** Suppression snippets go where a user puts them: next to the probe line they silence. */
const DIRECTIVE_SCENARIOS: Record<string, SnippetScenario> = {
  'trustlint-disable-next-line': { text: `${PROBE_LINE}\n`, cursor: () => [0, 0], then: nothing },
  'trustlint-disable-line': { text: `${PROBE_LINE}\n`, cursor: () => [0, PROBE_LINE.length], then: nothing },
  'trustlint-disable-file': { text: `${PROBE_LINE}\n`, cursor: () => [0, 0], then: nothing },
  // The block snippet leaves an empty line between disable and enable; the probe line goes there.
  'trustlint-disable': {
    text: `${PROBE_LINE}\n\n`,
    cursor: () => [2, 0],
    then: async (editor) => {
      await editor.edit((b) => b.delete(new vscode.Range(0, 0, 1, 0)));
      const lines = editor.document.getText().split('\n');
      const hole = lines.findIndex((l, i) => i > 0 && l === '' && /trustlint-disable /.test(lines[i - 2] ?? ''));
      assert.ok(hole > 0, `no empty line inside the disable block:\n${editor.document.getText()}`);
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(hole, 0), PROBE_LINE)), 'could not fill the block');
    },
  },
  'trustlint-enable': {
    text: `<!-- trustlint-disable false-urgency -- quoted terms -->\n\n${PROBE_LINE}\n\n`,
    cursor: (text) => [text.split('\n').length - 1, 0],
    // Text after the enable comment is checked again: a second probe line there must be reported.
    then: async (editor) => {
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      assert.ok(await editor.edit((b) => b.insert(end, `\n${PROBE_LINE}\n`)), 'could not add the second probe line');
    },
    probeReported: true,
  },
};

function exampleFiles(): string[] {
  const dir = path.join(workspaceRoot(), 'examples');
  return fs.readdirSync(dir).filter((n) => n.endsWith('.playbook')).sort().map((n) => path.join(dir, n));
}

describe('Trustlint in VS Code', () => {
  before(async () => {
    await closeAllEditors();
  });

  afterEach(async () => {
    // Leave no dirty editors behind: the next test starts from the files on disk.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('activates when a .playbook file is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    const editor = await openInEditor(exampleFiles()[0]!);
    assert.equal(editor.document.languageId, 'playbook');
    // onLanguage:playbook activation; activate() resolves at once if it already ran.
    await extension.activate();
    assert.equal(extension.isActive, true);
    assert.ok(extension.packageJSON.contributes.commands.some((c: { command: string }) => c.command === 'trustlint.restartServer'));
  });

  it('reports the findings of every example playbook with exact ranges, codes and severities', async () => {
    await activeExtension();
    const files = exampleFiles();
    assert.ok(files.length > 0, 'no examples/*.playbook to check');
    let total = 0;
    for (const file of files) {
      const { document } = await openInEditor(file);
      const expected = expectedFindings(document.getText(), document.languageId);
      assert.ok(expected.length > 0, `${path.basename(file)} has no findings; the examples mix coercive and trust-based lines`);
      const got = await waitForDiagnostics(document.uri, (ds) => matchesCore(document, ds),
        `the ${expected.length} findings of ${path.basename(file)}`);
      for (const d of got) {
        assert.equal(d.source, 'trustlint');
        assert.match(ruleId(d), /^[a-z0-9]+(-[a-z0-9]+)*$/, 'the code is the kebab-case rule id');
        assert.ok(typeof d.code === 'object' && d.code.target instanceof vscode.Uri, 'the code links to the rule documentation');
        assert.ok(d.message.length > 20, `a real message, not "${d.message}"`);
      }
      total += got.length;
    }
    assert.ok(total >= files.length);
  });

  it('flags the false-urgency probe line exactly where the core says', async () => {
    const file = fixture(`# Call notes\n\nThanks for your time today.\n${PROBE_LINE}\n`);
    const { document } = await openInEditor(file);
    const expected = expectedFindings(document.getText(), 'playbook');
    assert.ok(expected.length > 0, `the core does not flag "${PROBE_LINE}"`);
    const got = await waitForDiagnostics(document.uri, (ds) => matchesCore(document, ds), 'the probe line diagnostics');
    for (const d of got) {
      assert.equal(d.range.start.line, 3, 'every finding is on the probe line');
      const text = document.getText(d.range);
      assert.ok(PROBE_LINE.includes(text) && text.length > 0, `range covers "${text}"`);
    }
    const messages = new Set(expected.map((f) => f.message));
    assert.ok(got.every((d) => messages.has(d.message)), 'messages are the rule messages');
  });

  it('applies the preferred quick fix through executeCodeActionProvider and the finding disappears', async () => {
    const file = fixture(`# Closing call\n\n${PROBE_LINE}\n`);
    const { document } = await openInEditor(file);
    const [diagnostic] = await waitForDiagnostics(document.uri, (ds) => ds.length > 0 && matchesCore(document, ds), 'a finding to fix');
    const finding = expectedFindings(document.getText(), 'playbook').find((f) => findingKey(document, f) === diagnosticKey(diagnostic!));
    assert.ok(finding && finding.fixes.length > 0, 'the finding has a fix');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
    // VS Code does not hand the actions' diagnostics back through this command, so match the core's fix titles.
    const titles = finding.fixes.map((f) => f.title);
    const ours = actions.filter((a) => titles.includes(a.title));
    assert.deepEqual(ours.map((a) => a.title), titles,
      `one quick fix per replacement, in order; got ${actions.map((a) => `${a.title} [${a.kind?.value}]`).join(' | ') || 'none'}`);
    const preferred = ours.find((a) => a.isPreferred);
    assert.ok(preferred, 'one quick fix is preferred');
    assert.equal(preferred.title, titles[0], 'the preferred quick fix is the first replacement');
    assert.ok(vscode.CodeActionKind.QuickFix.contains(preferred.kind!), 'it is a quickfix');

    const before = document.getText();
    await applyAction(preferred);
    const wanted = applyFixes(before, [finding.fixes[0]!]).text;
    assert.equal(document.getText(), wanted, 'the preferred fix applied the core\'s first replacement');
    await waitForDiagnostics(document.uri,
      (ds) => matchesCore(document, ds) && !ds.some((d) => diagnosticKey(d) === diagnosticKey(diagnostic!)),
      'the fixed finding to disappear');
  });

  it('fix-all (source.fixAll.trustlint) applies the drop-in rewrites and nothing else', async () => {
    const text = fs.readFileSync(exampleFiles()[0]!, 'utf8') + `\n${PROBE_LINE}\n`;
    const expected = fixAll(text, { languageId: 'playbook' });
    assert.ok(expected.applied > 0, 'the text has at least one drop-in fix');
    const findings = expectedFindings(text, 'playbook');
    const preferredAll = applyFixes(text, findings.map((f) => f.fixes[0]!).filter(Boolean)).text;

    const file = fixture(text);
    const { document } = await openInEditor(file);
    await waitForDiagnostics(document.uri, (ds) => matchesCore(document, ds), 'the findings before fix-all');
    const full = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, full, 'source.fixAll.trustlint');
    const fix = actions.find((a) => a.kind?.value === 'source.fixAll.trustlint');
    assert.ok(fix, `no source.fixAll.trustlint action; got ${actions.map((a) => `${a.title} (${a.kind?.value})`).join(', ')}`);
    await applyAction(fix);
    assert.equal(document.getText(), expected.text, 'fix-all produced the core\'s drop-in-only result');
    if (findings.some((f) => f.fixes.length > 0 && !f.fixes[0]!.dropIn)) {
      assert.notEqual(document.getText(), preferredAll, 'fix-all left the rewrites that need a human alone');
    }
    const after = await waitForDiagnostics(document.uri, (ds) => matchesCore(document, ds), 'the findings after fix-all');
    assert.ok(after.length < findings.length, 'fix-all removed the findings that had drop-in fixes');
    // Findings whose rewrites all need a human stay exactly as they were.
    const left = expectedFindings(document.getText(), 'playbook');
    for (const manual of findings.filter((f) => f.fixes.length > 0 && !f.fixes.some((x) => x.dropIn))) {
      assert.ok(left.some((f) => f.ruleId === manual.ruleId && f.text === manual.text),
        `fix-all rewrote "${manual.text}" (${manual.ruleId}), which has no drop-in fix`);
    }
  });

  it('shows the tactic, rationale and alternatives on hover', async () => {
    const file = fixture(`${PROBE_LINE}\n`);
    const { document } = await openInEditor(file);
    const [diagnostic] = await waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'a finding to hover');
    const rule = getRule(ruleId(diagnostic!));
    assert.ok(rule, `unknown rule ${ruleId(diagnostic!)}`);
    const middle = document.positionAt(Math.floor((document.offsetAt(diagnostic!.range.start) + document.offsetAt(diagnostic!.range.end)) / 2));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, middle);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes(rule.rationale.slice(0, 40)), `hover shows the rationale; got:\n${text}`);
    assert.ok(rule.replacements.some((r) => text.includes(r.text)), `hover lists an alternative; got:\n${text}`);

    // Away from any finding there is no Trustlint hover.
    const clean = fixture('Thanks for your time today.\n');
    const cleanDoc = (await openInEditor(clean)).document;
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', cleanDoc.uri, new vscode.Position(0, 3));
    const noneText = none.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(!noneText.includes(rule.rationale.slice(0, 40)), 'no Trustlint hover on clean text');
  });

  it('opens the trust report view for the active playbook', async function () {
    this.timeout(60_000);
    const file = fixture(`# Closing\n\n${PROBE_LINE}\n`);
    const { document } = await openInEditor(file);
    await waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'the probe finding before the report');
    const isReport = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label.startsWith('Trust report'));
    const opened = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no "Trust report" tab within 20 s (tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')})`)); }, 20_000);
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => { if (isReport()) { clearTimeout(timer); sub.dispose(); resolve(); } });
    });
    await vscode.commands.executeCommand('trustlint.showTrustReport');
    if (!isReport()) await opened;
    assert.ok(isReport());
  });

  it('inserts every contributed snippet without creating a finding', async function () {
    const extension = await activeExtension();
    const snippetsFile = path.join(extension.extensionPath, 'snippets', 'playbook.code-snippets');
    const snippets = parseJsonc(fs.readFileSync(snippetsFile, 'utf8')) as Record<string, { prefix: string | string[] }>;
    const names = Object.keys(snippets);
    assert.ok(names.length > 0, 'snippets/playbook.code-snippets is empty');
    this.timeout(30_000 + names.length * 15_000);
    for (const name of names) {
      const prefixes = [snippets[name]!.prefix].flat();
      const directive = prefixes.find((p) => p.startsWith('trustlint-'));
      const scenario = directive ? DIRECTIVE_SCENARIOS[directive] : TEMPLATE_SCENARIO;
      assert.ok(scenario, `no editor scenario for the directive snippet "${name}" (${directive}); add one to DIRECTIVE_SCENARIOS`);
      const editor = await openInEditor(fixture(scenario.text));
      const { document } = editor;
      await waitForDiagnostics(document.uri, (ds) => matchesCore(document, ds), `the findings before snippet "${name}"`);
      const original = document.getText();
      const [line, character] = scenario.cursor(original);
      editor.selection = new vscode.Selection(line, character, line, character);
      // Look the snippet up by name, so this also proves VS Code registered the contributed snippet file.
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'playbook', name });
      assert.notEqual(document.getText(), original, `snippet "${name}" inserted nothing`);
      await scenario.then(editor, line);
      // Every scenario moves or silences the probe finding, so the diagnostics from before the snippet can never
      // equal the core's findings for the new text: once they do, the server has linted the snippet.
      const after = await waitForDiagnostics(document.uri, (ds) => matchesCore(document, ds),
        `diagnostics after inserting snippet "${name}"`);
      const probeLine = document.getText().split('\n').lastIndexOf(PROBE_LINE);
      // Findings may sit on the last probe line only: after a template, or after a snippet that enables checks again.
      const probeAllowed = !directive || scenario.probeReported === true;
      const unexpected = after.filter((d) => !(probeAllowed && d.range.start.line === probeLine));
      assert.deepEqual(unexpected.map((d) => `${diagnosticKey(d)} ${d.message}`), [],
        `snippet "${name}" left unexpected findings:\n${document.getText()}`);
      if (directive && scenario.probeReported) {
        assert.ok(after.some((d) => d.range.start.line === probeLine), `after "${name}" the probe line is checked again`);
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('re-lints when .trustlintrc.json turns a rule off', async function () {
    if (!CONFIG_FILES_SUPPORTED) {
      console.log('      (pending: the language server does not read .trustlintrc.json yet; set CONFIG_FILES_SUPPORTED when it does)');
      this.skip();
    }
    const file = fixture(`${PROBE_LINE}\n`);
    const { document } = await openInEditor(file);
    const before = await waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'the probe finding');
    const id = ruleId(before[0]!);
    const config = path.join(workspaceRoot(), '.trustlintrc.json');
    try {
      fs.writeFileSync(config, JSON.stringify({ rules: { [id]: 'off' } }, null, 2));
      await waitForDiagnostics(document.uri, (ds) => !ds.some((d) => ruleId(d) === id), `${id} to disappear after turning it off`);
    } finally {
      fs.rmSync(config, { force: true });
    }
    await waitForDiagnostics(document.uri, (ds) => ds.some((d) => ruleId(d) === id), `${id} to come back after deleting the config`);
  });

  it('restarts the client with the new document selector when trustlint.languages changes', async () => {
    const config = vscode.workspace.getConfiguration('trustlint');
    const file = writeWorkspaceFile(`languages-${Date.now()}.txt`, `${PROBE_LINE}\n`);
    const { document } = await openInEditor(file);
    assert.equal(document.languageId, 'plaintext');
    assert.deepEqual(trustlintDiagnostics(document.uri), [], 'plain text is not checked by default');
    try {
      await config.update('languages', ['playbook', 'markdown', 'plaintext'], vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(document.uri, (ds) => ds.length > 0 && matchesCore(document, ds),
        'diagnostics for plain text after adding it to trustlint.languages');
    } finally {
      await config.update('languages', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'plain text diagnostics to go once it is removed again');
  });

  it('restarts the server after it is killed and keeps linting', async () => {
    const file = fixture(`${PROBE_LINE}\n`);
    const editor = await openInEditor(file);
    const { document } = editor;
    await waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'the probe finding');
    const before = serverPids();
    assert.equal(before.length, 1, `exactly one Trustlint server runs under the extension host (pids: ${before.join(', ') || 'none'})`);
    process.kill(before[0]!, 'SIGKILL');
    // Edit while the server is down: only a new server that received the current text can report the new line.
    await editor.edit((b) => b.insert(new vscode.Position(document.lineCount, 0), `\n\n${PROBE_LINE}\n`));
    const newLine = document.lineCount - 2;
    await waitForDiagnostics(document.uri,
      (ds) => ds.some((d) => d.range.start.line === newLine) && matchesCore(document, ds),
      'diagnostics from the restarted server', 30_000);
    const fresh = serverPids().filter((pid) => !before.includes(pid));
    assert.equal(fresh.length, 1, `one new server after the restart (before: ${before.join(', ')}, now: ${serverPids().join(', ') || 'none'})`);
  });

  it('restarts the server on "Trustlint: Restart Server"', async () => {
    const file = fixture(`${PROBE_LINE}\n`);
    const editor = await openInEditor(file);
    await waitForDiagnostics(editor.document.uri, (ds) => ds.length > 0, 'the probe finding');
    const before = serverPids();
    await vscode.commands.executeCommand('trustlint.restartServer');
    const fresh = serverPids().filter((pid) => !before.includes(pid));
    assert.equal(fresh.length, 1, `one new server after the restart (before: ${before.join(', ') || 'none'}, now: ${serverPids().join(', ') || 'none'})`);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), `${PROBE_LINE}\n`));
    await waitForDiagnostics(editor.document.uri,
      (ds) => ds.some((d) => d.range.start.line === 0) && ds.some((d) => d.range.start.line === 1),
      'diagnostics from the restarted server');
    assert.ok(trustlintDiagnostics(editor.document.uri).length > 0, describeDiagnostics(trustlintDiagnostics(editor.document.uri)));
  });
  it('gives up after 4 crashes in 3 minutes, and "Restart Server" brings it back', async function () {
    this.timeout(120_000);
    await vscode.commands.executeCommand('trustlint.restartServer'); // a fresh client starts with a clean crash count
    const file = fixture(`${PROBE_LINE}\n`);
    const editor = await openInEditor(file);
    const { document } = editor;
    await waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'the probe finding');
    for (let crash = 1; crash <= 4; crash++) {
      const before = serverPids();
      assert.equal(before.length, 1, `one server before crash ${crash}`);
      process.kill(before[0]!, 'SIGKILL');
      await editor.edit((b) => b.insert(new vscode.Position(document.lineCount, 0), `${PROBE_LINE}\n`));
      const line = document.lineCount - 2;
      await waitForDiagnostics(document.uri, (ds) => ds.some((d) => d.range.start.line === line) && matchesCore(document, ds),
        `diagnostics after restart ${crash}`, 30_000);
    }
    // The fifth crash within the window: the client stops, which clears its diagnostics.
    process.kill(serverPids()[0]!, 'SIGKILL');
    await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'the client to give up and clear its diagnostics', 30_000);
    assert.deepEqual(serverPids(), [], 'no server is restarted after the fifth crash');

    await vscode.commands.executeCommand('trustlint.restartServer');
    await waitForDiagnostics(document.uri, (ds) => ds.length > 0 && matchesCore(document, ds), 'diagnostics after Restart Server');
    assert.equal(serverPids().length, 1, 'one server after Restart Server');
  });
});
