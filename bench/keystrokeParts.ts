// Ad-hoc: where a keystroke's time goes in the server's own pieces, in process (no pipe):
//   npx tsx bench/keystrokeParts.ts [chars] [edits]
import type { Connection } from 'vscode-languageserver';
import { EditLog } from '../server/src/lsp/editLog';
import { LintState } from '../server/src/lsp/state';
import { SettingsStore } from '../server/src/lsp/settings';
import { generatePlaybook, withHeadings } from './generate';
import { seededInserts } from './lspClient';

(async () => {
  const size = Number(process.argv[2] ?? 1_000_000);
  const edits = Number(process.argv[3] ?? 200);
  let text = generatePlaybook(size);
  // HEADINGS=1: with section headings, as real playbooks have (turns on the section checks).
  if (process.env.HEADINGS) text = withHeadings(text);
  const log = new EditLog();
  const state = new LintState(new SettingsStore({} as Connection, false), { error: () => {}, warn: () => {} }, undefined, undefined, undefined, [], log);
  const uri = 'file:///x.playbook';
  let version = 1;
  const doc = log.documents.create(uri, 'playbook', version, text);
  await state.outcome(doc);
  const parts = { update: [] as number[], outcome: [] as number[], json: [] as number[], parse: [] as number[] };
  let k = 0;
  for (const { line, character } of seededInserts(text, edits)) {
    k++;
    const t0 = performance.now();
    log.documents.update(doc, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }], ++version);
    const t1 = performance.now();
    const out = (await state.outcome(doc))!;
    const t2 = performance.now();
    const json = JSON.stringify({ jsonrpc: '2.0', id: k, result: { kind: 'full', resultId: out.resultId, items: out.diagnostics } });
    const t3 = performance.now();
    JSON.parse(json);
    const t4 = performance.now();
    parts.update.push(t1 - t0); parts.outcome.push(t2 - t1); parts.json.push(t3 - t2); parts.parse.push(t4 - t3);
  }
  const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((q / 100) * xs.length)].toFixed(2);
  for (const [name, xs] of Object.entries(parts)) console.log(`${name.padEnd(8)} p50 ${pct(xs, 50)} p95 ${pct(xs, 95)}`);
  const total = parts.update.map((_, i) => parts.update[i] + parts.outcome[i] + parts.json[i] + parts.parse[i]);
  console.log(`total    p50 ${pct(total, 50)} p95 ${pct(total, 95)}`);
})();
