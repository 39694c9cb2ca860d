// A language-server client for the benchmarks: start dist/server.js over stdio, and time one-character edits from
// the change to fresh diagnostics. Shared by bench/run.ts and the ad-hoc bench/lspLatency.ts.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection, DidChangeTextDocumentNotification, DocumentDiagnosticRequest, InitializedNotification,
  InitializeRequest, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export interface StartedServer {
  conn: ProtocolConnection;
  /** When the process was spawned and when it answered initialize (performance.now()). */
  spawnedAt: number;
  initializedAt: number;
  /** Ends it at once. */
  kill: () => void;
  /** Ends it with shutdown and exit, so a --cpu-prof server writes its profile. */
  shutdown: () => Promise<void>;
}

/** Spawns dist/server.js (with extra Node options, if any) and initializes it as a pull-diagnostics client. */
export async function startServer(nodeArgs: string[] = []): Promise<StartedServer> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, path.join(__dirname, '../dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { dynamicRegistration: false } } },
  });
  const initializedAt = performance.now();
  await conn.sendNotification(InitializedNotification.type, {});
  return {
    conn,
    spawnedAt,
    initializedAt,
    kill: () => { conn.dispose(); child.kill(); },
    shutdown: async () => {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      await new Promise((resolve) => child.on('exit', resolve));
      conn.dispose();
    },
  };
}

/** The seeded single-character insertions both keystroke measurements make: where each goes, and the text after it. */
export function* seededInserts(text: string, edits: number): Generator<{ line: number; character: number; text: string }> {
  let seed = 1;
  for (let k = 0; k < edits; k++) {
    seed = (seed * 48271) % 2147483647;
    const at = seed % text.length;
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - (text.lastIndexOf('\n', at - 1) + 1);
    text = text.slice(0, at) + 'x' + text.slice(at);
    yield { line, character, text };
  }
}

/** Makes `edits` seeded single-character insertions in an open document; returns each edit's time and the final text. */
export async function oneCharEdits(conn: ProtocolConnection, uri: string, text: string, edits: number, firstVersion = 1): Promise<{ times: number[]; text: string }> {
  const times: number[] = [];
  let version = firstVersion;
  for (const edit of seededInserts(text, edits)) {
    const { line, character } = edit;
    text = edit.text;
    const t0 = performance.now();
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    });
    await conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    times.push(performance.now() - t0);
  }
  return { times, text };
}
