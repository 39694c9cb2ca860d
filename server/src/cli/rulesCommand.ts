// `trustlint rules` and `trustlint explain RULE`: the rule pack as reference text.
import type { RuleInfo } from '../core';
import { styleFor } from './style';

export function formatRuleList(rules: readonly RuleInfo[], json: boolean, color: boolean): string {
  if (json) {
    const rows = rules.map((r) => ({ id: r.id, category: r.category, severity: r.severity, description: r.description, docsUrl: r.docsUrl }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const s = styleFor(color);
  const idWidth = Math.max(2, ...rules.map((r) => r.id.length));
  const catWidth = Math.max(8, ...rules.map((r) => r.category.length));
  const sevWidth = Math.max(8, ...rules.map((r) => r.severity.length));
  const lines = [s.bold(`${'id'.padEnd(idWidth)}  ${'category'.padEnd(catWidth)}  ${'severity'.padEnd(sevWidth)}  description`)];
  for (const r of rules) {
    lines.push(`${r.id.padEnd(idWidth)}  ${s.dim(r.category.padEnd(catWidth))}  ${r.severity.padEnd(sevWidth)}  ${r.description}`);
  }
  lines.push('', `${rules.length} rules. Run 'trustlint explain RULE' for the rationale, examples and alternatives.`);
  return `${lines.join('\n')}\n`;
}

export function formatExplain(rule: RuleInfo, json: boolean, color: boolean): string {
  if (json) {
    const { id, category, severity, description, message, rationale, replacements, examples, docsUrl } = rule;
    return `${JSON.stringify({ id, category, severity, description, message, rationale, replacements, examples, docsUrl }, null, 2)}\n`;
  }
  const s = styleFor(color);
  const lines: string[] = [];
  lines.push(`${s.bold(rule.id)}  ${s.dim(`${rule.category} · ${rule.severity}`)}`);
  lines.push(rule.description, '');
  lines.push(s.bold('Why it matters'), indent(rule.rationale), '');
  lines.push(s.bold('Alternatives'));
  for (const r of rule.replacements) {
    const tags = [r.dropIn ? 'drop-in: --fix may apply it' : 'needs a human edit', r.note].filter(Boolean).join('; ');
    lines.push(`  • ${s.green(`“${r.text}”`)} ${s.dim(`(${tags})`)}`);
  }
  if (rule.examples.flag.length > 0) {
    lines.push('', s.bold('Flagged'));
    for (const e of rule.examples.flag) {
      lines.push(`  ${s.red('✗')} ${e.text}`, `    ${s.green('→')} ${e.fixed}`);
    }
  }
  if (rule.examples.allow.length > 0) {
    lines.push('', s.bold('Not flagged'));
    for (const text of rule.examples.allow) lines.push(`  ${s.green('✓')} ${text}`);
  }
  lines.push('', `Docs: ${rule.docsUrl}`);
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
