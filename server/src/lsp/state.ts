// Lints documents through the core and keeps the last result per URI, keyed by (version, settings hash),
// so pulls, code actions and hovers on an unchanged document cost nothing.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createLintCache, DEFAULT_CONFIG, lint, resolveConfig, type Finding, type LintCache, type ResolvedConfig } from '../core';
import { AsyncConfigResolver, type ConfigIssue } from '../host/configResolver';
import type { EditLog } from './editLog';
import { SETTINGS_ONLY, type ServerHost } from './host';
import { oversizeDiagnostic, toDiagnostics } from './diagnostics';
import { isLintedLanguage, settingsHash, type Settings, type SettingsStore } from './settings';

/**
 * How long a document's config lookup is reused without asking the file system again. It bounds how late a config
 * file created or changed outside the editor is noticed when the client does not report file changes.
 */
export const CONFIG_RECHECK_MS = 2000;

interface FoundConfig {
  config: ResolvedConfig;
  configFile?: string;
  ignored: boolean;
  /** False for the settings-only fallback after a read error, which is not kept. */
  fresh: boolean;
}

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
  /** The nearest .trustlintrc.json (a host location), for the "allow this phrase" action. */
  configFile?: string;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

export class LintState {
  private readonly lastByUri = new Map<string, Outcome>();
  /** Per-document chunk caches: an edit re-lints only the paragraphs it touched. */
  private readonly caches = new Map<string, LintCache>();
  /** The document version each cache last linted, which the record of edits counts from. */
  private readonly cachedVersions = new Map<string, number>();
  private readonly configs = new Map<string, ResolvedConfig>();
  /** Each document's config as last looked up, so keystrokes in a row do not each search the folders again. */
  private readonly recentConfigs = new Map<string, { at: number; hash: string; found: FoundConfig }>();
  private readonly reported = new Set<string>();
  /** Bumped by clear(), so a report from before a settings or config-file change is never "unchanged". */
  private generation = 0;

  /** Config files and their problems as last reported, so a fixed file gets its diagnostics cleared. */
  private readonly configIssues = new Map<string, string>();
  private readonly resolver: AsyncConfigResolver | undefined;

  constructor(
    private readonly settings: SettingsStore,
    private readonly log: Logger,
    // Injectable so tests can simulate a core that throws.
    private readonly lintFn: typeof lint = lint,
    /** Called when a config file's problems change; the server shows them on that file. */
    private readonly onConfigIssues: (file: string, issues: ConfigIssue[]) => void = () => {},
    /** File access for config files; settings only without it. */
    private readonly host: ServerHost = SETTINGS_ONLY,
    /** Locations where the upward config search stops. */
    stopAt: string[] = [],
    /** The record of edits, when the server keeps one: a re-lint then skips the chunks an edit did not touch. */
    private readonly edits?: EditLog,
    /** The clock for CONFIG_RECHECK_MS; injectable for tests. */
    private readonly now: () => number = Date.now,
  ) {
    this.resolver = host.fs ? new AsyncConfigResolver(host.fs, { stopAt }) : undefined;
  }

  /**
   * The outcome for the document's current text. Returns undefined when `isCancelled` fired, so a partial
   * result is never cached or shown.
   */
  async outcome(doc: TextDocument, isCancelled: () => boolean = () => false): Promise<Outcome | undefined> {
    const settings = await this.settings.get(doc.uri);
    if (isCancelled()) return undefined;
    const hash = settingsHash(settings);
    const cachedOutcome = () => {
      const cached = this.lastByUri.get(doc.uri);
      return cached && cached.version === doc.version && cached.settingsHash === hash && cached.languageId === doc.languageId ? cached : undefined;
    };
    const cached = cachedOutcome();
    if (cached) return cached;
    // The config depends on the URI only, so it is read before the text; in the browser that takes requests.
    const linted = isLintedLanguage(settings, doc.languageId);
    const generation = this.generation;
    const found = linted ? await this.configForDocument(doc.uri, settings, hash) : undefined;
    // A config file changed while it was being read: read it again rather than cache a stale result.
    if (generation !== this.generation) return this.outcome(doc, isCancelled);
    // Everything from here on is synchronous, so text, version and positions all belong to one snapshot.
    const again = cachedOutcome();
    if (again) return again;
    const base = {
      uri: doc.uri,
      version: doc.version,
      settingsHash: hash,
      resultId: `${this.generation}:${doc.version}:${hash}`,
      settings,
      languageId: doc.languageId,
    };
    let outcome: Outcome;
    if (!linted || !found) {
      outcome = { ...base, findings: [], diagnostics: [] };
    } else {
      const text = doc.getText();
      // A UTF-16 unit is at most 3 UTF-8 bytes, so most documents need no byte count on each keystroke; the edit log
      // keeps the count of larger ones up to date edit by edit.
      const size = text.length * 3 <= settings.maxFileSize ? 0 : this.edits?.bytes(doc.uri, doc.version) ?? utf8Length(text);
      if (size > settings.maxFileSize) {
        outcome = { ...base, findings: [], diagnostics: [oversizeDiagnostic(doc, size, settings.maxFileSize)] };
      } else {
        const { config, configFile, ignored } = found;
        if (ignored) {
          outcome = { ...base, config, configFile, findings: [], diagnostics: [] };
        } else {
          const findings = this.safeLint(doc, text, config, isCancelled);
          if (findings === undefined) return undefined;
          outcome = { ...base, config, configFile, findings, diagnostics: toDiagnostics(doc, findings, settings.maxProblems) };
        }
      }
    }
    this.lastByUri.set(doc.uri, outcome);
    return outcome;
  }

  forget(uri: string): void {
    this.recentConfigs.delete(uri);
    this.lastByUri.delete(uri);
    this.caches.delete(uri);
    this.cachedVersions.delete(uri);
  }

  clear(): void {
    this.host.invalidate?.();
    this.resolver?.invalidate();
    this.generation++;
    this.lastByUri.clear();
    this.caches.clear();
    this.cachedVersions.clear();
    this.configs.clear();
    this.recentConfigs.clear();
  }

  private safeLint(doc: TextDocument, text: string, config: ResolvedConfig, isCancelled: () => boolean): Finding[] | undefined {
    try {
      let cache = this.caches.get(doc.uri);
      if (!cache) { cache = createLintCache(); this.caches.set(doc.uri, cache); }
      const base = this.cachedVersions.get(doc.uri);
      const changed = base !== undefined ? this.edits?.since(doc.uri, base, doc.version) : undefined;
      // A cancelled lint leaves the cache without a last text, so the next one ignores the record and compares.
      this.cachedVersions.set(doc.uri, doc.version);
      const result = this.lintFn(text, { languageId: doc.languageId, config, isCancelled, cache, changed });
      if (isCancelled()) return undefined;
      for (const problem of result.problems) this.reportOnce(`${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
      return result.findings;
    } catch (error) {
      // A core bug must not take the server down: log it and show nothing for this version. The cache may be half
      // updated, so the next lint starts from scratch rather than trust it or the record of edits since.
      this.log.error(`Trustlint failed to check ${doc.uri}: ${describe(error)}`);
      this.caches.delete(doc.uri);
      this.cachedVersions.delete(doc.uri);
      return [];
    }
  }

  /**
   * Settings are the base; the nearest .trustlintrc.json (with its extends and packs) wins over them, exactly as in
   * the CLI. A broken config file keeps the last good config and is reported on the file itself.
   */
  private async configForDocument(uri: string, settings: Settings, hash: string): Promise<FoundConfig> {
    // Looking up the config takes a few file-system calls per folder up the tree, and checks every file of the chain
    // for changes, on every keystroke; a lookup younger than CONFIG_RECHECK_MS serves instead. Config changes the
    // client reports (VS Code watches .trustlintrc.json and *.trustlint-pack.json) clear it at once.
    const recent = this.recentConfigs.get(uri);
    const now = this.now();
    if (recent && recent.hash === hash && now - recent.at >= 0 && now - recent.at < CONFIG_RECHECK_MS) return recent.found;
    const generation = this.generation;
    const found = await this.lookUpConfig(uri, settings, hash);
    // Not a lookup overtaken by a clear() or by a newer lookup of the same document.
    const newer = this.recentConfigs.get(uri);
    if (generation === this.generation && found.fresh && !(newer && newer.at > now)) this.recentConfigs.set(uri, { at: now, hash, found });
    return found;
  }

  private async lookUpConfig(uri: string, settings: Settings, hash: string): Promise<FoundConfig> {
    try {
      const file = this.resolver ? this.host.locate(uri) : undefined;
      if (!file || !this.resolver) return { config: this.configFor(settings, hash), ignored: false, fresh: true };
      const loaded = await this.resolver.forFile(file, {
        profile: settings.profile,
        checkBuyerTurns: settings.checkBuyerTurns,
        checkMetaDiscussion: settings.checkMetaDiscussion,
      });
      if (loaded.configFile) {
        const key = JSON.stringify(loaded.issues);
        if (this.configIssues.get(loaded.configFile) !== key) {
          // Problems may sit in an extended file or a pack; clear the ones no longer reported.
          const byFile = new Map<string, ConfigIssue[]>();
          for (const f of loaded.files) byFile.set(f, []);
          for (const issue of loaded.issues) byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
          for (const [f, issues] of byFile) this.onConfigIssues(f, issues);
          this.configIssues.set(loaded.configFile, key);
        }
      }
      return { config: loaded.config, configFile: loaded.configFile, ignored: loaded.isIgnored(file), fresh: true };
    } catch (error) {
      // Not kept: the next keystroke tries again.
      this.log.error(`Trustlint could not read the configuration for ${uri}, using settings only: ${describe(error)}`);
      return { config: this.configFor(settings, hash), ignored: false, fresh: false };
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

/** The UTF-8 size of a string, as Buffer.byteLength counts it (a lone surrogate takes three bytes). */
export function utf8Length(text: string): number {
  // Node counts natively; the browser worker has no Buffer and counts here.
  const buffer = (globalThis as { Buffer?: { byteLength(s: string, e: string): number } }).Buffer;
  return buffer ? buffer.byteLength(text, 'utf8') : countUtf8(text);
}

/** UTF-8 length counted in JavaScript (lone surrogates count 3, as TextEncoder writes U+FFFD). */
export function countUtf8(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
