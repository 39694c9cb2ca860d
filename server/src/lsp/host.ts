// What the language server needs from the platform it runs on, injected by the entry point: config file access on
// Node (server/src/node/nodeFileSystem.ts) and in the browser, through the client (server/src/web/clientFileSystem.ts).
import type { AsyncFileSystem } from '../host/fileSystem';

export interface ServerHost {
  /** Reads config files and packs; without it the server uses editor settings only. */
  readonly fs?: AsyncFileSystem;
  /** The location config lookup uses for a document or folder URI; undefined (or a throw) when it cannot be read. */
  locate(uri: string): string | undefined;
  /** The URI of a location, to show config problems on the file and to edit it. */
  toUri(location: string): string;
  /** Stop the upward config search at the workspace folders (each step is a request in the browser). */
  readonly stopAtWorkspaceFolders?: boolean;
  /** Drops cached file contents; called when a watched config or pack changed. */
  invalidate?(): void;
}

/** No file access: editor settings only (unit tests, clients that cannot read files). */
export const SETTINGS_ONLY: ServerHost = {
  locate: () => undefined,
  toUri: (location) => location,
};
