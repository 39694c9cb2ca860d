// Fills message templates. The only place the core builds user-facing sentences from rule data.

const MAX_QUOTED = 60;

/** Replaces `{match}` with the flagged words, shortened and with spacing tidied. */
export function fillMessage(template: string, match: string): string {
  let quoted = match.replace(/\s+/g, ' ').trim();
  if (quoted.length > MAX_QUOTED) quoted = `${quoted.slice(0, MAX_QUOTED - 1).trimEnd()}…`;
  return template.replace(/\{match\}/g, quoted);
}
