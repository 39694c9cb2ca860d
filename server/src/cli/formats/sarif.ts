// SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers).
// Columns are UTF-16 code units (run.columnKind), the same unit as the core's offsets.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import type { Finding, RuleInfo, Severity } from '../../core';
import type { FileReport, FormatContext } from '../report';
import type { LineIndex } from '../positions';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export type RuleLookup = (id: string) => RuleInfo | undefined;

/** A relative path as a URI reference (segments percent-encoded); absolute paths become file: URIs. */
export function toUri(filePath: string): string {
  if (path.isAbsolute(filePath)) return pathToFileURL(filePath).href;
  return filePath.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

export function formatSarif(reports: readonly FileReport[], ctx: FormatContext, lookup: RuleLookup): string {
  // Only rules that produced a result are described, so the log stays small and stable as the pack grows.
  const ruleIds = [...new Set(reports.flatMap((r) => r.findings.map((f) => f.ruleId)))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => describeRule(id, lookup(id)));

  const results: Sarif.Result[] = [];
  for (const report of reports) {
    const uri = toUri(report.filePath);
    for (const finding of report.findings) {
      results.push(toResult(finding, report.lines, uri, ruleIndex.get(finding.ruleId) ?? -1));
    }
  }

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'trustlint',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: 'https://github.com/trustlint/trustlint',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: ctx.summary.failures.length === 0,
            toolExecutionNotifications: ctx.summary.failures.map((failure) => ({
              level: 'error' as const,
              message: { text: `${failure.filePath}: ${failure.message}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: toUri(failure.filePath) } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function describeRule(id: string, rule: RuleInfo | undefined): Sarif.ReportingDescriptor {
  if (!rule) return { id, shortDescription: { text: id } };
  const alternatives = rule.replacements.map((r) => `- “${r.text}”${r.dropIn ? ' (drop-in)' : ''}${r.note ? ` — ${r.note}` : ''}`);
  const helpText = [rule.rationale, '', 'Alternatives:', ...alternatives].join('\n');
  return {
    id,
    name: id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale },
    help: { text: helpText, markdown: `${rule.rationale}\n\n**Alternatives**\n\n${alternatives.join('\n')}\n\n[Rule documentation](${rule.docsUrl})` },
    helpUri: rule.docsUrl,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { category: rule.category, tags: ['trustlint', rule.category] },
  };
}

function region(lines: LineIndex, start: number, end: number): Sarif.Region {
  const from = lines.positionAt(start);
  const to = lines.positionAt(end);
  return {
    startLine: from.line,
    startColumn: from.column,
    endLine: to.line,
    endColumn: to.column,
    charOffset: start,
    charLength: end - start,
  };
}

function toResult(finding: Finding, lines: LineIndex, uri: string, index: number): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: finding.ruleId,
    ...(index >= 0 ? { ruleIndex: index } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { ...region(lines, finding.start, finding.end), snippet: { text: finding.text } },
        },
      },
    ],
    properties: { category: finding.category, severity: finding.severity },
  };
  const dropIns = finding.fixes.filter((fix) => fix.dropIn);
  if (dropIns.length > 0) {
    result.fixes = dropIns.map((fix) => ({
      description: { text: fix.title },
      artifactChanges: [
        {
          artifactLocation: { uri },
          replacements: [{ deletedRegion: region(lines, fix.start, fix.end), insertedContent: { text: fix.replacement } }],
        },
      ],
    }));
  }
  return result;
}
