// Renders trust reports: per-file scores with their breakdown, as Markdown or HTML. Pure, shared by the CLI's
// `trustlint report` (standalone page) and the editor's report view (theme colours, links that reveal lines).
import type { TrustReport } from '../core';

export interface FileScore {
  filePath: string;
  report: TrustReport;
  /** 1-based line of each item's start, for links and tables. */
  lineOf: (offset: number) => number;
}

/** How the HTML links lines and snippets: plain text for a standalone page, command links in the editor. */
export interface HtmlOptions {
  generatedAt: string;
  /** Colours from the editor theme instead of the page's own. */
  editorTheme?: boolean;
  lineLink?: (file: FileScore, line: number) => string | undefined;
  snippetLink?: (file: FileScore, offset: number, snippet: string) => string | undefined;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const pts = (n: number) => n.toFixed(1);

export function renderMarkdown(files: FileScore[]): string {
  const lines = ['# Trustlint trust report', '', '| file | score | words | findings | missing moves |', '| --- | --- | --- | --- | --- |'];
  for (const f of files) {
    const findings = f.report.items.filter((i) => i.kind === 'finding').length;
    lines.push(`| ${md(f.filePath)} | **${f.report.score}** | ${f.report.words} | ${findings} | ${f.report.missingMoves.map((m) => m.move).join(', ') || '–'} |`);
  }
  for (const f of files) {
    lines.push('', `## ${f.filePath}: ${f.report.score}/100`, '');
    lines.push('| section | score | findings by tactic |', '| --- | --- | --- |');
    for (const s of f.report.sections.filter((x) => x.words > 0)) {
      const cats = Object.entries(s.findingsByCategory).map(([c, n]) => `${c} ×${n}`).join(', ') || '–';
      lines.push(`| ${md(s.title)} | ${s.score} | ${cats} |`);
    }
    if (f.report.items.length) {
      lines.push('', 'Points lost:', '');
      for (const i of f.report.items.slice(0, 15)) {
        const where = i.kind === 'focus' ? 'whole document' : `line ${f.lineOf(i.start)}`;
        lines.push(`- −${pts(i.points)} (${where}${i.ruleId ? `, \`${i.ruleId}\`` : ''}): ${md(i.reason)}`);
      }
      if (f.report.items.length > 15) lines.push(`- … and ${f.report.items.length - 15} more`);
    }
    if (f.report.missingMoves.length) {
      lines.push('', 'Relational moves to add:', '');
      for (const m of f.report.missingMoves) lines.push(`- ${md(m.advice)} In “${md(m.section)}”, insert the \`${m.snippet}\` snippet.`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function bar(score: number): string {
  const hue = Math.round((score / 100) * 120);
  return `<span class="bar"><span style="width:${score}%;background:hsl(${hue} 60% 45%)"></span></span>`;
}

export function renderHtml(files: FileScore[], options: HtmlOptions): string {
  const generatedAt = options.generatedAt;
  const at = (f: FileScore, line: number) => { const href = options.lineLink?.(f, line); return href ? `<a href="${esc(href)}">line ${line}</a>` : `line ${line}`; };
  const rows = files.map((f) => `<tr><td><a href="#f${files.indexOf(f)}">${esc(f.filePath)}</a></td><td class="n">${f.report.score}</td><td>${bar(f.report.score)}</td><td class="n">${f.report.items.filter((i) => i.kind === 'finding').length}</td></tr>`).join('');
  const details = files.map((f, k) => {
    const sections = f.report.sections.filter((s) => s.words > 0).map((s) => {
      const cats = Object.entries(s.findingsByCategory).map(([c, n]) => `<span class="tag">${esc(c)} ×${n}</span>`).join(' ');
      return `<tr><td>${esc(s.title)}</td><td class="n">${s.score}</td><td>${bar(s.score)}</td><td>${cats}</td></tr>`;
    }).join('');
    const items = f.report.items.slice(0, 20).map((i) => `<li><b>−${pts(i.points)}</b> ${i.kind === 'focus' ? 'whole document' : at(f, f.lineOf(i.start))}${i.ruleId ? ` <code>${esc(i.ruleId)}</code>` : ''}: ${esc(i.reason)}</li>`).join('');
    const moves = f.report.missingMoves.map((m) => {
      const href = options.snippetLink?.(f, m.end, m.snippet);
      const snippet = href ? `<a href="${esc(href)}">insert the <code>${esc(m.snippet)}</code> snippet</a>` : `insert the <code>${esc(m.snippet)}</code> snippet`;
      return `<li>${esc(m.advice)} In “${esc(m.section)}”, ${snippet}.</li>`;
    }).join('');
    return `<section id="f${k}"><h2>${esc(f.filePath)} <span class="score">${f.report.score}/100</span></h2>
<table><thead><tr><th>section</th><th>score</th><th></th><th>findings by tactic</th></tr></thead><tbody>${sections}</tbody></table>
${items ? `<h3>Points lost</h3><ol>${items}</ol>` : '<p>No points lost.</p>'}
${moves ? `<h3>Relational moves to add</h3><ul>${moves}</ul>` : ''}</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Trustlint trust report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
${options.editorTheme
    ? 'body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);background:var(--vscode-editor-background);margin:1rem auto;max-width:60rem;padding:0 1rem}a{color:var(--vscode-textLink-foreground)}'
    : 'body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222;background:#fff}@media (prefers-color-scheme: dark){body{color:#ddd;background:#1e1e1e}a{color:#7ab7ff}}'}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}td,th{padding:.25rem .5rem;border-bottom:1px solid #8884;text-align:left}
.n{text-align:right;width:4rem}.bar{display:inline-block;width:12rem;height:.7rem;background:#8883;border-radius:.35rem;overflow:hidden}
.bar>span{display:block;height:100%}.tag{display:inline-block;font-size:.8em;padding:0 .4rem;border-radius:.6rem;background:#8882;margin:.1rem}
.score{font-weight:normal;color:#888;margin-left:.5rem}code{font-size:.9em}
</style></head><body>
<h1>Trustlint trust report</h1>
<p>Generated ${esc(generatedAt)}. Scores run from 0 to 100; every point lost is listed with its line. See docs/trust-score.md for the formula.</p>
<table><thead><tr><th>file</th><th>score</th><th></th><th>findings</th></tr></thead><tbody>${rows}</tbody></table>
${details}
</body></html>
`;
}
