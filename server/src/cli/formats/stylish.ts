// Human output: findings grouped by file, the preferred rewrite under each, and a summary line.
import type { Finding, Severity } from '../../core';
import { plural, type FileReport, type FormatContext, type RunSummary } from '../report';
import { styleFor, type Style } from '../style';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function formatStylish(reports: readonly FileReport[], ctx: FormatContext): string {
  const s = styleFor(ctx.color);
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(s.underline(report.filePath));
    const rows = report.findings.map((f) => {
      const pos = report.lines.positionAt(f.start);
      return { finding: f, where: `${pos.line}:${pos.column}` };
    });
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const labelWidth = Math.max(...rows.map((r) => LABEL[r.finding.severity].length));
    for (const { finding, where } of rows) {
      const label = LABEL[finding.severity].padEnd(labelWidth);
      const prefix = `  ${s.dim(where.padEnd(whereWidth))}  ${colorSeverity(s, finding.severity, label)}  `;
      out.push(`${prefix}${finding.message}  ${s.dim(finding.ruleId)}`);
      const indent = ' '.repeat(2 + whereWidth + 2 + labelWidth + 2);
      out.push(...suggestionLines(finding, indent, ctx.allSuggestions, s));
    }
    out.push('');
  }
  out.push(summaryLine(ctx.summary, ctx.fixMode, s));
  return `${out.join('\n')}\n`;
}

function suggestionLines(finding: Finding, indent: string, all: boolean, s: Style): string[] {
  const fixes = all ? finding.fixes : finding.fixes.slice(0, 1);
  return fixes.map((fix, i) => {
    const lead = i === 0 ? '↳ Try:' : '  or: ';
    const tag = fix.dropIn ? s.dim(' (drop-in)') : '';
    return `${indent}${s.dim(lead)} ${s.green(`“${fix.replacement}”`)}${tag}`;
  });
}

function colorSeverity(s: Style, severity: Severity, text: string): string {
  switch (severity) {
    case 'error':
      return s.red(text);
    case 'warning':
      return s.yellow(text);
    case 'information':
      return s.blue(text);
    default:
      return s.dim(text);
  }
}

/** `✖ 5 findings (2 errors, 3 warnings) in 3 files · 2 fixable with --fix · 12 ms` */
export function summaryLine(summary: RunSummary, fixMode: boolean, s: Style): string {
  const total = summary.counts.error + summary.counts.warning + summary.counts.information + summary.counts.hint;
  const files = plural(summary.files, 'file');
  const parts: string[] = [];
  if (total === 0) {
    parts.push(s.green(`✔ No findings in ${files}`));
  } else {
    const bySeverity = [
      summary.counts.error ? plural(summary.counts.error, 'error') : '',
      summary.counts.warning ? plural(summary.counts.warning, 'warning') : '',
      summary.counts.information ? `${summary.counts.information} info` : '',
      summary.counts.hint ? plural(summary.counts.hint, 'hint') : '',
    ].filter(Boolean);
    const mark = summary.counts.error > 0 ? s.red('✖') : s.yellow('⚠');
    parts.push(`${mark} ${s.bold(`${plural(total, 'finding')} (${bySeverity.join(', ')})`)} in ${files}`);
  }
  if (fixMode) {
    const applied = summary.fixed.reduce((n, f) => n + f.applied, 0);
    parts.push(applied > 0 ? `fixed ${plural(applied, 'finding')} in ${plural(summary.fixed.length, 'file')}` : 'nothing to fix');
  } else if (summary.fixable > 0) {
    parts.push(`${summary.fixable} fixable with --fix`);
  }
  if (summary.failures.length > 0) parts.push(s.red(`${plural(summary.failures.length, 'file')} not checked`));
  parts.push(`${Math.round(summary.elapsedMs)} ms`);
  return parts.join(' · ');
}
