// One-character edits through a language-server connection, timed from the change to fresh diagnostics.
// Shared by bench/run.ts and the ad-hoc bench/lspLatency.ts.
import {
  DidChangeTextDocumentNotification, DocumentDiagnosticRequest, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

/** Makes `edits` seeded single-character insertions in an open document; returns each edit's time and the final text. */
export async function oneCharEdits(conn: ProtocolConnection, uri: string, text: string, edits: number, firstVersion = 1): Promise<{ times: number[]; text: string }> {
  const times: number[] = [];
  let version = firstVersion;
  let seed = 1;
  for (let k = 0; k < edits; k++) {
    seed = (seed * 48271) % 2147483647;
    const at = seed % text.length;
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - (text.lastIndexOf('\n', at - 1) + 1);
    const t0 = performance.now();
    text = text.slice(0, at) + 'x' + text.slice(at);
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    });
    await conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    times.push(performance.now() - t0);
  }
  return { times, text };
}
