// Figures for the web build (dist/web/*): bundle sizes, and activation of the browser language server.
// Activation runs dist/web/server.js, unchanged, in a Node worker thread dressed as a web worker (self, postMessage,
// onmessage), and times worker start → initialize → first diagnostics of a playbook, with config files answered
// the way the browser client answers them (trustlint/stat, trustlint/readFile). Used by bench/run.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

const root = path.resolve(__dirname, '..');
const extensionFile = path.join(root, 'dist/web/extension.js');
const serverFile = path.join(root, 'dist/web/server.js');

/** Runs inside the worker thread: the globals a web worker has, then the server bundle as a classic script. */
const WORKER_SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const vm = require('node:vm');
const errorListeners = [];
globalThis.self = globalThis;
globalThis.postMessage = (message) => parentPort.postMessage(message);
globalThis.addEventListener = (type, listener) => { if (type === 'error' || type === 'unhandledrejection') errorListeners.push(listener); };
globalThis.removeEventListener = () => {};
parentPort.on('message', (data) => { if (typeof globalThis.onmessage === 'function') globalThis.onmessage({ data }); });
vm.runInThisContext(fs.readFileSync(workerData.file, 'utf8'), { filename: workerData.file });
`;

type Message = { jsonrpc: '2.0'; id?: number | string; method?: string; params?: any; result?: any; error?: any };

export interface WebServer {
  request<T = unknown>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): void;
  /** Everything the server logged (window/logMessage), for diagnosing failures. */
  log: string[];
  stop(): Promise<void>;
}

/**
 * Starts dist/web/server.js in a worker thread. `files` maps URIs to file contents for the server's file requests;
 * everything else does not exist.
 */
export function startWebServer(files: Record<string, string> = {}): WebServer {
  const worker = new Worker(WORKER_SHIM, { eval: true, workerData: { file: serverFile } });
  const pending = new Map<number | string, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  const log: string[] = [];
  let nextId = 1;
  const dirs = new Set(Object.keys(files).flatMap((uri) => {
    const parts = uri.split('/');
    return parts.slice(3, -1).map((_, i) => parts.slice(0, 4 + i).join('/'));
  }));
  const answer = (message: Message): unknown => {
    const uri: string = message.params?.uri ?? '';
    switch (message.method) {
      case 'trustlint/stat':
        if (uri in files) return { type: 'file', mtime: 1, size: files[uri].length };
        return dirs.has(uri) ? { type: 'directory', mtime: 1, size: 0 } : null;
      case 'trustlint/readFile':
        return uri in files ? { text: files[uri] } : { error: `${uri} does not exist` };
      case 'workspace/configuration':
        return (message.params?.items ?? []).map(() => ({}));
      default:
        return null;
    }
  };
  worker.on('message', (message: Message) => {
    if (message.method && message.id !== undefined) {
      worker.postMessage({ jsonrpc: '2.0', id: message.id, result: answer(message) });
    } else if (message.method) {
      if (message.method === 'window/logMessage') log.push(String(message.params?.message));
    } else if (message.id !== undefined) {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(`${message.error.message} (${message.error.code})`));
      else waiting?.resolve(message.result);
    }
  });
  worker.on('error', (error) => { for (const p of pending.values()) p.reject(error); pending.clear(); });
  return {
    log,
    request: (method, params) => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ jsonrpc: '2.0', id, method, params });
    }),
    notify: (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params }),
    stop: async () => { await worker.terminate(); },
  };
}

/** The initialize request a VS Code-like client sends: pull diagnostics, settings by request, one workspace folder. */
export function initializeParams(folder: string) {
  return {
    processId: null,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'bench' }],
    clientInfo: { name: 'Visual Studio Code' },
    capabilities: {
      textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { dynamicRegistration: false } },
      workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
    },
  };
}

export async function webFigures(): Promise<{ extensionBytes: number; serverBytes: number; activationMs?: number }> {
  const extensionBytes = fs.existsSync(extensionFile) ? fs.statSync(extensionFile).size : 0;
  const serverBytes = fs.existsSync(serverFile) ? fs.statSync(serverFile).size : 0;
  if (!serverBytes) return { extensionBytes, serverBytes };
  const folder = 'vscode-test-web://mount';
  const uri = `${folder}/playbooks/closing.playbook`;
  const text = ['# Closing call', '', 'Rep: Act now, this offer expires tonight!', 'Rep: What would you like to do next?', ''].join('\n');
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const started = performance.now();
    const server = startWebServer({ [`${folder}/.trustlintrc.json`]: '{ "rules": { "vague-expiry": "off" } }' });
    try {
      await server.request('initialize', initializeParams(folder));
      server.notify('initialized', {});
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'playbook', version: 1, text } });
      const report = await server.request<{ items: Array<{ code?: unknown }> }>('textDocument/diagnostic', { textDocument: { uri } });
      const codes = report.items.map((d) => d.code);
      // Guard the figure: the server must have linted with the workspace config (act-now on, vague-expiry off).
      if (!codes.includes('act-now') || codes.includes('vague-expiry')) {
        throw new Error(`unexpected diagnostics from the web server: ${JSON.stringify(codes)}; log: ${server.log.join(' | ')}`);
      }
      runs.push(performance.now() - started);
    } finally {
      await server.stop();
    }
  }
  runs.sort((a, b) => a - b);
  return { extensionBytes, serverBytes, activationMs: Math.round(runs[Math.floor(runs.length / 2)] * 10) / 10 };
}

if (require.main === module) {
  webFigures().then((figures) => console.log(JSON.stringify(figures)), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
