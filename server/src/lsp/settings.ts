// The `trustlint.*` settings: defaults, validation of what the client sends, and a per-URI cache.
import type { Connection } from 'vscode-languageserver';

export type Profile = 'default' | 'consumer' | 'internal-training';

export interface Settings {
  enable: boolean;
  languages: string[];
  profile: Profile;
  checkBuyerTurns: boolean;
  checkMetaDiscussion: boolean;
  maxProblems: number;
  maxFileSize: number;
}

/** Mirrors the defaults in package.json `contributes.configuration`. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  languages: ['playbook', 'markdown'],
  profile: 'default',
  checkBuyerTurns: false,
  checkMetaDiscussion: false,
  maxProblems: 500,
  maxFileSize: 2 * 1024 * 1024,
});

/** Language ids the core knows how to scope. Anything else is never linted, whatever the settings say. */
export const KNOWN_LANGUAGES: ReadonlySet<string> = new Set(['playbook', 'markdown', 'plaintext']);

const PROFILES: ReadonlySet<string> = new Set(['default', 'consumer', 'internal-training']);

/**
 * Turns whatever the client sent into complete settings. A field with the wrong type falls back to its
 * default, so one bad value in settings.json never disables the whole server.
 */
export function normalizeSettings(raw: unknown): Settings {
  const input = isObject(raw) ? raw : {};
  const bool = (key: keyof Settings, fallback: boolean) => (typeof input[key] === 'boolean' ? (input[key] as boolean) : fallback);
  const positive = (key: keyof Settings, fallback: number) => {
    const value = input[key];
    return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
  };
  const languages = Array.isArray(input.languages)
    ? input.languages.filter((id): id is string => typeof id === 'string')
    : [...DEFAULT_SETTINGS.languages];
  return {
    enable: bool('enable', DEFAULT_SETTINGS.enable),
    languages,
    profile: typeof input.profile === 'string' && PROFILES.has(input.profile) ? (input.profile as Profile) : DEFAULT_SETTINGS.profile,
    checkBuyerTurns: bool('checkBuyerTurns', DEFAULT_SETTINGS.checkBuyerTurns),
    checkMetaDiscussion: bool('checkMetaDiscussion', DEFAULT_SETTINGS.checkMetaDiscussion),
    maxProblems: positive('maxProblems', DEFAULT_SETTINGS.maxProblems),
    maxFileSize: positive('maxFileSize', DEFAULT_SETTINGS.maxFileSize),
  };
}

/** A short stable key for caches and result ids: equal settings give equal hashes. */
export function settingsHash(settings: Settings): string {
  const key = JSON.stringify([
    settings.enable,
    [...settings.languages].sort(),
    settings.profile,
    settings.checkBuyerTurns,
    settings.checkMetaDiscussion,
    settings.maxProblems,
    settings.maxFileSize,
  ]);
  // FNV-1a: small and good enough to tell settings apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** True when a document with this language id should be linted under these settings. */
export function isLintedLanguage(settings: Settings, languageId: string): boolean {
  return settings.enable && KNOWN_LANGUAGES.has(languageId) && settings.languages.includes(languageId);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Fetches settings per resource with workspace/configuration and caches the answer per URI, like the LSP sample.
 * Clients without the configuration capability get the global settings (defaults, or what they sent in
 * initializationOptions or didChangeConfiguration).
 */
export class SettingsStore {
  private readonly byUri = new Map<string, Promise<Settings>>();
  private global: Settings = normalizeSettings(undefined);

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.global);
    let pending = this.byUri.get(uri);
    if (!pending) {
      pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'trustlint' }).then(
        (value: unknown) => normalizeSettings(value),
        (error: unknown) => {
          this.connection.console.error(`Could not read trustlint settings, using defaults: ${String(error)}`);
          this.byUri.delete(uri);
          return normalizeSettings(undefined);
        },
      );
      this.byUri.set(uri, pending);
    }
    return pending;
  }

  /** Called on didChangeConfiguration. `raw` is the notification's `settings.trustlint`, used by push-style clients. */
  reset(raw?: unknown): void {
    this.byUri.clear();
    if (!this.canPull && raw !== undefined) this.global = normalizeSettings(raw);
  }

  setGlobal(raw: unknown): void {
    this.global = normalizeSettings(raw);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
