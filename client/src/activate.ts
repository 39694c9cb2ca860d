// What the Node client (extension.ts) and the browser client (web/extension.ts) share: the output and trace
// channels, the commands, the trust view, restart-after-crash, and the start/stop queue. Each entry point only
// says how to create its LanguageClient (a Node process over IPC, or a web worker).
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type DocumentSelector,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type Message,
} from 'vscode-languageclient';
import { TraceChannel } from './traceChannel';
import { registerTrustView } from './trustView';

export const CLIENT_ID = 'trustlint';
export const CLIENT_NAME = 'Trustlint';
const DEFAULT_LANGUAGES = ['playbook', 'markdown'];
/** A crashed server is restarted at most this many times within RESTART_WINDOW_MS. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export interface Platform {
  /** Which documents the server gets, for the configured language ids. */
  documentSelector(languages: string[]): DocumentSelector;
  /** A new, not yet started client with these options. */
  createClient(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient;
}

let output: vscode.LogOutputChannel | undefined;
let trace: TraceChannel | undefined;
let client: BaseLanguageClient | undefined;
/** Start/stop requests are chained so a quick series of restarts never runs two servers at once. */
let queue: Promise<void> = Promise.resolve();

export async function activateTrustlint(context: vscode.ExtensionContext, platform: Platform): Promise<void> {
  // vscode-languageclient 11 logs through the LogOutputChannel API (info/warn/error).
  output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  trace = new TraceChannel(output);
  context.subscriptions.push(output, trace);
  const channel = output;

  context.subscriptions.push(
    vscode.commands.registerCommand('trustlint.restartServer', () => enqueue(() => restart(context, platform))),
    vscode.commands.registerCommand('trustlint.showOutput', () => channel.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The document selector is fixed when a client starts, so a new language list needs a new client.
      if (event.affectsConfiguration('trustlint.languages')) {
        channel.info('trustlint.languages changed; restarting the server.');
        void enqueue(() => restart(context, platform));
      }
    }),
  );

  registerTrustView(context, () => client, languages);

  try {
    await enqueue(() => start(context, platform));
  } catch (error) {
    // VS Code shows nothing when activation fails, so say it here.
    reportStartFailure(error);
  }
}

export function deactivateTrustlint(): Thenable<void> | undefined {
  return enqueue(stop);
}

function enqueue(task: () => Promise<void>): Promise<void> {
  const next = queue.then(task);
  // Keep the chain alive after a failure; the caller still sees the rejection.
  queue = next.catch(() => undefined);
  return next;
}

async function restart(context: vscode.ExtensionContext, platform: Platform): Promise<void> {
  await stop();
  try {
    await start(context, platform);
  } catch (error) {
    reportStartFailure(error);
  }
}

async function start(context: vscode.ExtensionContext, platform: Platform): Promise<void> {
  if (!output || !trace) throw new Error('Trustlint output channel is missing.');
  const clientOptions: LanguageClientOptions = {
    documentSelector: platform.documentSelector(languages()),
    synchronize: {
      configurationSection: 'trustlint',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.trustlintrc.json'),
        vscode.workspace.createFileSystemWatcher('**/*.trustlint-pack.json'),
      ],
    },
    // The same channel carries the server's log and, with trustlint.trace.server, the protocol trace.
    outputChannel: output,
    traceOutputChannel: trace,
    errorHandler: new RestartingErrorHandler(output),
  };
  const next = platform.createClient(context, clientOptions);
  client = next;
  await next.start();
}

async function stop(): Promise<void> {
  const current = client;
  client = undefined;
  if (!current) return;
  try {
    await current.stop();
  } catch (error) {
    // A server that already died cannot be stopped cleanly; that is fine when it is being replaced.
    output?.warn(`Stopping the server failed: ${errorText(error)}`);
  }
  await current.dispose();
}

function languages(): string[] {
  const configured = vscode.workspace.getConfiguration('trustlint').get<unknown>('languages');
  if (Array.isArray(configured)) {
    const ids = configured.filter((id): id is string => typeof id === 'string' && id.trim() !== '');
    if (ids.length > 0) return [...new Set(ids)];
  }
  return DEFAULT_LANGUAGES;
}

function reportStartFailure(error: unknown): void {
  const text = `Trustlint could not start its language server: ${errorText(error)}`;
  output?.error(text);
  void vscode.window.showErrorMessage(text, 'Show Output').then((choice) => {
    if (choice) output?.show(true);
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Restarts a crashed server up to MAX_RESTARTS times in RESTART_WINDOW_MS and tells the user each time,
 * so a crash is never silent; after that it gives up with an error that offers the output channel.
 */
class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly channel: vscode.LogOutputChannel) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    // Write errors come first when the server process dies. Shutting down here would stop the client before
    // closed() runs and so prevent the restart; the exit of the process reaches closed(), which decides.
    this.channel.warn(`Connection to the Trustlint server failed (${count ?? 1}): ${error.message}`);
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    while (this.restarts.length > 0 && now - this.restarts[0]! > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      const text = `The Trustlint server stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. ` +
        'Run "Trustlint: Restart Server" after checking the output.';
      this.channel.error(text);
      void vscode.window.showErrorMessage(text, 'Show Output').then((choice) => {
        if (choice) this.channel.show(true);
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restarts.push(now);
    const text = `The Trustlint server stopped unexpectedly and is restarting (restart ${this.restarts.length} of ${MAX_RESTARTS} allowed in 3 minutes).`;
    this.channel.warn(text);
    void vscode.window.showWarningMessage(text, 'Show Output').then((choice) => {
      if (choice) this.channel.show(true);
    });
    return { action: CloseAction.Restart, handled: true };
  }
}
