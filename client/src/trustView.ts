// Editor-side views of the server's trust report: a status-bar score with a breakdown, and a report page.
// All scoring happens in the server (trustlint/trustReport); this module only shows it.
import { parse } from 'jsonc-parser/lib/esm/main.js';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

interface ReportItem { kind: string; points: number; reason: string; section: string; ruleId?: string }
interface Response {
  uri: string;
  report: { score: number; words: number; items: ReportItem[]; sections: Array<{ title: string; score: number; words: number }>; missingMoves: Array<{ advice: string; snippet: string }> };
  html: string;
}

export function registerTrustView(context: vscode.ExtensionContext, getClient: () => BaseLanguageClient | undefined, languages: () => string[]): void {
  const item = vscode.window.createStatusBarItem('trustlint.score', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Trustlint trust score';
  item.command = 'trustlint.showTrustReport';
  let panel: vscode.WebviewPanel | undefined;
  let panelUri: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function fetch(uri: vscode.Uri): Promise<Response | undefined> {
    const client = getClient();
    if (!client || !client.isRunning()) return undefined;
    try {
      return (await client.sendRequest<Response | null>('trustlint/trustReport', { textDocument: { uri: uri.toString() } })) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async function refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !languages().includes(editor.document.languageId)) { item.hide(); return; }
    const response = await fetch(editor.document.uri);
    if (!response) { item.hide(); return; }
    const { report } = response;
    item.text = `$(shield) Trust ${report.score}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**Trust score ${report.score}/100** over ${report.words} words\n\n`);
    for (const s of report.sections.filter((x) => x.words > 0).slice(0, 8)) tip.appendMarkdown(`- ${s.title.replace(/[*_`[\]]/g, '')}: ${s.score}\n`);
    const lost = report.items.slice(0, 5);
    if (lost.length) {
      tip.appendMarkdown('\nBiggest losses:\n\n');
      for (const i of lost) tip.appendMarkdown(`- −${i.points.toFixed(1)} ${i.ruleId ? `\`${i.ruleId}\`` : i.kind}: ${i.reason.replace(/[*_`[\]]/g, '')}\n`);
    }
    tip.appendMarkdown('\nClick for the full trust report.');
    item.tooltip = tip;
    item.show();
    if (panel && panelUri === response.uri) panel.webview.html = response.html;
  }

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  };

  context.subscriptions.push(
    item,
    { dispose: () => timer && clearTimeout(timer) },
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) schedule();
    }),
    vscode.commands.registerCommand('trustlint.showTrustReport', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) { void vscode.window.showInformationMessage('Open a playbook to see its trust report.'); return; }
      const response = await fetch(editor.document.uri);
      if (!response) { void vscode.window.showInformationMessage('Trustlint does not check this file (see trustlint.languages).'); return; }
      if (!panel) {
        panel = vscode.window.createWebviewPanel('trustlint.report', 'Trust report', vscode.ViewColumn.Beside, { enableCommandUris: true, enableScripts: false });
        panel.onDidDispose(() => { panel = undefined; panelUri = undefined; });
      }
      panelUri = response.uri;
      panel.title = `Trust report: ${editor.document.fileName.split(/[\\/]/).pop()}`;
      panel.webview.html = response.html;
      panel.reveal(vscode.ViewColumn.Beside, true);
    }),
    vscode.commands.registerCommand('trustlint.revealLine', async (uri: string, line: number) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const position = new vscode.Position(line, 0);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    }),
    vscode.commands.registerCommand('trustlint.insertSnippet', async (uri: string, line: number, prefix: string) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      // Insert on a new line after the section heading the move belongs to.
      const at = new vscode.Position(Math.min(line + 1, doc.lineCount), 0);
      editor.selection = new vscode.Selection(at, at);
      const name = await snippetName(context, prefix);
      await vscode.commands.executeCommand('editor.action.insertSnippet', name ? { langId: doc.languageId, name } : { snippet: `\n` });
    }),
  );
  schedule();
}

/** The snippet's name (its key in snippets/playbook.code-snippets) for a prefix such as "trust-fit-check". */
async function snippetName(context: vscode.ExtensionContext, prefix: string): Promise<string | undefined> {
  try {
    // Through workspace.fs, so it also works in the browser, where the extension is not on a local disk.
    const file = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'playbook.code-snippets');
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
    const json = parse(text) as Record<string, { prefix: string | string[] }>;
    return Object.entries(json).find(([, s]) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(prefix))?.[0];
  } catch {
    return undefined;
  }
}
