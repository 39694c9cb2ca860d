// Reads text files defensively and writes them back atomically, keeping their encoding details.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeFsError } from './files';

/** Files larger than this are skipped unless the caller says otherwise (matches `trustlint.maxFileSize`). */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface TextFile {
  /** The text without its byte order mark; offsets into it are what the core reports. */
  text: string;
  /** The file started with a UTF-8 byte order mark. */
  bom: boolean;
  /** The exact bytes read, to detect a change on disk before writing back. */
  bytes: Buffer;
}

export type ReadFailure =
  | 'not-found'
  | 'directory'
  | 'too-large'
  | 'binary'
  | 'encoding'
  | 'io';

export type ReadResult = { ok: true; file: TextFile } | { ok: false; reason: ReadFailure; message: string };

/**
 * Reads a UTF-8 text file. Refuses folders, files over `maxBytes`, binary files (NUL bytes),
 * UTF-16 files and invalid UTF-8, each with a message that says what to do.
 */
export async function readTextFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not-found' : 'io';
    return { ok: false, reason, message: `cannot read: ${describeFsError(error)}` };
  }
  if (stat.isDirectory()) return { ok: false, reason: 'directory', message: 'is a folder, not a file' };
  if (stat.size > maxBytes) {
    return {
      ok: false,
      reason: 'too-large',
      message: `skipped: ${formatBytes(stat.size)} is over the ${formatBytes(maxBytes)} limit`,
    };
  }
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (error) {
    return { ok: false, reason: 'io', message: `cannot read: ${describeFsError(error)}` };
  }
  // The size can grow between stat and read; check again on what was read.
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      reason: 'too-large',
      message: `skipped: ${formatBytes(bytes.length)} is over the ${formatBytes(maxBytes)} limit`,
    };
  }
  return decodeText(bytes);
}

/** Decodes bytes as UTF-8 text, refusing binary and non-UTF-8 content. Exported for stdin. */
export function decodeText(bytes: Buffer): ReadResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, reason: 'encoding', message: 'is UTF-16 encoded; save it as UTF-8 to check it' };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, reason: 'binary', message: `looks like a binary file (NUL byte at byte ${nul}); not checked` };
  }
  const bom = bytes.length >= 3 && bytes.subarray(0, 3).equals(UTF8_BOM);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = at === -1 ? '' : ` (line ${lineOfByte(bytes, at)}, byte ${at})`;
    return { ok: false, reason: 'encoding', message: `is not valid UTF-8${where}; save it as UTF-8 to check it` };
  }
  return { ok: true, file: { text, bom, bytes } };
}

/** Encodes text for writing back, restoring the byte order mark when the original had one. */
export function encodeText(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([UTF8_BOM, body]) : body;
}

export type WriteResult = { ok: true } | { ok: false; reason: 'read-only' | 'changed' | 'io'; message: string };

export interface WriteOptions {
  /**
   * The bytes the caller read earlier. When given, the file is not written if its content
   * differs now (someone saved it while we were working).
   */
  expected?: Buffer;
}

/**
 * Replaces a file's content atomically: writes a temporary file in the same folder, then renames
 * it over the original, so a crash or a full disk never leaves a half-written file.
 * Keeps the file's permission bits. A file with no write permission bits is refused even when the
 * process could override them (as root does), because the user marked it read-only.
 */
export async function writeFileAtomic(file: string, data: Buffer, options: WriteOptions = {}): Promise<WriteResult> {
  let mode: number | undefined;
  try {
    const stat = await fs.promises.stat(file);
    if (stat.isDirectory()) return { ok: false, reason: 'io', message: 'cannot write: it is a folder, not a file' };
    mode = stat.mode & 0o7777;
    if ((mode & 0o222) === 0) {
      return { ok: false, reason: 'read-only', message: 'cannot write: the file is read-only' };
    }
    await fs.promises.access(file, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      return { ok: false, reason: 'read-only', message: 'cannot write: permission denied' };
    }
    // A missing file is simply created; anything else is an error.
    if (code !== 'ENOENT') return { ok: false, reason: 'io', message: `cannot write: ${describeFsError(error)}` };
  }

  if (options.expected) {
    let current: Buffer;
    try {
      current = await fs.promises.readFile(file);
    } catch (error) {
      return { ok: false, reason: 'changed', message: `changed on disk while Trustlint was running (${describeFsError(error)}); not written` };
    }
    if (!current.equals(options.expected)) {
      return { ok: false, reason: 'changed', message: 'changed on disk while Trustlint was running; not written' };
    }
  }

  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.trustlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(temp, 'wx', mode ?? 0o666);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    // open() applies the umask; set the original bits exactly.
    if (mode !== undefined) await fs.promises.chmod(temp, mode);
    await fs.promises.rename(temp, file);
    return { ok: true };
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'read-only' : 'io';
    return { ok: false, reason, message: `cannot write: ${describeFsError(error)}` };
  }
}

/** Byte index of the first invalid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= bytes.length) return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfByte(bytes: Buffer, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${n} bytes`;
}

/** Writes a report file, creating its folder; atomic so a reader never sees half a report. */
export async function writeReportFile(file: string, text: string): Promise<WriteResult> {
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
  } catch (error) {
    return { ok: false, reason: 'io', message: `cannot create the folder for ${file}: ${describeFsError(error)}` };
  }
  return writeFileAtomic(file, Buffer.from(text, 'utf8'));
}

/**
 * Keeps a file's line-ending style after an edit: when the original used only CRLF, any bare LF
 * that a replacement introduced becomes CRLF too.
 */
export function keepLineEndings(original: string, edited: string): string {
  const usesCrlf = original.includes('\r\n') && !/(?<!\r)\n/.test(original);
  if (!usesCrlf) return edited;
  return edited.replace(/(?<!\r)\n/g, '\r\n');
}
