// One line per finding: `path:line:col: severity message [ruleId]`, easy to grep and to match in editors.
import type { FileReport } from '../report';

export function formatCompact(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const pos = report.lines.positionAt(f.start);
      lines.push(`${report.filePath}:${pos.line}:${pos.column}: ${f.severity} ${f.message} [${f.ruleId}]`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
