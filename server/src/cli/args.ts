// Command-line parsing and validation. Produces either options or a one-line usage error.
import { parseArgs } from 'node:util';
import { FORMATS, isFormatName, type FormatName } from './formats';

export interface CliOptions {
  command: 'lint' | 'rules' | 'explain' | 'report' | 'help' | 'version';
  /** Files, folders and globs (lint), or the rule id (explain). */
  inputs: string[];
  stdin: boolean;
  stdinFilename?: string;
  format: FormatName;
  output?: string;
  quiet: boolean;
  maxWarnings?: number;
  exitZero: boolean;
  fix: boolean;
  fixDryRun: boolean;
  config?: string;
  printConfig?: string;
  allSuggestions: boolean;
  /** `trustlint report`: the document format and the lowest acceptable score. */
  reportFormat: 'md' | 'html';
  minScore?: number;
  /** --color / --no-color; undefined means decide from the terminal and NO_COLOR. */
  color?: boolean;
  /** --jobs: threads that lint at once ('auto': one per CPU core for runs of 2 MB or more); undefined means one. */
  jobs?: number | 'auto';
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; message: string };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  'exit-zero': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'print-config': { type: 'string' },
  suggestions: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'min-score': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
} as const;

export function parseCliArgs(argv: readonly string[]): ParseResult {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, message: describeParseError(error) };
  }
  const v = parsed.values;
  const positionals = [...parsed.positionals];

  let command: CliOptions['command'] = 'lint';
  if (v.help) command = 'help';
  else if (v.version) command = 'version';
  else if (positionals[0] === 'rules') {
    command = 'rules';
    positionals.shift();
    if (positionals.length > 0) return { ok: false, message: `'trustlint rules' takes no arguments (got "${positionals[0]}")` };
  } else if (positionals[0] === 'report') {
    command = 'report';
    positionals.shift();
    if (positionals.length === 0) return { ok: false, message: "'trustlint report' needs files or folders, e.g. 'trustlint report playbooks/ --format html -o report.html'" };
  } else if (positionals[0] === 'explain') {
    command = 'explain';
    positionals.shift();
    if (positionals.length !== 1) return { ok: false, message: "'trustlint explain' takes one rule id, e.g. 'trustlint explain act-now'" };
  }

  let reportFormat: 'md' | 'html' = 'md';
  let format: FormatName = 'stylish';
  if (command === 'report') {
    const wanted = v.format ?? 'md';
    if (wanted !== 'md' && wanted !== 'html') return { ok: false, message: `'trustlint report' writes md or html (got "${wanted}")` };
    reportFormat = wanted;
  } else {
    const wanted = v.format ?? 'stylish';
    if (!isFormatName(wanted)) return { ok: false, message: `unknown format "${wanted}"; use one of ${FORMATS.join(', ')}` };
    format = wanted;
  }
  let minScore: number | undefined;
  if (v['min-score'] !== undefined) {
    if (!/^\d+$/.test(v['min-score']) || Number(v['min-score']) > 100) return { ok: false, message: `--min-score needs a whole number from 0 to 100 (got "${v['min-score']}")` };
    minScore = Number(v['min-score']);
  }

  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    const raw = v['max-warnings'];
    if (!/^\d+$/.test(raw)) return { ok: false, message: `--max-warnings needs a whole number of 0 or more (got "${raw}")` };
    maxWarnings = Number(raw);
  }

  let jobs: number | 'auto' | undefined;
  if (v.jobs === 'auto') jobs = 'auto';
  else if (v.jobs !== undefined) {
    if (!/^\d+$/.test(v.jobs) || Number(v.jobs) < 1 || Number(v.jobs) > 64) return { ok: false, message: `--jobs needs a whole number from 1 to 64, or auto (got "${v.jobs}")` };
    jobs = Number(v.jobs);
  }

  if (v.color && v['no-color']) return { ok: false, message: '--color and --no-color cannot be used together' };
  if (v.fix && v['fix-dry-run']) return { ok: false, message: '--fix and --fix-dry-run cannot be used together' };
  if (v['stdin-filename'] !== undefined && !v.stdin) return { ok: false, message: '--stdin-filename needs --stdin' };
  if (command === 'lint' && v['print-config'] === undefined) {
    if (v.stdin && positionals.length > 0) return { ok: false, message: '--stdin reads standard input; do not also give files' };
    if (v.stdin && v.fix) return { ok: false, message: '--fix cannot write to standard input; use --fix-dry-run to see the changes' };
    if (!v.stdin && positionals.length === 0) {
      return { ok: false, message: 'give files, folders or globs to check, or --stdin' };
    }
  }

  return {
    ok: true,
    options: {
      command,
      inputs: positionals,
      stdin: v.stdin ?? false,
      stdinFilename: v['stdin-filename'],
      format,
      output: v.output,
      quiet: v.quiet ?? false,
      maxWarnings,
      exitZero: v['exit-zero'] ?? false,
      fix: v.fix ?? false,
      fixDryRun: v['fix-dry-run'] ?? false,
      config: v.config,
      printConfig: v['print-config'],
      allSuggestions: v.suggestions ?? false,
      reportFormat,
      minScore,
      jobs,
      color: v.color ? true : v['no-color'] ? false : undefined,
    },
  };
}

/** Node's parseArgs messages are long and mention internals; keep the first useful sentence. */
function describeParseError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = /'([^']+)'/.exec(message)?.[1];
    return name ? `unknown option '${name}'` : 'unknown option';
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--[a-z-]+/.exec(message)?.[0];
    if (name && /argument missing/.test(message)) return `${name} needs a value`;
    if (name) return `${name} does not take a value`;
  }
  return message.split('. ')[0];
}

export const HELP = `Usage: trustlint [options] <files, folders or globs...>
       trustlint --stdin [--stdin-filename NAME] [options]
       trustlint rules
       trustlint explain RULE
       trustlint report <files or folders...> [--format md|html] [--min-score N] [-o FILE]

Flags coercive sales phrasing (false urgency, trap closes, guilt, threats...) in playbooks
and suggests trust-based rewrites. Folders are searched for .playbook, .md, .markdown and .txt
files, skipping node_modules, .git and anything matched by .trustlintignore (gitignore syntax).

Input:
  --stdin                   Check text from standard input
  --stdin-filename NAME     Name to report for standard input (also picks the language)
  -c, --config PATH         Use this .trustlintrc.json (JSON with comments)
  --print-config FILE       Print the configuration used for FILE and exit

Output:
  -f, --format NAME         stylish (default), json, sarif, github or compact
  -o, --output FILE         Write the report to FILE instead of standard output
  --suggestions             Show every alternative under a finding, not just the preferred one
  -q, --quiet               Report errors only
  --color, --no-color       Force colour on or off (default: on for a terminal, off with NO_COLOR)
  -j, --jobs N|auto         Lint with N threads (default 1; auto: one per CPU core for runs of 2 MB or more)

Fixing:
  --fix                     Apply drop-in rewrites in place (never judgment rewrites)
  --fix-dry-run             Print the changes --fix would make as a unified diff; change nothing

Trust report (trustlint report):
  -f, --format md|html      A Markdown (default) or standalone HTML report: scores, sections, top findings
  --min-score N             Exit 1 when any file scores below N (0-100)

Exit status:
  --max-warnings N          Exit 1 when there are more than N warnings
  --exit-zero               Exit 0 even with findings (usage, config and file errors still exit 2)

  -h, --help                Show this help
  -v, --version             Show the version

Exit codes: 0 no error-level findings (and warnings within --max-warnings);
            1 error-level findings or too many warnings; 2 usage, config or file errors.
`;
