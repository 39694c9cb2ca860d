// GitHub Actions workflow commands, which show up as annotations on the pull request.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Severity } from '../../core';
import type { FileReport } from '../report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escapes a command's message: %, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as data, plus ':' and ',' which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const start = report.lines.positionAt(f.start);
      const end = report.lines.positionAt(f.end);
      const props = [
        `file=${escapeProperty(report.filePath)}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(`trustlint(${f.ruleId})`)}`,
      ].join(',');
      lines.push(`::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
