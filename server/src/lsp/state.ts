// Lints documents through the core and keeps the last result per URI, keyed by (version, settings hash),
// so pulls, code actions and hovers on an unchanged document cost nothing.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createLintCache, DEFAULT_CONFIG, lint, resolveConfig, type Finding, type LintCache, type ResolvedConfig } from '../core';
import { oversizeDiagnostic, toDiagnostics } from './diagnostics';
import { isLintedLanguage, settingsHash, type Settings, type SettingsStore } from './settings';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
}

export interface Outcome {
  uri: string;
  version: number;
  settingsHash: string;
  /** Identifies this report for pull diagnostics' `unchanged` answers. */
  resultId: string;
  settings: Settings;
  languageId: string;
  /** Config handed to the core; code actions reuse it for fixAll. Undefined when the document was not linted. */
  config?: ResolvedConfig;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

export class LintState {
  private readonly lastByUri = new Map<string, Outcome>();
  /** Per-document chunk caches: an edit re-lints only the paragraphs it touched. */
  private readonly caches = new Map<string, LintCache>();
  private readonly configs = new Map<string, ResolvedConfig>();
  private readonly reported = new Set<string>();
  /** Bumped by clear(), so a report from before a settings or config-file change is never "unchanged". */
  private generation = 0;

  constructor(
    private readonly settings: SettingsStore,
    private readonly log: Logger,
    // Injectable so tests can simulate a core that throws.
    private readonly lintFn: typeof lint = lint,
  ) {}

  /**
   * The outcome for the document's current text. Returns undefined when `isCancelled` fired, so a partial
   * result is never cached or shown.
   */
  async outcome(doc: TextDocument, isCancelled: () => boolean = () => false): Promise<Outcome | undefined> {
    const settings = await this.settings.get(doc.uri);
    if (isCancelled()) return undefined;
    // Everything from here on is synchronous, so text, version and positions all belong to one snapshot.
    const hash = settingsHash(settings);
    const cached = this.lastByUri.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settingsHash === hash && cached.languageId === doc.languageId) {
      return cached;
    }
    const base = {
      uri: doc.uri,
      version: doc.version,
      settingsHash: hash,
      resultId: `${this.generation}:${doc.version}:${hash}`,
      settings,
      languageId: doc.languageId,
    };
    let outcome: Outcome;
    if (!isLintedLanguage(settings, doc.languageId)) {
      outcome = { ...base, findings: [], diagnostics: [] };
    } else {
      const text = doc.getText();
      const size = Buffer.byteLength(text, 'utf8');
      if (size > settings.maxFileSize) {
        outcome = { ...base, findings: [], diagnostics: [oversizeDiagnostic(doc, size, settings.maxFileSize)] };
      } else {
        const config = this.configFor(settings, hash);
        const findings = this.safeLint(doc, text, config, isCancelled);
        if (findings === undefined) return undefined;
        outcome = { ...base, config, findings, diagnostics: toDiagnostics(doc, findings, settings.maxProblems) };
      }
    }
    this.lastByUri.set(doc.uri, outcome);
    return outcome;
  }

  forget(uri: string): void {
    this.lastByUri.delete(uri);
    this.caches.delete(uri);
  }

  clear(): void {
    this.generation++;
    this.lastByUri.clear();
    this.caches.clear();
    this.configs.clear();
  }

  private safeLint(doc: TextDocument, text: string, config: ResolvedConfig, isCancelled: () => boolean): Finding[] | undefined {
    try {
      let cache = this.caches.get(doc.uri);
      if (!cache) { cache = createLintCache(); this.caches.set(doc.uri, cache); }
      const result = this.lintFn(text, { languageId: doc.languageId, config, isCancelled, cache });
      if (isCancelled()) return undefined;
      for (const problem of result.problems) this.reportOnce(`${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
      return result.findings;
    } catch (error) {
      // A core bug must not take the server down: log it and show nothing for this version.
      this.log.error(`Trustlint failed to check ${doc.uri}: ${describe(error)}`);
      return [];
    }
  }

  private configFor(settings: Settings, hash: string): ResolvedConfig {
    let config = this.configs.get(hash);
    if (!config) {
      try {
        const resolved = resolveConfig({
          profile: settings.profile,
          checkBuyerTurns: settings.checkBuyerTurns,
          checkMetaDiscussion: settings.checkMetaDiscussion,
        });
        for (const problem of resolved.problems) this.reportOnce(`Settings: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
        config = resolved.ok ? resolved.value : DEFAULT_CONFIG;
      } catch (error) {
        this.log.error(`Trustlint could not apply the settings, using defaults: ${describe(error)}`);
        config = DEFAULT_CONFIG;
      }
      this.configs.set(hash, config);
    }
    return config;
  }

  /** Config and pack problems repeat on every keystroke; say each one once per session. */
  private reportOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.log.warn(message);
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
