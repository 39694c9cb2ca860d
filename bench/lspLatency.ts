// Ad-hoc language-server latency check (the same measurement as bench/run.ts, alone):
//   npm run build && npx tsx bench/lspLatency.ts [chars] [edits]
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection, DidOpenTextDocumentNotification, DocumentDiagnosticRequest,
  InitializedNotification, InitializeRequest, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { generatePlaybook } from './generate';
import { oneCharEdits } from './lspEdits';

(async () => {
  const size = Number(process.argv[2] ?? 1_000_000);
  const edits = Number(process.argv[3] ?? 200);
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...(process.env.SERVER_NODE_ARGS ? process.env.SERVER_NODE_ARGS.split(' ') : []), path.join(__dirname, '../dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
  const initialized = performance.now();
  await conn.sendNotification(InitializedNotification.type, {});
  const uri = 'file:///bench/latency.playbook';
  let text = generatePlaybook(size);
  const version = 1;
  await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'playbook', version, text } });
  const opened = performance.now();
  await conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  console.log(`didOpen to diagnostics: ${(performance.now() - opened).toFixed(0)} ms`);
  console.log(`spawn to first diagnostics: ${(performance.now() - spawnedAt).toFixed(0)} ms (initialize answered after ${(initialized - spawnedAt).toFixed(0)} ms)`);
  const { times, text: edited } = await oneCharEdits(conn, uri, text, edits, version);
  text = edited;
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor((q / 100) * times.length))].toFixed(2);
  console.log(`${(text.length / 1e6).toFixed(1)} MB, ${edits} edits: p50 ${p(50)} ms, p95 ${p(95)} ms`);
  // A clean shutdown, so a --cpu-prof server writes its profile.
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await new Promise((resolve) => child.on('exit', resolve));
  conn.dispose();
})();
