// Edits to .trustlintrc.json offered as code actions: add a phrase to the allowed phrases, creating the file if needed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { modify, parse } from 'jsonc-parser/lib/esm/main.js';
import { CreateFile, TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../node/configFile';

/**
 * A workspace edit that adds `phrase` to `allow` in the config file, or creates one in `folder` holding just that.
 * Returns undefined when the phrase is already allowed, or when creating files is not supported by the client.
 */
export function allowPhraseEdit(configFile: string | undefined, folder: string, phrase: string, canCreate: boolean): WorkspaceEdit | undefined {
  if (configFile && fs.existsSync(configFile)) {
    const text = fs.readFileSync(configFile, 'utf8');
    const current = parse(text, [], { allowTrailingComma: true }) as { allow?: unknown } | undefined;
    if (Array.isArray(current?.allow) && current.allow.some((a) => typeof a === 'string' && a.toLowerCase() === phrase.toLowerCase())) return undefined;
    const doc = TextDocument.create(pathToFileURL(configFile).href, 'jsonc', 0, text);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const edits: TextEdit[] = modify(text, ['allow', -1], phrase, { formattingOptions: { insertSpaces: true, tabSize: 2, eol } }).map((e) => ({
      range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) },
      newText: e.content,
    }));
    return { changes: { [doc.uri]: edits } };
  }
  if (!canCreate) return undefined;
  const uri = pathToFileURL(path.join(folder, CONFIG_FILE_NAME)).href;
  const content = `${JSON.stringify({ allow: [phrase] }, null, 2)}\n`;
  return {
    documentChanges: [
      CreateFile.create(uri, { ignoreIfExists: true }),
      TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }]),
    ],
  };
}
