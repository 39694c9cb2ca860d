// Hover over a finding: the tactic, the message, why it erodes trust, and what to say instead.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CATEGORY_LABELS, docsUrl, getRule, type Finding } from '../core';
import { rangeOf } from './diagnostics';

export { CATEGORY_LABELS };

export function categoryLabel(category: string): string {
  return (CATEGORY_LABELS as Record<string, string>)[category] ?? category.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** Findings under the cursor: those containing it, or else those ending right at it. */
export function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  const inside = findings.filter((f) => f.start <= offset && offset < f.end);
  return inside.length > 0 ? inside : findings.filter((f) => f.end === offset && f.start < f.end);
}

export function hover(doc: TextDocument, position: Position, findings: readonly Finding[], markdown = true): Hover | null {
  const hits = findingsAt(findings, doc.offsetAt(position));
  if (hits.length === 0) return null;
  const sections = hits.map((finding) => (markdown ? renderMarkdown(finding) : renderPlain(finding)));
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: sections.join(markdown ? '\n\n---\n\n' : '\n\n') },
    range: rangeOf(doc, hits[0].start, hits[0].end),
  };
}

export function renderMarkdown(finding: Finding): string {
  const rule = getRule(finding.ruleId);
  const lines = [`**${escape(categoryLabel(finding.category))}** · \`${finding.ruleId}\``, '', escape(finding.message)];
  if (rule?.rationale) lines.push('', `**Why it matters:** ${escape(rule.rationale)}`);
  if (rule && rule.replacements.length > 0) {
    lines.push('', '**Say instead:**');
    for (const r of rule.replacements) {
      const label = r.dropIn ? 'drop-in' : 'needs your judgment';
      lines.push(`- “${escape(r.text)}” (${label}${r.note ? `: ${escape(r.note)}` : ''})`);
    }
  }
  lines.push('', `[Read more about ${finding.ruleId}](${rule?.docsUrl ?? docsUrl(finding.ruleId)})`);
  return lines.join('\n');
}

function renderPlain(finding: Finding): string {
  const rule = getRule(finding.ruleId);
  const lines = [`${categoryLabel(finding.category)} (${finding.ruleId})`, finding.message];
  if (rule?.rationale) lines.push(`Why it matters: ${rule.rationale}`);
  if (rule && rule.replacements.length > 0) {
    lines.push('Say instead:');
    for (const r of rule.replacements) lines.push(`- "${r.text}" (${r.dropIn ? 'drop-in' : 'needs your judgment'}${r.note ? `: ${r.note}` : ''})`);
  }
  lines.push(rule?.docsUrl ?? docsUrl(finding.ruleId));
  return lines.join('\n');
}

/** Escapes the Markdown characters that could turn rule text into emphasis, code, links or HTML. */
export function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}
