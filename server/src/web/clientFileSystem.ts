// Config files in the browser: the worker has no file system, so it asks the client, which reads through
// vscode.workspace.fs (github.dev, vscode.dev and any virtual workspace). Answers are cached until a watched
// config or pack changes (invalidate), so a keystroke costs no round trip.
import type { Connection } from 'vscode-languageserver';
import type { AsyncFileSystem, FileStat } from '../host/fileSystem';
import type { ServerHost } from '../lsp/host';
import { READ_FILE_REQUEST, STAT_REQUEST, type ReadFileResult, type StatResult, type UriParams } from './protocol';
import { splitUri, uriPaths } from './uriPaths';

export function clientServerHost(connection: Connection): ServerHost {
  const stats = new Map<string, Promise<FileStat | undefined>>();
  const texts = new Map<string, Promise<string>>();

  const fs: AsyncFileSystem = {
    ...uriPaths,
    stat(uri) {
      let pending = stats.get(uri);
      if (!pending) {
        pending = connection.sendRequest<StatResult>(STAT_REQUEST, { uri } satisfies UriParams).then(
          (result) => (result ? { isFile: result.type === 'file', stamp: `${result.mtime}:${result.size}` } : undefined),
          // A client that cannot answer behaves like an empty workspace: settings only.
          () => undefined,
        );
        stats.set(uri, pending);
      }
      return pending;
    },
    readFile(uri) {
      let pending = texts.get(uri);
      if (!pending) {
        pending = connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri } satisfies UriParams).then((result) => {
          if (result && 'text' in result && typeof result.text === 'string') return result.text;
          throw new Error(result && 'error' in result ? result.error : 'no answer from the editor');
        });
        texts.set(uri, pending);
      }
      return pending;
    },
  };

  return {
    fs,
    // untitled: and other non-hierarchical URIs have no folder to look in.
    locate: (uri) => (splitUri(uri) && !uri.startsWith('untitled:') ? uri : undefined),
    toUri: (uri) => uri,
    stopAtWorkspaceFolders: true,
    invalidate: () => {
      stats.clear();
      texts.clear();
    },
  };
}
