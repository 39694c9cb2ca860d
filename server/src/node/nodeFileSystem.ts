// The Node side of the file access the config resolver and the language server use: node:fs and paths.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toAsync, type SyncFileSystem } from '../host/fileSystem';
import type { ServerHost } from '../lsp/host';

export const nodeFileSystem: SyncFileSystem = {
  readFile: (file) => fs.readFileSync(file, 'utf8'),
  stat: (file) => {
    try {
      const s = fs.statSync(file);
      return { isFile: s.isFile(), stamp: `${s.mtimeMs}:${s.size}` };
    } catch {
      return undefined;
    }
  },
  dirname: (file) => path.dirname(file),
  join: (dir, name) => path.join(dir, name),
  resolve: (dir, rel) => path.resolve(dir, rel),
  basename: (file) => path.basename(file),
  relative: (dir, file) => path.relative(dir, path.resolve(file)).split(path.sep).join('/'),
};

/** The language server on Node reads config files from disk, for `file:` documents only. */
export const nodeServerHost: ServerHost = {
  fs: toAsync(nodeFileSystem),
  locate: (uri) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined),
  toUri: (file) => pathToFileURL(file).href,
};
