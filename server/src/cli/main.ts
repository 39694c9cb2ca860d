// Entry point of the `trustlint` command (bundled to dist/cli.js with a shebang).
import { builtinPatternsMissing, PATTERNS_MISSING } from '../core';
import { loadPackIndex, loadSentenceModel } from '../node/packIndex';
import { isLintWorker, serveLintWorker } from './lintPool';
import { runCli } from './run';

// Before anything lints: the build's precomputed index saves parsing every pattern at start-up.
loadPackIndex();
loadSentenceModel();

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

if (isLintWorker()) serveLintWorker();
else main();

function main(): void {
// Without its index a stripped bundle has no patterns: say so rather than report a clean run.
if (builtinPatternsMissing()) {
  process.stderr.write(`trustlint: ${PATTERNS_MISSING}\n`);
  process.exit(2);
}
// A closed pipe (`trustlint ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  // Large runs start lint workers from this same bundle.
  workerScript: __filename,
}).then(
  (code) => {
    // exitCode rather than exit() so piped output is flushed first.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`trustlint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
}
