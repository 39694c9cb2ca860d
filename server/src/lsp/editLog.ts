// Records where each open document changed from version to version, so a re-lint is told which region an edit
// touched and skips comparing the rest of a long document (core lint's `changed`).
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { addChange, type ChangedRange } from '../core';
import { utf8Length } from './state';

/** Steps kept per document; a lint further behind than this compares chunks instead. */
const MAX_STEPS = 256;

interface Step {
  from: number;
  to: number;
  /** Undefined for a full-text replacement, which leaves nothing to skip. */
  changed?: ChangedRange;
}

export class EditLog {
  private readonly steps = new Map<string, Step[]>();
  /** Each document's size in UTF-8 bytes, kept up to date edit by edit (the file-size limit is in bytes). */
  private readonly sizes = new Map<string, { version: number; bytes: number }>();

  /** A TextDocuments configuration that applies changes as the library does, one at a time, and records them. */
  readonly documents: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.steps.delete(uri);
      this.sizes.set(uri, { version, bytes: utf8Length(content) });
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (doc, changes, version) => this.update(doc, changes, version),
  };

  private update(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const from = doc.version;
    let changed: ChangedRange | undefined;
    let whole = false;
    const size = this.sizes.get(doc.uri);
    let bytes = size?.version === from ? size.bytes : undefined;
    for (const change of changes) {
      if ('range' in change) {
        // Offsets against the text as it is before this change, as TextDocument.update computes them.
        const x = doc.offsetAt(change.range.start);
        const y = doc.offsetAt(change.range.end);
        const a = Math.min(x, y);
        const b = Math.max(x, y);
        // The bytes of the replaced text and of its replacement, each with one neighbour on either side, so a
        // surrogate pair split or joined at the edges counts the same way as in a count of the whole text.
        const lo = Math.max(0, a - 1);
        const before = bytes === undefined ? 0 : utf8Length(doc.getText().slice(lo, b + 1));
        TextDocument.update(doc, [change], version);
        if (bytes !== undefined) bytes += utf8Length(doc.getText().slice(lo, a + change.text.length + 1)) - before;
        changed = addChange(changed, a, b, change.text.length);
      } else {
        TextDocument.update(doc, [change], version);
        bytes = utf8Length(change.text);
        whole = true;
      }
    }
    if (bytes === undefined) this.sizes.delete(doc.uri);
    else this.sizes.set(doc.uri, { version, bytes });
    let list = this.steps.get(doc.uri);
    if (!list) { list = []; this.steps.set(doc.uri, list); }
    list.push({ from, to: version, changed: whole ? undefined : changed });
    if (list.length > MAX_STEPS) list.splice(0, list.length - MAX_STEPS);
    return doc;
  }

  /**
   * The region that changed between two versions of a document, when every step between them is on record and
   * none replaced the whole text; otherwise undefined. Steps before `from` are dropped: nothing asks for them again.
   */
  since(uri: string, from: number, to: number): ChangedRange | undefined {
    const list = this.steps.get(uri);
    if (!list) return undefined;
    const first = list.findIndex((s) => s.from === from);
    if (first < 0) return undefined;
    list.splice(0, first);
    let changed: ChangedRange | undefined;
    let version = from;
    for (const step of list) {
      if (step.from !== version || !step.changed) return undefined;
      const c = step.changed;
      // A step's region is one edit of the text before it: [start, end - delta) became [start, end).
      changed = addChange(changed, c.start, c.end - c.delta, c.end - c.start);
      version = step.to;
      if (version === to) return changed;
    }
    return undefined;
  }

  /** The document's size in UTF-8 bytes at `version`, when that is the version on record. */
  bytes(uri: string, version: number): number | undefined {
    const size = this.sizes.get(uri);
    return size?.version === version ? size.bytes : undefined;
  }

  forget(uri: string): void {
    this.steps.delete(uri);
    this.sizes.delete(uri);
  }
}
