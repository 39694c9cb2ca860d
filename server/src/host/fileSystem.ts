// The file access config lookup needs, abstracted so one resolver serves the Node build (node:fs, paths) and the
// browser build (vscode.workspace.fs through the client, URIs). Locations are opaque strings to the resolver:
// file paths on Node, URIs in the browser; only the PathOps of the host know their syntax.
//
// The resolver is written once as generators that yield file operations; runSync and runAsync carry them out
// against a synchronous or an asynchronous file system, so the CLI keeps its synchronous API.

export interface FileStat {
  isFile: boolean;
  /** Changes whenever the file does (modification time and size), for cache checks. */
  stamp: string;
}

export interface PathOps {
  dirname(location: string): string;
  join(dir: string, name: string): string;
  /** `rel` (as written in a config file) resolved against the folder `dir`. */
  resolve(dir: string, rel: string): string;
  basename(location: string): string;
  /** `location` relative to `dir` with `/` separators; starts with `..` when it lies outside `dir`. */
  relative(dir: string, location: string): string;
}

export interface SyncFileSystem extends PathOps {
  /** The file's text; throws when it cannot be read. */
  readFile(location: string): string;
  /** Undefined when nothing exists there. */
  stat(location: string): FileStat | undefined;
}

export interface AsyncFileSystem extends PathOps {
  readFile(location: string): Promise<string>;
  stat(location: string): Promise<FileStat | undefined>;
}

export type FileOp = { op: 'read'; location: string } | { op: 'stat'; location: string };

/** A computation that reads files; run it with runSync or runAsync. */
export type FileIo<T> = Generator<FileOp, T, unknown>;

export function* readFile(location: string): FileIo<string> {
  return (yield { op: 'read', location }) as string;
}

export function* stat(location: string): FileIo<FileStat | undefined> {
  return (yield { op: 'stat', location }) as FileStat | undefined;
}

export function runSync<T>(io: FileIo<T>, fs: SyncFileSystem): T {
  let step = io.next();
  while (!step.done) {
    let value: unknown;
    try {
      value = step.value.op === 'read' ? fs.readFile(step.value.location) : fs.stat(step.value.location);
    } catch (error) {
      // The generator sees the error where it asked, so its own try/catch handles it as with direct calls.
      step = io.throw(error);
      continue;
    }
    step = io.next(value);
  }
  return step.value;
}

export async function runAsync<T>(io: FileIo<T>, fs: AsyncFileSystem): Promise<T> {
  let step = io.next();
  while (!step.done) {
    let value: unknown;
    try {
      value = await (step.value.op === 'read' ? fs.readFile(step.value.location) : fs.stat(step.value.location));
    } catch (error) {
      step = io.throw(error);
      continue;
    }
    step = io.next(value);
  }
  return step.value;
}

/** An asynchronous view of a synchronous file system (the Node language server uses the same resolver as the browser). */
export function toAsync(fs: SyncFileSystem): AsyncFileSystem {
  return {
    dirname: (l) => fs.dirname(l),
    join: (d, n) => fs.join(d, n),
    resolve: (d, r) => fs.resolve(d, r),
    basename: (l) => fs.basename(l),
    relative: (d, l) => fs.relative(d, l),
    readFile: async (l) => fs.readFile(l),
    stat: async (l) => fs.stat(l),
  };
}
