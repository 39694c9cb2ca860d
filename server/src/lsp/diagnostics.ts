// Pure conversion from core findings to LSP diagnostics. Offsets become positions only here, via positionAt.
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, type Finding, type Severity } from '../core';

export const SOURCE = 'trustlint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

type Doc = Pick<TextDocument, 'positionAt'>;

export function rangeOf(doc: Pick<TextDocument, 'positionAt'>, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/**
 * Code actions find their finding again from the code and range (codeActions.ts), so a diagnostic carries no `data`:
 * on a long document every byte of it would be written and read again on each keystroke.
 */
export function toDiagnostic(doc: Doc, finding: Finding): Diagnostic {
  return {
    range: rangeOf(doc, finding.start, finding.end),
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
  };
}

/** Maps findings in order, keeping at most `maxProblems` and saying how many more were left out. */
export function toDiagnostics(doc: Doc, findings: readonly Finding[], maxProblems: number): Diagnostic[] {
  const shown = findings.slice(0, Math.max(0, maxProblems));
  const diagnostics = shown.map((finding) => toDiagnostic(doc, finding));
  const hidden = findings.length - shown.length;
  if (hidden > 0) {
    const at = doc.positionAt(findings[shown.length].start);
    diagnostics.push({
      range: { start: at, end: at },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message:
        `Trustlint stopped after ${shown.length} ${plural(shown.length, 'problem')}; ` +
        `${hidden} more ${hidden === 1 ? 'is' : 'are'} not shown. Raise trustlint.maxProblems to see them.`,
    });
  }
  return diagnostics;
}

/** The single notice shown instead of findings when a file is over trustlint.maxFileSize. */
export function oversizeDiagnostic(doc: Pick<TextDocument, 'positionAt' | 'getText'>, size: number, limit: number): Diagnostic {
  const text = doc.getText();
  const firstLineEnd = text.search(/\r|\n/);
  return {
    range: rangeOf(doc, 0, firstLineEnd < 0 ? text.length : firstLineEnd),
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message:
      `Trustlint did not check this file because it is ${size} bytes, more than trustlint.maxFileSize (${limit} bytes). ` +
      'Raise the setting to check it.',
  };
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
