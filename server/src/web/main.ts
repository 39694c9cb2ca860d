// Entry point bundled to dist/web/server.js: the same language server, in a web worker (vscode.dev, github.dev).
// Only the transport and the file access differ from the Node build (server/src/lsp/main.ts).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { describe } from '../lsp/state';
import { clientServerHost } from './clientFileSystem';

// The worker's global scope; the project's TypeScript setup has no DOM/webworker lib.
declare const self: {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { error?: unknown; reason?: unknown; preventDefault(): void }) => void): void;
};

const connection = createConnection(new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));

// A bug anywhere must not end the session: log it and keep serving.
self.addEventListener('error', (event) => {
  connection.console.error(`Trustlint server error: ${describe(event.error)}`);
  event.preventDefault();
});
self.addEventListener('unhandledrejection', (event) => {
  connection.console.error(`Trustlint server error: ${describe(event.reason)}`);
  event.preventDefault();
});

startServer(connection, clientServerHost(connection));
