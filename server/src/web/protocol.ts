// The custom requests a browser server sends its client for file access (a worker cannot read the workspace itself).
// Shared by server/src/web and client/src/web; pure.

/** `trustlint/stat`: what is at a URI, or null when nothing is (or it cannot be read). */
export const STAT_REQUEST = 'trustlint/stat';
/** `trustlint/readFile`: a file's text (UTF-8), or the reason it could not be read. */
export const READ_FILE_REQUEST = 'trustlint/readFile';

export interface UriParams {
  uri: string;
}

export type StatResult = { type: 'file' | 'directory' | 'other'; mtime: number; size: number } | null;

export type ReadFileResult = { text: string } | { error: string };
