// Push diagnostics for clients that cannot pull: debounced per URI, and a result for an old version is dropped.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, type LintState, type Logger } from './state';

export const PUSH_DELAY_MS = 150;

export class PushScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly state: LintState,
    private readonly log: Logger,
    private readonly delayMs = PUSH_DELAY_MS,
  ) {}

  schedule(uri: string): void {
    if (this.disposed) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.run(uri).catch((error: unknown) => this.log.error(`Trustlint could not publish diagnostics: ${describe(error)}`));
      }, this.delayMs),
    );
  }

  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  /** Stops pending work for the URI and clears its squiggles, since a closed file has no owner to pull them. */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (!this.disposed) void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async run(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || this.disposed) return;
    const version = doc.version;
    const moved = () => this.disposed || this.documents.get(uri)?.version !== version;
    const outcome = await this.state.outcome(doc, moved);
    // A newer version has its own timer queued; publishing this one would flash stale squiggles.
    if (!outcome || moved() || outcome.version !== version) return;
    await this.connection.sendDiagnostics({ uri, version, diagnostics: outcome.diagnostics });
  }
}
