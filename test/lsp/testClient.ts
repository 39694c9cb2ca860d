// A minimal LSP client for tests: spawns dist/server.js over stdio and speaks JSON-RPC to it.
// Every wait is a promise resolved by a message from the server, bounded by a timeout; nothing sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

export class TestClient {
  readonly conn: ProtocolConnection;
  readonly logs: string[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  /** What the fake editor answers to workspace/configuration for section "trustlint". */
  settings: Record<string, unknown> = {};
  configurationRequests = 0;
  refreshRequests = 0;
  private stderr = '';
  private readonly publishWaiters: Array<Waiter<PublishDiagnosticsParams>> = [];
  private readonly refreshWaiters: Array<() => void> = [];
  private readonly configurationWaiters: Array<() => void> = [];
  /** While set, answers to workspace/configuration wait for it, so a test can change the document meanwhile. */
  holdConfiguration: Promise<void> | undefined;
  readonly exited: Promise<number | null>;

  private constructor(readonly proc: ChildProcess) {
    proc.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    this.conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    this.conn.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    this.conn.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.publishWaiters]) {
        if (waiter.test(params)) {
          this.publishWaiters.splice(this.publishWaiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.conn.onRequest('workspace/configuration', async (params: { items: Array<{ section?: string }> }) => {
      this.configurationRequests++;
      for (const resolve of this.configurationWaiters.splice(0)) resolve();
      if (this.holdConfiguration) await this.holdConfiguration;
      return params.items.map((item) => (item.section === 'trustlint' ? this.settings : null));
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      for (const resolve of this.refreshWaiters.splice(0)) resolve();
      return null;
    });
    this.conn.listen();
  }

  static async start(
    capabilities: ClientCapabilities,
    options: { initializationOptions?: unknown; clientInfo?: { name: string; version?: string } } = {},
  ): Promise<{ client: TestClient; init: InitializeResult }> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing; run "npm run build" first.`);
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new TestClient(proc);
    const init = await client.within(
      client.conn.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities,
        initializationOptions: options.initializationOptions,
        clientInfo: options.clientInfo,
        workspaceFolders: null,
      }),
      'initialize',
    );
    await client.conn.sendNotification('initialized', {});
    return { client, init };
  }

  /** Rejects with a readable message when the server does not answer in time. */
  within<T>(promise: Promise<T>, what: string, ms = 15000): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}.\nServer log:\n${this.logs.join('\n')}\n${this.stderr}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.within(this.conn.sendRequest<R>(method, params), method);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /** Resolves with the first publishDiagnostics (from now on) that passes `test`. */
  nextPublish(test: (params: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
    return this.within(new Promise((resolve) => this.publishWaiters.push({ test, resolve })), what);
  }

  nextConfigurationRequest(): Promise<void> {
    return this.within(new Promise<void>((resolve) => this.configurationWaiters.push(resolve)), 'workspace/configuration');
  }

  nextRefresh(): Promise<void> {
    return this.within(new Promise<void>((resolve) => this.refreshWaiters.push(resolve)), 'workspace/diagnostic/refresh');
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: Array<{ range?: Range; text: string }>): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  pull(uri: string, previousResultId?: string): Promise<{ kind: string; resultId?: string; items: Diagnostic[] }> {
    return this.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  }

  async stop(): Promise<number | null> {
    if (this.proc.exitCode !== null) return this.proc.exitCode;
    await this.request('shutdown', null);
    await this.notify('exit', null);
    const code = await this.within(this.exited, 'the server to exit');
    this.conn.dispose();
    return code;
  }

  kill(): void {
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }

  get errors(): string {
    return this.stderr;
  }
}

/** LSP position → offset, written independently of the server's TextDocument so the test can catch its mistakes. */
export function offsetAt(text: string, position: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < position.line && i < text.length) {
    const c = text[i++];
    if (c === '\r' && text[i] === '\n') i++;
    if (c === '\n' || c === '\r') line++;
  }
  return i + position.character;
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

export function textIn(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Applies a document's edits from a WorkspaceEdit, bottom to top, the way an editor would. */
export function applyEdit(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  const edits: TextEdit[] = [...(edit?.changes?.[uri] ?? [])];
  for (const change of edit?.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  const spans = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  for (const span of spans) text = text.slice(0, span.start) + span.newText + text.slice(span.end);
  return text;
}
