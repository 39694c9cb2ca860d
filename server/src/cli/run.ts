// The CLI's work: read inputs, lint, fix, format, pick the exit code.
// All process access goes through CliIo so the flow can be driven in-process as well as by dist/cli.js.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  closest,
  fixAll,
  getRule,
  trustReport,
  lint,
  listPlaybookChecks,
  listRules,
  type Finding,
  type ResolvedConfig,
  type RuleInfo,
} from '../core';
import { collectFiles, languageIdFor, toPosixRelative } from '../node/files';
import { ConfigResolver, type ConfigIssue, type LoadedConfig } from '../node/configResolver';
import {
  decodeText,
  DEFAULT_MAX_FILE_BYTES,
  encodeText,
  keepLineEndings,
  readTextFile,
  type ReadResult,
  writeFileAtomic,
  writeReportFile,
} from '../node/textFile';
import { HELP, parseCliArgs, type CliOptions } from './args';
import { unifiedDiff } from './diff';
import { formatReports } from './formats';
import { Progress, type ProgressStream } from './progress';
import { newReport, type FileFailure, type FileReport, type RunSummary } from './report';
import { formatExplain, formatRuleList } from './rulesCommand';
import { renderHtml, renderMarkdown, type FileScore } from '../report/render';
import { LineIndex } from './positions';
import { LintPool, type LintOutcome } from './lintPool';
import { availableParallelism } from 'node:os';
import { shouldColor } from './style';
import { version } from '../../../package.json';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: ProgressStream;
  stderr: ProgressStream;
  readStdin(): Promise<Buffer>;
  /** The bundle to start lint worker threads from (dist/cli.js); without it, every file is linted on this thread. */
  workerScript?: string;
}

/**
 * Below this much text a run is too short for worker threads to pay off: each one loads and warms up the linter
 * again (about a quarter of a second), which is what the main thread lints in about a megabyte.
 */
const POOL_MIN_BYTES = 2_000_000;

/** Exit codes; part of the CLI contract. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** Runs the CLI and returns the exit code. Never throws for user errors. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const fail = (message: string): number => {
    io.stderr.write(`trustlint: ${message}\n`);
    return EXIT_ERROR;
  };
  const warn = (message: string): void => {
    io.stderr.write(`trustlint: ${message}\n`);
  };

  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return fail(`${parsed.message}. Run 'trustlint --help' for usage.`);
  const options = parsed.options;

  if (options.command === 'help') {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (options.command === 'version') {
    io.stdout.write(`${version}\n`);
    return EXIT_OK;
  }

  const color = shouldColor(io.stdout.isTTY === true && options.output === undefined, io.env, options.color);

  // Configuration: an explicit --config, or the nearest .trustlintrc.json above each file (as in the editor).
  // One run: no config file appears midway, so each folder's lookup is done once.
  const resolver = new ConfigResolver({ rememberLookups: true });
  const reportedIssues = new Set<string>();
  let configErrors = 0;
  /** Prints each config problem once, with file, line, column and key; returns false when there were any. */
  const checkConfig = (loaded: LoadedConfig): boolean => {
    for (const issue of loaded.issues) {
      const line = describeIssue(issue, io.cwd);
      if (reportedIssues.has(line)) continue;
      reportedIssues.add(line);
      configErrors++;
      io.stderr.write(`trustlint: ${line}\n`);
    }
    return loaded.issues.length === 0;
  };
  const configFor = (file: string): LoadedConfig => (options.config !== undefined ? resolver.fromFile(path.resolve(io.cwd, options.config)) : resolver.forFile(file));
  let configPath: string | undefined;
  if (options.config !== undefined) {
    configPath = path.resolve(io.cwd, options.config);
    if (!fs.existsSync(configPath)) return fail(`${options.config}: cannot read the config file: no such file or folder`);
    if (fs.statSync(configPath).isDirectory()) return fail(`${options.config}: cannot read the config file: it is a folder, not a file`);
    if (!checkConfig(configFor(configPath))) return EXIT_ERROR;
  }
  const topLevel = configFor(path.join(io.cwd, 'x'));
  let config: ResolvedConfig = topLevel.config;
  const lookup = (id: string): RuleInfo | undefined => {
    const compiled = config.pack.byId.get(id);
    return compiled ? { ...compiled.spec, docsUrl: compiled.docsUrl } : getRule(id);
  };

  if (options.command === 'rules') {
    // Phrase rules from the pack in use, then the built-in structural checks.
    const phraseRules: RuleInfo[] = options.config !== undefined ? config.pack.rules.map((r) => ({ ...r.spec, docsUrl: r.docsUrl })) : listRules();
    const rules = [...phraseRules, ...listPlaybookChecks()];
    return emit(io, options, formatRuleList(rules, options.format === 'json', color), fail);
  }
  if (options.command === 'explain') {
    const id = options.inputs[0];
    const rule = lookup(id);
    if (!rule) {
      const near = closest(id, [...config.pack.rules.map((r) => r.spec.id), ...listPlaybookChecks().map((r) => r.id)]);
      return fail(`unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}. Run 'trustlint rules' to list them.`);
    }
    return emit(io, options, formatExplain(rule, options.format === 'json', color), fail);
  }
  if (options.printConfig !== undefined) {
    const loaded = configFor(path.resolve(io.cwd, options.printConfig));
    if (!checkConfig(loaded)) return EXIT_ERROR;
    config = loaded.config;
    const printable = {
      file: toPosixRelative(io.cwd, path.resolve(io.cwd, options.printConfig)),
      languageId: languageIdFor(options.printConfig),
      configFile: loaded.configFile ? toPosixRelative(io.cwd, loaded.configFile) : null,
      extends: loaded.files.filter((f) => f !== loaded.configFile).map((f) => toPosixRelative(io.cwd, f)),
      profile: config.profile,
      rules: config.rules,
      categories: config.categories,
      allow: config.allow,
      ignore: config.ignore,
      checkBuyerTurns: config.checkBuyerTurns,
      checkMetaDiscussion: config.checkMetaDiscussion,
      speakers: config.speakers,
      ruleCount: config.pack.rules.length,
    };
    return emit(io, options, `${JSON.stringify(printable, null, 2)}\n`, fail);
  }

  if (options.command === 'report') {
    const collected = collectFiles(options.inputs, { cwd: io.cwd });
    for (const e of collected.errors) warn(e.message);
    const scores: FileScore[] = [];
    let errors = collected.errors.length;
    for await (const [absolute, read] of readAhead(collected.files)) {
      const displayName = toPosixRelative(io.cwd, absolute);
      if (!read.ok) { warn(`${displayName}: ${read.message}`); if (read.reason !== 'too-large') errors++; continue; }
      const loaded = configFor(absolute);
      if (!checkConfig(loaded)) { errors++; continue; }
      if (loaded.isIgnored(absolute)) continue;
      const languageId = languageIdFor(absolute);
      const text = read.file.text;
      const report = trustReport(text, lint(text, { languageId, config: loaded.config }), { languageId, checkBuyerTurns: loaded.config.checkBuyerTurns });
      const index = new LineIndex(text);
      scores.push({ filePath: displayName, report, lineOf: (offset) => index.positionAt(offset).line });
    }
    const doc = options.reportFormat === 'html' ? renderHtml(scores, { generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' ') }) : renderMarkdown(scores);
    const written = await writeOutput(io, options, doc);
    if (!written.ok) return fail(written.message);
    if (errors > 0 || configErrors > 0) return EXIT_ERROR;
    const low = options.minScore === undefined ? [] : scores.filter((f) => f.report.score < options.minScore!);
    for (const f of low) warn(`${f.filePath} scores ${f.report.score}, below --min-score ${options.minScore}`);
    return low.length && !options.exitZero ? EXIT_FINDINGS : EXIT_OK;
  }

  // Gather the inputs.
  const failures: FileFailure[] = [];
  let inputErrors = 0;
  const reports: FileReport[] = [];
  const fixed: RunSummary['fixed'] = [];
  const diffs: string[] = [];

  const lintOne = (text: string, languageId: string, config: ResolvedConfig): { findings: Finding[]; problems: string[] } => {
    const result = lint(text, { languageId, config });
    return { findings: result.findings, problems: result.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) };
  };

  if (options.stdin) {
    const name = options.stdinFilename;
    const displayName = name !== undefined ? toPosixRelative(io.cwd, path.resolve(io.cwd, name)) : '<stdin>';
    let bytes: Buffer;
    try {
      bytes = await io.readStdin();
    } catch (error) {
      return fail(`cannot read standard input: ${(error as Error).message}`);
    }
    if (bytes.length > DEFAULT_MAX_FILE_BYTES) return fail(`${displayName}: standard input is over the 2 MB limit`);
    const decoded = decodeText(bytes);
    if (!decoded.ok) return fail(`${displayName}: ${decoded.message}`);
    const text = decoded.file.text;
    const languageId = name !== undefined ? languageIdFor(name) : 'markdown';
    const loaded = configFor(path.resolve(io.cwd, name ?? 'stdin.md'));
    if (!checkConfig(loaded)) return EXIT_ERROR;
    const config = loaded.config;
    try {
      let { findings, problems } = lintOne(text, languageId, config);
      for (const p of problems) warn(`${displayName}: ${p}`);
      if (options.fixDryRun) {
        const result = fixAll(text, { languageId, config });
        if (result.text !== text) diffs.push(unifiedDiff(text, result.text, `a/${displayName}`, `b/${displayName}`));
        findings = lintOne(result.text, languageId, config).findings;
      }
      reports.push(newReport(displayName, text, findings));
    } catch (error) {
      return fail(`${displayName}: internal error while checking: ${(error as Error).message}`);
    }
  } else {
    const collected = collectFiles(options.inputs, { cwd: io.cwd });
    for (const e of collected.errors) {
      warn(e.message);
      inputErrors++;
    }
    for (const file of collected.ignored) warn(`${toPosixRelative(io.cwd, file)}: ignored because .trustlintignore matches it`);
    if (collected.files.length === 0 && collected.errors.length === 0 && collected.ignored.length === 0) {
      warn('no files to check (folders are searched for .playbook, .md, .markdown and .txt files)');
    }

    const progress = Progress.create(io.stderr, collected.files.length);
    // Messages during the run first erase the progress bar so they start on a clean line.
    const note = (message: string): void => {
      progress?.done();
      warn(message);
    };
    let done = 0;
    // Large runs lint on worker threads too (never with --fix, which writes files in order). Results are
    // collected in file order, so the output is the same whichever thread linted a file.
    // Threads are opt-in: on the 2-core machine the benchmarks run on, two threads linted the 854-page handbook no
    // faster than one (each warms up its own copy of the matchers). `--jobs auto` uses one per core.
    const threads = options.jobs === 'auto' ? availableParallelism() : options.jobs ?? 1;
    const pool = io.workerScript !== undefined && !options.fix && !options.fixDryRun && threads > 1
      && collected.files.length >= 2 && (options.jobs !== 'auto' || totalBytes(collected.files) >= POOL_MIN_BYTES)
      ? new LintPool(io.workerScript, threads - 1) : undefined;
    const pooled: Array<{ displayName: string; text: string; outcome: LintOutcome | Promise<LintOutcome> }> = [];
    for await (const [absolute, read] of readAhead(collected.files)) {
      const displayName = toPosixRelative(io.cwd, absolute);
      progress?.update(done, displayName);
      done++;
      if (!read.ok) {
        if (read.reason === 'too-large') {
          note(`${displayName}: ${read.message}`);
        } else {
          failures.push({ filePath: displayName, message: read.message });
          note(`${displayName}: ${read.message}`);
        }
        continue;
      }
      const languageId = languageIdFor(absolute);
      const loaded = configFor(absolute);
      if (!checkConfig(loaded)) {
        failures.push({ filePath: displayName, message: 'not checked: its .trustlintrc.json has errors' });
        continue;
      }
      if (loaded.isIgnored(absolute)) continue;
      const config = loaded.config;
      let text = read.file.text;
      if (pool) {
        // This thread lints a file itself only while every worker has work queued, so no worker waits for it.
        let outcome: LintOutcome | Promise<LintOutcome>;
        if (!pool.busy()) {
          outcome = pool.run({ file: absolute, text, languageId, configFile: configPath });
          // Awaited in file order below; until then a failure must not count as unhandled.
          outcome.catch(() => {});
        }
        else {
          try { outcome = lintOne(text, languageId, config); } catch (error) { outcome = Promise.reject(error); outcome.catch(() => {}); }
        }
        pooled.push({ displayName, text, outcome });
        continue;
      }
      try {
        let { findings, problems } = lintOne(text, languageId, config);
        for (const p of problems) note(`${displayName}: ${p}`);
        if (options.fix || options.fixDryRun) {
          const result = fixAll(text, { languageId, config });
          const fixedText = keepLineEndings(text, result.text);
          if (fixedText !== text && options.fixDryRun) {
            diffs.push(unifiedDiff(text, fixedText, `a/${displayName}`, `b/${displayName}`));
            findings = lintOne(fixedText, languageId, config).findings;
          } else if (fixedText !== text) {
            // Only files with a change are written; the bytes read are checked again just before.
            const written = await writeFileAtomic(absolute, encodeText(fixedText, read.file.bom), { expected: read.file.bytes });
            if (written.ok) {
              fixed.push({ filePath: displayName, applied: result.applied });
              note(`fixed ${result.applied} ${result.applied === 1 ? 'finding' : 'findings'} in ${displayName}`);
              text = fixedText;
              findings = lintOne(text, languageId, config).findings;
            } else {
              failures.push({ filePath: displayName, message: written.message });
              note(`${displayName}: ${written.message}`);
            }
          }
        }
        reports.push(newReport(displayName, text, findings));
      } catch (error) {
        const message = `internal error while checking: ${(error as Error).message}`;
        failures.push({ filePath: displayName, message });
        note(`${displayName}: ${message}`);
      }
    }
    for (const { displayName, text, outcome } of pooled) {
      try {
        const { findings, problems } = await outcome;
        for (const p of problems) note(`${displayName}: ${p}`);
        reports.push(newReport(displayName, text, findings));
      } catch (error) {
        const message = `internal error while checking: ${(error as Error).message}`;
        failures.push({ filePath: displayName, message });
        note(`${displayName}: ${message}`);
      }
    }
    await pool?.close();
    progress?.done();
  }

  // --quiet drops everything below error, from the output and from the counts.
  const shown = options.quiet ? reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : reports;
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixable = 0;
  for (const r of shown) {
    for (const f of r.findings) {
      counts[f.severity]++;
      if (f.fixes.some((x) => x.dropIn)) fixable++;
    }
  }
  const summary: RunSummary = {
    files: reports.length + failures.length,
    counts,
    fixable,
    fixed,
    failures,
    elapsedMs: performance.now() - started,
  };

  const output = options.fixDryRun
    ? diffs.join('')
    : formatReports(options.format, shown, { color, allSuggestions: options.allSuggestions, fixMode: options.fix, version, summary }, lookup);
  if (options.fixDryRun) {
    const changed = diffs.length;
    warn(changed === 0 ? 'no drop-in fixes to apply' : `--fix would change ${changed} ${changed === 1 ? 'file' : 'files'}`);
  }
  const emitted = await writeOutput(io, options, output);
  if (!emitted.ok) return fail(emitted.message);

  if (inputErrors > 0 || failures.length > 0 || configErrors > 0) return EXIT_ERROR;
  if (options.exitZero) return EXIT_OK;
  if (counts.error > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    warn(`${counts.warning} warnings is more than --max-warnings ${options.maxWarnings}`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** "file:line:col: /key: message" for a config problem, with the file relative to the working folder. */
function describeIssue(issue: ConfigIssue, cwd: string): string {
  return `${toPosixRelative(cwd, issue.file)}:${issue.line}:${issue.column}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

async function writeOutput(io: CliIo, options: CliOptions, text: string): Promise<{ ok: true } | { ok: false; message: string }> {
  if (options.output === undefined) {
    io.stdout.write(text);
    return { ok: true };
  }
  const target = path.resolve(io.cwd, options.output);
  const written = await writeReportFile(target, text);
  return written.ok ? { ok: true } : { ok: false, message: `${options.output}: ${written.message}` };
}

async function emit(io: CliIo, options: CliOptions, text: string, fail: (m: string) => number): Promise<number> {
  const written = await writeOutput(io, options, text);
  return written.ok ? EXIT_OK : fail(written.message);
}

/** The files' total size; files that cannot be read count as empty (reading them reports the problem). */
function totalBytes(files: readonly string[]): number {
  let total = 0;
  for (const f of files) {
    try { total += fs.statSync(f).size; } catch { /* reported when read */ }
  }
  return total;
}

/**
 * Reads files in order while the next few are already being read, so linting one file overlaps reading the
 * next instead of waiting on the disk each time.
 */
async function* readAhead(files: readonly string[], window = 8): AsyncGenerator<[string, ReadResult]> {
  const pending: Array<Promise<ReadResult>> = [];
  let next = 0;
  for (let k = 0; k < files.length; k++) {
    while (next < files.length && next < k + window) pending.push(readTextFile(files[next++]));
    yield [files[k], await pending.shift()!];
  }
}
