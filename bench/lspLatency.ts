// Ad-hoc language-server latency check (the same measurement as bench/run.ts, alone):
//   npm run build && npx tsx bench/lspLatency.ts [chars] [edits]
import { DidOpenTextDocumentNotification, DocumentDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import { generatePlaybook } from './generate';
import { oneCharEdits, startServer } from './lspClient';

(async () => {
  const size = Number(process.argv[2] ?? 1_000_000);
  const edits = Number(process.argv[3] ?? 200);
  // Generated before the server starts, so spawn-to-diagnostics measures only the server.
  let text = generatePlaybook(size);
  const { conn, spawnedAt, initializedAt: initialized, shutdown } = await startServer(process.env.SERVER_NODE_ARGS ? process.env.SERVER_NODE_ARGS.split(' ') : []);
  const uri = 'file:///bench/latency.playbook';
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
  await shutdown();
})();
