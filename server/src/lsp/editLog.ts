// Records where each open document changed from version to version, so a re-lint is told which region an edit
// touched and skips comparing the rest of a long document (core lint's `changed`).
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { addChange, type ChangedRange } from '../core';

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

  /** A TextDocuments configuration that applies changes as the library does, one at a time, and records them. */
  readonly documents: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.steps.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (doc, changes, version) => this.update(doc, changes, version),
  };

  private update(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const from = doc.version;
    let changed: ChangedRange | undefined;
    let whole = false;
    for (const change of changes) {
      if ('range' in change) {
        // Offsets against the text as it is before this change, as TextDocument.update computes them.
        const a = doc.offsetAt(change.range.start);
        const b = doc.offsetAt(change.range.end);
        TextDocument.update(doc, [change], version);
        changed = addChange(changed, Math.min(a, b), Math.max(a, b), change.text.length);
      } else {
        TextDocument.update(doc, [change], version);
        whole = true;
      }
    }
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

  forget(uri: string): void {
    this.steps.delete(uri);
  }
}
