// Finds the files to lint from command-line style inputs: files, folders and globs.
// This and the other modules in node/ are the only code that touches the filesystem;
// the CLI uses them today and the language server may reuse them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

/** Extensions picked up when a folder is given. `.playbook.md` is covered by `.md`. */
export const LINTABLE_EXTENSIONS = ['.playbook', '.md', '.markdown', '.txt'] as const;

/** Folders never entered, wherever they are. */
export const DEFAULT_IGNORED_DIRS = ['node_modules', '.git'] as const;

/** Name of the ignore file read from the working directory (gitignore syntax). */
export const IGNORE_FILE_NAME = '.trustlintignore';

export interface InputError {
  /** The input as the user typed it. */
  input: string;
  message: string;
}

export interface CollectResult {
  /** Absolute paths, deduplicated, sorted by their path relative to cwd. */
  files: string[];
  /** Inputs that could not be used (missing path, glob with no match, unreadable folder). */
  errors: InputError[];
  /** Explicitly named files skipped because `.trustlintignore` matches them. */
  ignored: string[];
}

export interface CollectOptions {
  cwd: string;
  /** Ignore rules; defaults to `.trustlintignore` in cwd when present. */
  ignoreFile?: string;
}

/** Maps a file name to the language id the core expects. */
export function languageIdFor(fileName: string): 'playbook' | 'markdown' | 'plaintext' {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.playbook') || lower.endsWith('.playbook.md')) return 'playbook';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return 'plaintext';
}

export function isLintableName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return LINTABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Relative path with forward slashes, as used in ignore rules, globs and reports. */
export function toPosixRelative(cwd: string, absolute: string): string {
  return path.relative(cwd, absolute).split(path.sep).join('/');
}

/** Loads ignore rules from a gitignore-style file; a missing file means no rules. */
export function loadIgnoreRules(file: string): { ok: true; rules: Ignore } | { ok: false; message: string } {
  const rules = ignore();
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, rules };
    return { ok: false, message: `cannot read ${file}: ${describeFsError(error)}` };
  }
  rules.add(content);
  return { ok: true, rules };
}

/**
 * Expands inputs into the list of files to lint.
 * Folders are walked for lintable extensions; globs match any file name below their base folder.
 * Neither follows symlinked folders, so a link cycle cannot make the walk loop.
 */
export function collectFiles(inputs: readonly string[], options: CollectOptions): CollectResult {
  const cwd = path.resolve(options.cwd);
  const errors: InputError[] = [];
  const ignoredExplicit: string[] = [];
  const found = new Set<string>();

  const loaded = loadIgnoreRules(options.ignoreFile ?? path.join(cwd, IGNORE_FILE_NAME));
  if (!loaded.ok) errors.push({ input: IGNORE_FILE_NAME, message: loaded.message });
  const rules = loaded.ok ? loaded.rules : ignore();

  /** True when `.trustlintignore` excludes the path. Only paths inside cwd are subject to it. */
  const isIgnored = (absolute: string, isDir: boolean): boolean => {
    const rel = toPosixRelative(cwd, absolute);
    if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
    return rules.ignores(isDir ? `${rel}/` : rel);
  };

  const walk = (dir: string, accept: (absolute: string) => boolean, onError: (message: string) => void): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      onError(`cannot read folder ${dir}: ${describeFsError(error)}`);
      return;
    }
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Follow links to files only; linked folders may form cycles.
        try {
          isFile = fs.statSync(absolute).isFile();
        } catch {
          isFile = false;
        }
        isDir = false;
      }
      if (isDir) {
        if ((DEFAULT_IGNORED_DIRS as readonly string[]).includes(entry.name)) continue;
        if (isIgnored(absolute, true)) continue;
        walk(absolute, accept, onError);
      } else if (isFile && accept(absolute) && !isIgnored(absolute, false)) {
        found.add(absolute);
      }
    }
  };

  for (const input of inputs) {
    const scanned = picomatch.scan(input);
    if (scanned.isGlob) {
      const base = path.resolve(cwd, scanned.base || '.');
      const pattern = toPosixRelative(cwd, path.resolve(cwd, input));
      const matches = picomatch(pattern, { dot: false });
      const before = found.size;
      if (fs.existsSync(base) && fs.statSync(base).isDirectory()) {
        walk(base, (absolute) => matches(toPosixRelative(cwd, absolute)), (message) => errors.push({ input, message }));
      }
      if (found.size === before && !errors.some((e) => e.input === input)) {
        errors.push({ input, message: `no files match the pattern "${input}"` });
      }
      continue;
    }

    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      errors.push({ input, message: `cannot open ${input}: ${describeFsError(error)}` });
      continue;
    }
    if (stat.isDirectory()) {
      walk(absolute, (file) => isLintableName(file), (message) => errors.push({ input, message }));
    } else if (isIgnored(absolute, false)) {
      ignoredExplicit.push(absolute);
    } else {
      // A file named explicitly is linted whatever its extension.
      found.add(absolute);
    }
  }

  const files = [...found].sort((a, b) => compareStrings(toPosixRelative(cwd, a), toPosixRelative(cwd, b)));
  return { files, errors, ignored: ignoredExplicit };
}

/** Plain code-unit order, so output does not depend on the machine's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Turns a Node fs error into a short plain-English reason. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EMFILE':
      return 'too many open files';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
