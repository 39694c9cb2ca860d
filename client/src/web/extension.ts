// The browser client (vscode.dev, github.dev): the same client as on desktop (../activate.ts), with the server in a
// web worker (dist/web/server.js). The worker cannot see the workspace, so this client answers its file requests
// through vscode.workspace.fs, which works for virtual workspaces too.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { READ_FILE_REQUEST, STAT_REQUEST, type ReadFileResult, type StatResult, type UriParams } from '../../../server/src/web/protocol';
import { activateTrustlint, CLIENT_ID, CLIENT_NAME, deactivateTrustlint } from '../activate';

// The web extension host provides Worker; the project's TypeScript setup has no DOM lib.
declare const Worker: new (url: string, options?: { name?: string }) => object;

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateTrustlint(context, {
    // Any scheme: files live at vscode-vfs://github/…, vscode-test-web://…, or in a local folder.
    documentSelector: (languages) => languages.map((language) => ({ language })),
    createClient: (ctx, options) => {
      const serverMain = vscode.Uri.joinPath(ctx.extensionUri, 'dist/web/server.js');
      const worker = new Worker(serverMain.toString(true), { name: 'Trustlint server' });
      // vscode-languageclient 11: (id, name, worker, clientOptions).
      const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, worker as never, options);
      client.onRequest(STAT_REQUEST, (params: UriParams) => stat(params));
      client.onRequest(READ_FILE_REQUEST, (params: UriParams) => readFile(params));
      return client;
    },
  });
}

export function deactivate(): Thenable<void> | undefined {
  return deactivateTrustlint();
}

async function stat({ uri }: UriParams): Promise<StatResult> {
  try {
    const s = await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
    const type = s.type & vscode.FileType.File ? 'file' : s.type & vscode.FileType.Directory ? 'directory' : 'other';
    return { type, mtime: s.mtime, size: s.size };
  } catch {
    return null;
  }
}

async function readFile({ uri }: UriParams): Promise<ReadFileResult> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true));
    return { text: new TextDecoder('utf-8').decode(bytes) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
