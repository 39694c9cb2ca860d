// Shared helpers for the CLI tests: run dist/cli.js in a temp folder, compare golden files.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CATEGORIES, lint, listRules } from '../../server/src/core';
import { version } from '../../package.json';

export const REPO = path.resolve(__dirname, '../..');
export const CLI = path.join(REPO, 'dist', 'cli.js');
export const FIXTURES = path.join(__dirname, 'fixtures');
export const GOLDEN = path.join(__dirname, 'golden');
export const VERSION = version;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js args...` the way a user or CI would, with colour variables cleared. */
export function runCli(args: string[], options: { cwd: string; input?: string | Buffer; env?: Record<string, string> } = { cwd: REPO }): CliRun {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' first (npm test does this)`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: { ...env, ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const workspaces: string[] = [];

/**
 * A fresh temp copy of a fixture folder (never the repo tree). Adds folders that git would not keep:
 * node_modules/ and .git/ with coercive text that must never be reported.
 */
export function workspace(fixture?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-cli-'));
  workspaces.push(dir);
  if (fixture) {
    fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, 'node_modules', 'dep'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'dep', 'readme.md'), 'Act now! Hurry up!\n');
    fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.git', 'notes.md'), 'Act now! Hurry up!\n');
  }
  return dir;
}

/** Removes every workspace made so far (call from an after() hook). */
export function cleanWorkspaces(): void {
  for (const dir of workspaces.splice(0)) {
    // Read-only files inside must not stop the cleanup.
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces run-to-run noise (timings, the package version) with placeholders. */
export function normalize(output: string): string {
  return output.replace(/\b\d+ ms\b/g, '<n> ms').split(VERSION).join('<version>');
}

/**
 * Compares output with a golden file. `UPDATE_GOLDEN=1 npm test` rewrites the golden files from the
 * current output; review the diff before committing (the rule pack changes them on purpose).
 */
export function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) assert.fail(`golden file ${path.relative(REPO, file)} is missing; run UPDATE_GOLDEN=1 npm test`);
  const expected = fs.readFileSync(file, 'utf8');
  assert.equal(actual, expected, `output differs from ${path.relative(REPO, file)} (UPDATE_GOLDEN=1 npm test refreshes it)`);
}

/** Writes a config that turns every category off except one rule at the given severity. */
export function isolatingConfig(dir: string, ruleId: string, severity: 'error' | 'warning' | 'information' | 'hint'): string {
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, 'off']));
  const file = path.join(dir, `.only-${ruleId}-${severity}.json`);
  fs.writeFileSync(file, `// Only ${ruleId}, as ${severity}.\n${JSON.stringify({ categories, rules: { [ruleId]: severity } }, null, 2)}\n`);
  return file;
}

export interface FixableExample {
  ruleId: string;
  /** A flag example the rule reports and whose preferred fix is a drop-in one. */
  text: string;
}

/**
 * A rule example that the current pack flags with a drop-in preferred fix, found from the pack itself
 * so the tests keep working as rules are added or renamed.
 */
export function fixableExample(): FixableExample {
  for (const rule of listRules()) {
    if (!rule.replacements[0]?.dropIn) continue;
    for (const example of rule.examples.flag) {
      const found = lint(example.text, { languageId: 'markdown' }).findings.find((f) => f.ruleId === rule.id);
      if (found && found.fixes[0]?.dropIn) return { ruleId: rule.id, text: example.text };
    }
  }
  throw new Error('the rule pack has no flag example with a drop-in fix');
}

export interface JsonFinding {
  ruleId: string;
  category: string;
  severity: string;
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

export interface JsonFile {
  filePath: string;
  findings: JsonFinding[];
}

export function parseJson(stdout: string): JsonFile[] {
  try {
    return JSON.parse(stdout) as JsonFile[];
  } catch {
    assert.fail(`stdout is not JSON:\n${stdout}`);
  }
}

/** Line and column (1-based, UTF-16) of an offset, computed independently of the CLI's code. */
export function expectedPosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
