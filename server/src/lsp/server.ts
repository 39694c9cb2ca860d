// Wires the connection to the modules: capability negotiation, document sync, and request handlers.
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { builtinPatternsMissing, PATTERNS_MISSING } from '../core';
import { CODE_ACTION_KINDS, codeActions, offersAllow } from './codeActions';
import { allowTarget } from './configEdits';
import { EditLog } from './editLog';
import { SETTINGS_ONLY, type ServerHost } from './host';
import { hover } from './hover';
import { trustReportFor } from './trustReport';
import { documentSymbols, foldingRanges } from './outline';
import { PushScheduler } from './push';
import { SettingsStore } from './settings';
import { describe, LintState, type Outcome } from './state';

/** Serves one connection. `host` gives file access for config files (Node: the disk; browser: the client). */
export function startServer(connection: Connection, host: ServerHost = SETTINGS_ONLY): void {
  // Documents are updated through the edit log, which tells each re-lint where the text changed.
  const edits = new EditLog();
  const documents = new TextDocuments(edits.documents);
  let usePull = false;
  let canRefresh = false;
  let canRegisterConfig = false;
  let markdownHover = true;
  let hostOutlinesMarkdown = false;
  let settings: SettingsStore | undefined;
  let state: LintState | undefined;
  let push: PushScheduler | undefined;
  let workspaceFolders: string[] = [];
  let canCreateFiles = false;

  const log = {
    error: (message: string) => connection.console.error(message),
    warn: (message: string) => connection.console.warn(message),
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities ?? {};
    usePull = caps.textDocument?.diagnostic !== undefined;
    canRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    canRegisterConfig = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const formats = caps.textDocument?.hover?.contentFormat;
    markdownHover = !Array.isArray(formats) || formats.includes('markdown');
    // VS Code's own Markdown extension already outlines and folds Markdown; a second outline group would be clutter.
    hostOutlinesMarkdown = /visual studio code|code - oss|vscodium/i.test(params.clientInfo?.name ?? '');

    settings = new SettingsStore(connection, caps.workspace?.configuration === true);
    // Editors without workspace/configuration (some Neovim setups) can pass settings at startup instead.
    const init = params.initializationOptions as { trustlint?: unknown } | undefined;
    if (init && typeof init === 'object' && init.trustlint !== undefined) settings.setGlobal(init.trustlint);
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    const stopAt = host.stopAtWorkspaceFolders ? workspaceFolders.flatMap((uri) => locations(host, uri)) : [];
    state = new LintState(settings, log, undefined, (file, issues) => {
      // Config problems appear on the config file itself, at the exact key, whether or not it is open.
      const uri = host.toUri(file);
      const diagnostics = issues.map((issue) => ({
        range: {
          start: { line: issue.line - 1, character: issue.column - 1 },
          end: { line: (issue.endLine ?? issue.line) - 1, character: (issue.endColumn ?? issue.column) - 1 },
        },
        severity: DiagnosticSeverity.Error,
        source: 'trustlint',
        message: `${issue.message}${issue.path ? '' : ''}`,
      }));
      connection.sendDiagnostics({ uri, diagnostics }).catch((error: unknown) => log.warn(`Could not report config problems: ${describe(error)}`));
    }, host, stopAt, edits);
    canCreateFiles = (caps.workspace?.workspaceEdit?.resourceOperations ?? []).includes('create') && caps.workspace?.workspaceEdit?.documentChanges === true;
    if (!usePull) push = new PushScheduler(connection, documents, state, log);

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Trustlint' },
        foldingRangeProvider: true,
        ...(usePull ? { diagnosticProvider: { identifier: 'trustlint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'trustlint', version },
    };
  });

  connection.onInitialized(() => {
    // Without its index a stripped bundle has no patterns: every document would look clean, so say why instead.
    if (builtinPatternsMissing()) {
      log.error(PATTERNS_MISSING);
      void connection.window.showErrorMessage(PATTERNS_MISSING);
    }
    if (canRegisterConfig) {
      connection.client.register(DidChangeConfigurationNotification.type, undefined).catch((error: unknown) => {
        log.warn(`Could not register for settings changes: ${describe(error)}`);
      });
    }
  });

  /** Settings or config files changed: forget cached results and have every open document checked again. */
  function relintAll(): void {
    state?.clear();
    if (usePull) {
      if (canRefresh) {
        connection.languages.diagnostics.refresh().catch((error: unknown) => log.warn(`Diagnostic refresh failed: ${describe(error)}`));
      }
    } else {
      push?.scheduleAll();
    }
  }

  connection.onDidChangeConfiguration((change) => {
    settings?.reset((change?.settings as { trustlint?: unknown } | undefined)?.trustlint);
    relintAll();
  });
  // The VS Code client watches .trustlintrc.json and rule packs; a change can alter any result.
  connection.onDidChangeWatchedFiles(() => relintAll());

  documents.onDidChangeContent(({ document }) => push?.schedule(document.uri));
  documents.onDidClose(({ document }) => {
    settings?.forget(document.uri);
    state?.forget(document.uri);
    edits.forget(document.uri);
    push?.close(document.uri);
  });

  function docOf(uri: unknown): TextDocument | undefined {
    return typeof uri === 'string' ? documents.get(uri) : undefined;
  }

  function outlined(uri: unknown): TextDocument | undefined {
    const doc = docOf(uri);
    return doc && !(hostOutlinesMarkdown && doc.languageId !== 'playbook') ? doc : undefined;
  }

  /** The current outcome for a URI, or undefined for unknown documents. Throws only on cancellation. */
  async function current(uri: unknown, token?: CancellationToken): Promise<{ doc: TextDocument; outcome: Outcome } | undefined> {
    const doc = docOf(uri);
    if (!doc || !state) return undefined;
    const outcome = await state.outcome(doc, () => token?.isCancellationRequested === true);
    if (!outcome) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    return { doc, outcome };
  }

  /** Runs a handler so a bug answers with `fallback` and a log line instead of an error loop. */
  async function guarded<T>(name: string, fallback: T, run: () => Promise<T> | T): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log.error(`Trustlint ${name} failed: ${describe(error)}`);
      return fallback;
    }
  }

  const emptyReport: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

  connection.languages.diagnostics.on((params, token) =>
    guarded('diagnostics', emptyReport, async (): Promise<DocumentDiagnosticReport> => {
      const found = await current(params?.textDocument?.uri, token);
      if (!found) return emptyReport;
      const { outcome } = found;
      if (params.previousResultId === outcome.resultId) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: outcome.resultId };
      }
      return { kind: DocumentDiagnosticReportKind.Full, resultId: outcome.resultId, items: outcome.diagnostics };
    }),
  );

  connection.onCodeAction((params, token) =>
    guarded('code actions', [], async () => {
      if (!isRange(params?.range)) return [];
      let found = await current(params.textDocument?.uri, token);
      if (!found) return [];
      // "Always allow" edits the config file, which is read first; then the outcome is fetched again (a cache hit
      // unless the text changed meanwhile), so every edit is built from the current text.
      const allow = offersAllow(params) ? await allowTarget(host, found.doc.uri, found.outcome.configFile, workspaceFolders) : undefined;
      if (allow) found = await current(params.textDocument?.uri, token);
      return found ? codeActions(found.doc, params, found.outcome, { canCreateFiles, allow }) : [];
    }),
  );

  // Custom request for the editor's status bar and report view: the trust score, its breakdown, and a rendered page.
  connection.onRequest('trustlint/trustReport', (params: { textDocument?: { uri?: unknown } }, token) =>
    guarded('trustReport', null, async () => {
      const found = await current(params?.textDocument?.uri, token);
      if (!found || !found.outcome.config) return null;
      const { doc, outcome } = found;
      return trustReportFor(doc, outcome);
    }),
  );

  connection.onHover((params, token) =>
    guarded('hover', null, async () => {
      if (!isPosition(params?.position)) return null;
      const found = await current(params.textDocument?.uri, token);
      return found ? hover(found.doc, params.position, found.outcome.findings, markdownHover) : null;
    }),
  );

  connection.onDocumentSymbol((params) =>
    guarded('outline', [], () => {
      const doc = outlined(params?.textDocument?.uri);
      return doc ? documentSymbols(doc.getText()) : [];
    }),
  );

  connection.onFoldingRanges((params) =>
    guarded('folding', [], () => {
      const doc = outlined(params?.textDocument?.uri);
      return doc ? foldingRanges(doc.getText()) : [];
    }),
  );

  connection.onShutdown(() => {
    push?.dispose();
    state?.clear();
  });
  connection.onExit(() => push?.dispose());

  documents.listen(connection);
  connection.listen();
}

function isPosition(value: unknown): value is Position {
  const p = value as Position | undefined;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}

function isRange(value: unknown): value is Range {
  const r = value as Range | undefined;
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}

/** The host location of a URI, or none when the host cannot read it. */
function locations(host: ServerHost, uri: string): string[] {
  try {
    const location = host.locate(uri);
    return location === undefined ? [] : [location];
  } catch {
    return [];
  }
}
