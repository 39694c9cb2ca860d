// The trust report for one open document, for the editor's status bar and report view.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { trustReport, type TrustReport } from '../core';
import { renderHtml } from '../report/render';
import type { Outcome } from './state';

export interface TrustReportResponse {
  uri: string;
  version: number;
  report: TrustReport;
  /** The report page, with command links that reveal lines and insert snippets in the editor. */
  html: string;
}

const command = (name: string, args: unknown[]) => `command:${name}?${encodeURIComponent(JSON.stringify(args))}`;

export function trustReportFor(doc: TextDocument, outcome: Outcome): TrustReportResponse {
  const text = doc.getText();
  const report = trustReport(text, { findings: outcome.findings, problems: [] }, { languageId: doc.languageId, checkBuyerTurns: outcome.config?.checkBuyerTurns });
  const name = decodeURIComponent(doc.uri.split('/').pop() ?? doc.uri);
  const file = { filePath: name, report, lineOf: (offset: number) => doc.positionAt(offset).line + 1 };
  const html = renderHtml([file], {
    generatedAt: `version ${doc.version}`,
    editorTheme: true,
    lineLink: (_f, line) => command('trustlint.revealLine', [doc.uri, line - 1]),
    snippetLink: (_f, offset, snippet) => command('trustlint.insertSnippet', [doc.uri, doc.positionAt(offset).line, snippet]),
  });
  return { uri: doc.uri, version: doc.version, report, html };
}
