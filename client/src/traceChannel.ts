// vscode-languageclient 11 traces the protocol only when its trace channel's log level is Trace, and then ignores
// "off" in the trace.server setting. This adapter makes `trustlint.trace.server` alone decide: "off" reports the
// Off level (no trace), "messages"/"verbose" report Trace, and the trace lines go to the main Trustlint channel.
import * as vscode from 'vscode';

export class TraceChannel implements vscode.LogOutputChannel {
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  private readonly watcher: vscode.Disposable;
  readonly onDidChangeLogLevel = this.levelChanged.event;

  constructor(private readonly target: vscode.LogOutputChannel) {
    this.watcher = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('trustlint.trace.server')) this.levelChanged.fire(this.logLevel);
    });
  }

  get name(): string {
    return this.target.name;
  }

  get logLevel(): vscode.LogLevel {
    const setting = vscode.workspace.getConfiguration('trustlint').get<string>('trace.server', 'off');
    return setting === 'messages' || setting === 'verbose' ? vscode.LogLevel.Trace : vscode.LogLevel.Off;
  }

  trace(message: string, ...args: unknown[]): void {
    this.target.info(message, ...args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.target.debug(message, ...args);
  }
  info(message: string, ...args: unknown[]): void {
    this.target.info(message, ...args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.target.warn(message, ...args);
  }
  error(error: string | Error, ...args: unknown[]): void {
    this.target.error(error, ...args);
  }
  append(value: string): void {
    this.target.append(value);
  }
  appendLine(value: string): void {
    this.target.appendLine(value);
  }
  replace(value: string): void {
    this.target.replace(value);
  }
  clear(): void {
    this.target.clear();
  }
  show(preserveFocus?: boolean): void;
  show(column?: vscode.ViewColumn, preserveFocus?: boolean): void;
  show(first?: boolean | vscode.ViewColumn, preserveFocus?: boolean): void {
    if (typeof first === 'boolean' || first === undefined) this.target.show(first);
    else this.target.show(first, preserveFocus);
  }
  hide(): void {
    this.target.hide();
  }
  /** Disposes only the adapter; the Trustlint channel it writes to outlives client restarts. */
  dispose(): void {
    this.watcher.dispose();
    this.levelChanged.dispose();
  }
}
