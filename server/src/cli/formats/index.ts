// Picks the formatter for --format.
import { formatCompact } from './compact';
import { formatGithub } from './github';
import { formatSarif, type RuleLookup } from './sarif';
import { formatStylish } from './stylish';
import { toJsonResults, type FileReport, type FormatContext } from '../report';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'compact'] as const;
export type FormatName = (typeof FORMATS)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export function formatReports(name: FormatName, reports: readonly FileReport[], ctx: FormatContext, lookup: RuleLookup): string {
  switch (name) {
    case 'stylish':
      return formatStylish(reports, ctx);
    case 'json':
      return `${JSON.stringify(toJsonResults(reports), null, 2)}\n`;
    case 'sarif':
      return formatSarif(reports, ctx, lookup);
    case 'github':
      return formatGithub(reports);
    case 'compact':
      return formatCompact(reports);
  }
}
