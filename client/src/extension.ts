// The thin VS Code client on desktop: it starts the Trustlint language server as a Node process and does nothing else.
// Every feature (diagnostics, quick fixes, fix-all, hover) lives in the server, so other editors get the same behaviour;
// what the client does is shared with the browser client in activate.ts.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateTrustlint, CLIENT_ID, CLIENT_NAME, deactivateTrustlint } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateTrustlint(context, {
    documentSelector: (languages) => languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    createClient: (ctx, options) => {
      const module = ctx.asAbsolutePath('dist/server.js');
      const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
      };
      return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options);
    },
  });
}

export function deactivate(): Thenable<void> | undefined {
  return deactivateTrustlint();
}
