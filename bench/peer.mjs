// Runs one peer linter over one file in its own process and prints {ms, findings} as JSON.
// Usage: node bench/peer.mjs <write-good|textlint-prh|alex|harper> <file>
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [peer, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');

/** A 300-phrase prh dictionary, comparable in size to Trustlint's pack. */
function prhDictionary() {
  const verbs = ['act', 'hurry', 'sign', 'decide', 'buy', 'commit', 'order', 'grab', 'lock', 'move'];
  const tails = ['now', 'today', 'fast', 'tonight', 'immediately', 'right away', 'quickly', 'before midnight', 'this week', 'asap'];
  const extra = ['last chance', 'only a few left', 'limited time', 'take it or leave it', 'trust me', 'no brainer', 'act fast'];
  const phrases = [];
  for (const v of verbs) for (const t of tails) phrases.push(`${v} ${t}`);
  for (const v of verbs) for (const t of tails) phrases.push(`${v} it ${t}`);
  for (const v of verbs) for (const t of tails) phrases.push(`please ${v} ${t}`);
  phrases.push(...extra);
  const rules = phrases.slice(0, 300).map((p) => `  - expected: take your time\n    pattern: ${p}`);
  const f = path.join(os.tmpdir(), `trustlint-bench-prh-${process.pid}.yml`);
  fs.writeFileSync(f, `version: 1\nrules:\n${rules.join('\n')}\n`);
  return f;
}

const t0 = performance.now();
let findings = 0;
if (peer === 'write-good') {
  const writeGood = (await import('write-good')).default;
  findings = writeGood(text).length;
} else if (peer === 'alex') {
  const { markdown } = await import('alex');
  findings = markdown(text).messages.length;
} else if (peer === 'harper') {
  const { LocalLinter } = await import('harper.js');
  const { binaryInlined } = await import('harper.js/binaryInlined');
  const linter = new LocalLinter({ binary: binaryInlined });
  await linter.setup();
  const start = performance.now();
  findings = (await linter.lint(text)).length;
  console.log(JSON.stringify({ ms: performance.now() - start, findings, setupMs: start - t0 }));
  process.exit(0);
} else if (peer === 'textlint-prh') {
  const { TextlintKernel } = await import('@textlint/kernel');
  const markdownPlugin = (await import('@textlint/textlint-plugin-markdown')).default;
  const prh = (await import('textlint-rule-prh')).default;
  const dict = prhDictionary();
  const kernel = new TextlintKernel();
  const start = performance.now();
  const result = await kernel.lintText(text, {
    ext: '.md',
    plugins: [{ pluginId: 'markdown', plugin: markdownPlugin.default ?? markdownPlugin }],
    rules: [{ ruleId: 'prh', rule: prh.default ?? prh, options: { rulePaths: [dict] } }],
  });
  findings = result.messages.length;
  console.log(JSON.stringify({ ms: performance.now() - start, findings }));
  process.exit(0);
} else {
  console.error(`unknown peer ${peer}`);
  process.exit(2);
}
console.log(JSON.stringify({ ms: performance.now() - t0, findings }));
