// Shared helpers for the extension-host suite. Everything waits on VS Code events with a deadline; nothing sleeps.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { lint, type Finding } from '../../../server/src/core';

export const EXTENSION_ID = 'trustlint.trustlint';
export const SOURCE = 'trustlint';
/** A line the built-in rule pack flags (false urgency); used as a probe that the server has seen the latest text. */
export const PROBE_LINE = 'Act now, this offer expires tonight!';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e suite needs a workspace folder (run it through test/e2e/runSuite.mjs)');
  return folder.uri.fsPath;
}

export function trustlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The rule id of a diagnostic (the server sends `code` as `{ value, target }` with a docs link). */
export function ruleId(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Resolves with the document's Trustlint diagnostics once `accept` returns true for them, checking now and on every
 * onDidChangeDiagnostics event; rejects after `ms` with `what` and the last diagnostics seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let last: vscode.Diagnostic[] = [];
    const check = (): boolean => {
      last = trustlintDiagnostics(uri);
      if (!accept(last)) return false;
      finish();
      resolve(last);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}; last Trustlint diagnostics: ${describe(last)}`));
    }, ms);
    function finish(): void {
      subscription.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

/** What the server should report for `text`: the pure core run directly, with the default configuration. */
export function expectedFindings(text: string, languageId: string): Finding[] {
  return lint(text, { languageId }).findings;
}

const SEVERITIES: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A comparable key for a diagnostic: rule id, range, severity. */
export function diagnosticKey(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${ruleId(d)} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.severity}`;
}

export function findingKey(doc: vscode.TextDocument, f: Finding): string {
  const s = doc.positionAt(f.start);
  const e = doc.positionAt(f.end);
  return `${f.ruleId} ${s.line}:${s.character}-${e.line}:${e.character} ${SEVERITIES[f.severity]}`;
}

/** True when the diagnostics are exactly what the core finds in the document's current text. */
export function matchesCore(doc: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): boolean {
  const want = expectedFindings(doc.getText(), doc.languageId).map((f) => findingKey(doc, f)).sort();
  const got = diagnostics.map(diagnosticKey).sort();
  return want.length === got.length && want.every((k, i) => k === got[i]);
}

export function describe(diagnostics: vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics.map(diagnosticKey).join('; ');
}

export async function openInEditor(file: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Writes a file into the test workspace (a temporary copy, never the repository) and returns its path. */
export function writeWorkspaceFile(name: string, text: string): string {
  const file = path.join(workspaceRoot(), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Process ids of the Trustlint language servers forked by this extension host. The client starts
 * dist/server.js over IPC as a child of the extension host, which is the process these tests run in.
 */
export function serverPids(): number[] {
  const mine = process.pid;
  const rows: Array<{ pid: number; ppid: number; command: string }> = [];
  if (process.platform === 'linux') {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        // The command name in field 2 may contain spaces; the parent pid follows the closing parenthesis.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
        rows.push({ pid: Number(entry), ppid, command });
      } catch {
        // The process ended while we were reading it.
      }
    }
  } else {
    const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,command='], { encoding: 'utf8' });
    for (const line of out.split('\n')) {
      const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
      if (m) rows.push({ pid: Number(m[1]), ppid: Number(m[2]), command: m[3]! });
    }
  }
  return rows
    .filter((r) => r.ppid === mine && /dist[\\/]server\.js/.test(r.command))
    .map((r) => r.pid)
    .sort((a, b) => a - b);
}

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  if (!extension.isActive) await extension.activate();
  return extension;
}

/** Applies a code action's edit and checks VS Code accepted it. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `code action "${action.title}" carries no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `VS Code refused the edit of "${action.title}"`);
}
