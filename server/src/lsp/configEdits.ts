// Edits to .trustlintrc.json offered as code actions: add a phrase to the allowed phrases, creating the file if needed.
// The file is read through the host beforehand (allowTarget), so the edit itself is pure and works wherever the
// client can apply a WorkspaceEdit: on disk, or in a virtual workspace in the browser.
import { modify, parse } from 'jsonc-parser/lib/esm/main.js';
import { CreateFile, TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../host/configText';
import type { ServerHost } from './host';

/** Where "Always allow" writes: the existing config file with its text, else a new file at `newFileUri`. */
export interface AllowTarget {
  existing?: { uri: string; name: string; text: string };
  newFileUri: string;
}

/**
 * Reads the document's config file for the "Always allow" action. A new config file goes in the innermost
 * workspace folder holding the document, else next to it. Undefined when the host cannot read files there.
 */
export async function allowTarget(host: ServerHost, docUri: string, configFile: string | undefined, workspaceFolders: string[]): Promise<AllowTarget | undefined> {
  const fs = host.fs;
  if (!fs) return undefined;
  const located = (uri: string) => { try { return host.locate(uri); } catch { return undefined; } };
  const file = located(docUri);
  if (file === undefined) return undefined;
  const inside = (folder: string) => { const rel = fs.relative(folder, file); return rel !== '' && !rel.startsWith('..') && !/^(\/|[a-zA-Z]:)/.test(rel); };
  const folder = workspaceFolders.map(located).filter((f): f is string => f !== undefined && inside(f)).sort((a, b) => b.length - a.length)[0] ?? fs.dirname(file);
  const newFileUri = host.toUri(fs.join(folder, CONFIG_FILE_NAME));
  if (configFile) {
    try {
      const text = await fs.readFile(configFile);
      return { existing: { uri: host.toUri(configFile), name: fs.basename(configFile), text }, newFileUri };
    } catch {
      // Gone since it was found: offer a new file instead.
    }
  }
  return { newFileUri };
}

/**
 * A workspace edit that adds `phrase` to `allow` in the config file, or creates one holding just that.
 * Returns undefined when the phrase is already allowed, or when creating files is not supported by the client.
 */
export function allowPhraseEdit(target: AllowTarget, phrase: string, canCreate: boolean): WorkspaceEdit | undefined {
  if (target.existing) {
    const { text, uri } = target.existing;
    const current = parse(text, [], { allowTrailingComma: true }) as { allow?: unknown } | undefined;
    if (Array.isArray(current?.allow) && current.allow.some((a) => typeof a === 'string' && a.toLowerCase() === phrase.toLowerCase())) return undefined;
    const doc = TextDocument.create(uri, 'jsonc', 0, text);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const edits: TextEdit[] = modify(text, ['allow', -1], phrase, { formattingOptions: { insertSpaces: true, tabSize: 2, eol } }).map((e) => ({
      range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) },
      newText: e.content,
    }));
    return { changes: { [doc.uri]: edits } };
  }
  if (!canCreate) return undefined;
  const uri = target.newFileUri;
  const content = `${JSON.stringify({ allow: [phrase] }, null, 2)}\n`;
  return {
    documentChanges: [
      CreateFile.create(uri, { ignoreIfExists: true }),
      TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }]),
    ],
  };
}
