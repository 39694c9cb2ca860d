// Entry point bundled to dist/server.js. The transport comes from the command line: --node-ipc when VS Code
// starts it, --stdio for other editors.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeServerHost } from '../node/nodeFileSystem';
import { loadPackIndex, loadSentenceModel } from '../node/packIndex';
import { startServer } from './server';
import { describe } from './state';

// Before anything lints: the build's precomputed index saves parsing every pattern at start-up.
loadPackIndex();
loadSentenceModel();
const connection = createConnection(ProposedFeatures.all);

// A bug anywhere must not end the session: log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`Trustlint server error: ${describe(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Trustlint server error: ${describe(reason)}`));

startServer(connection, nodeServerHost);
