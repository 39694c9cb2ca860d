// The data every output format works from: one report per linted file plus run totals.
import type { Finding, Severity } from '../core';
import { LineIndex } from './positions';

export interface FileReport {
  /** Path as shown and written to reports: relative to cwd with forward slashes, or the stdin name. */
  filePath: string;
  text: string;
  lines: LineIndex;
  /** Sorted by position; already filtered by --quiet. */
  findings: Finding[];
}

export interface FileFailure {
  filePath: string;
  message: string;
}

export interface RunSummary {
  files: number;
  counts: Record<Severity, number>;
  /** Findings whose first drop-in fix --fix would apply. */
  fixable: number;
  /** Files --fix changed, with the number of fixes applied. */
  fixed: Array<{ filePath: string; applied: number }>;
  /** Files that could not be checked (exit code 2). */
  failures: FileFailure[];
  elapsedMs: number;
}

export interface FormatContext {
  color: boolean;
  /** Show every alternative under a finding, not just the preferred one. */
  allSuggestions: boolean;
  /** Whether --fix ran (changes the summary wording). */
  fixMode: boolean;
  version: string;
  summary: RunSummary;
}

/** One finding in the JSON contract (see the README: stable, other tools parse it). */
export interface JsonFinding {
  ruleId: string;
  category: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
  text: string;
  fixes: Array<{ title: string; replacement: string; dropIn: boolean }>;
}

export interface JsonFileResult {
  filePath: string;
  findings: JsonFinding[];
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export function newReport(filePath: string, text: string, findings: readonly Finding[]): FileReport {
  return { filePath, text, lines: new LineIndex(text), findings: sortFindings(findings) };
}

/** Stable order: by position, then by rule id, so output never depends on rule evaluation order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** Builds the JSON contract entry for one finding; the field order is part of the contract. */
export function toJsonFinding(finding: Finding, lines: LineIndex): JsonFinding {
  const start = lines.positionAt(finding.start);
  const end = lines.positionAt(finding.end);
  return {
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    message: finding.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: finding.start,
    length: finding.end - finding.start,
    text: finding.text,
    fixes: finding.fixes.map((fix) => ({ title: fix.title, replacement: fix.replacement, dropIn: fix.dropIn })),
  };
}

export function toJsonResults(reports: readonly FileReport[]): JsonFileResult[] {
  return reports.map((r) => ({ filePath: r.filePath, findings: r.findings.map((f) => toJsonFinding(f, r.lines)) }));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
