// Sentence-level context: where sentences and clauses are, whether text is quoted as an example,
// whether a deadline is concrete and explained. These cues turn a word match into a judgment.

export interface Span { start: number; end: number }

/** Sentences of a block as absolute spans, trimmed of masking, spaces, quotes and emphasis marks. */
export function sentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  // A closing quote after the mark and a lower-case word next is a quoted question or exclamation inside the sentence
  // ('Replace tag questions like "right?" with real ones'), not its end.
  const re = /[.!?]+(?=\s|$|\u0001)|[.!?]+["')\]*_]+(?=\s|$|\u0001)(?!\s+[a-z])|\n\s*\n/g;
  re.lastIndex = start;
  const block = text.slice(0, end);
  let pos = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block)) !== null) {
    push(pos, m.index + m[0].length);
    pos = m.index + m[0].length;
  }
  push(pos, end);
  return out;

  function push(s: number, e: number) {
    while (s < e && /[\s\u0001*_"'(>#-]/.test(text[s])) s++;
    while (e > s && /[\s\u0001]/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  }
}

/** The sentence span without closing punctuation, quotes and emphasis: what a sentence rewrite replaces. */
export function sentenceBody(text: string, s: Span): Span {
  let e = s.end;
  while (e > s.start && /["')\]*_.!?\s]/.test(text[e - 1])) e--;
  return { start: s.start, end: e };
}

const CONTRAST = /(?:[,;]\s*|\s+|-\s*)(?:but|however|that said|though|although|yet|except)\b|;/gi;

/** The clause of a sentence that contains `at`: a contrastive "but"/"however" starts a new clause. */
export function clauseAround(text: string, s: Span, at: number): Span {
  const sentence = text.slice(s.start, s.end);
  let start = s.start;
  let end = s.end;
  CONTRAST.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CONTRAST.exec(sentence)) !== null) {
    const abs = s.start + m.index;
    if (abs <= at) start = abs + m[0].length;
    else { end = abs; break; }
  }
  return { start, end };
}

export function isQuestion(text: string, s: Span): boolean {
  return /\?["')*_\s]*$/.test(text.slice(s.start, Math.min(text.length, s.end + 3)).trimEnd()) || /\?/.test(text.slice(s.end - 1, s.end + 1));
}

/** Wording that marks a sentence as discussing a phrase rather than using it ("Avoid saying …", "❌"). */
const META_SENTENCE = /\b(?:avoid(?:ing)?\s+(?:saying|writing|putting|sending|telling|promising|claiming|phrases?|lines?|language|wording|words|terms|using|openers?|closes?|things)|avoid(?:ing)?\s+["\u201c']|(?:old|retired|former|previous)\s+(?:email\s+|sales\s+|call\s+)?(?:templates?|cadences?|scripts?|copy|subject lines?|talk tracks?|wording|phrasing)\b|\(retired\)|we\s+(?:no longer|stopped|quit)\s+(?:say|saying|use|using|send|sending|write|writing)\b|don'?t\s+(?:say(?!\s+(?:no|yes|i|we)\b)|use|write)\b|do not\s+(?:say(?!\s+(?:no|yes|i|we)\b)|use|write)\b|never\s+(?:say|write)\b|rather than (?:saying|writing)|old script|banned (?:phrases?|words?|lines?|in|from|by)|red flags?|anti-?patterns?|role-?play|training exercise|counter-?examples?|we don'?t talk like|ban(?:ned)?\s+list|(?:is|are|was|were)\s+banned|(?:are|is)\s+off the list|(?:slogans?|lines?|phrases?|scripts?|wording)\s+we\s+(?:retired|dropped|banned|killed)|why we dropped it|(?:terrible|bad|awful|outdated) advice)\b|❌|✗|✘|🚫|\bwe\s+used\s+to\b[^.!?]{0,160}\b(?:stopped|dropped|removed|deleted|retired|scrapped|killed|banned|ditched|got rid of)\b|\bwe\s+(?:dropped|removed|deleted|retired|scrapped|banned|ditched|got rid of)\s+(?:it|that|them|this|those)\s+(?:in|last|after|because|when|years?|months?)\b|\bwe\s+(?:deleted|retired|scrapped|banned|ditched)\s+the\b[^.!?]{0,80}\b(?:button|modal|banner|popup|pop-up|line|script|slide|close|template|subject line|email|copy|tactic|campaign)\b/i;

/** Reporting or naming verbs: quoted text near them is mentioned, not said to the buyer. */
const MENTION = /\b(?:(?:they|buyers?|prospects?|customers?|clients?|he|she|someone|people|reps?|managers?|others?|salespeople|sellers?)\s+(?:(?:still|often|always|sometimes|usually|typically|will|would|might|may|love to|like to)\s+)?(?:say|says|said|ask|asks|asked|tell|tells|told|write|writes|wrote|use|used|uses|yell|yelled|reply|replies|replied|object|objects|mention|mentions|mentioned|hear|hears|heard)|says|said|phrases?|lines? like|words? like|wording|bristle\w*|react\w* to|hears?|heard|hearing|called|known as|such as|told|yell\w*|shout\w*|asked|examples?|quoted|classic|clich[eé]s?|technique|tactics?|used to say|(?:taught|trained|coached|told|drilled|encouraged) to|renamed|titled|entitled|modules?|decks?|(?:don'?t|do not|never|no longer|stopped|won'?t)\s+(?:show|display|use|using|say|saying|send|sending|write|writing|tell|telling|promise|claim|run|running)|(?:kind|sort|type) of (?:line|phrase|thing|language|wording|copy)|never use it|training note|(?:don'?t|do not|never)\s+call\s+(?:anything|it|this|that|them|a \w+)|replac(?:e|es|ed|ing)|renam(?:e|es|ed|ing)|never (?:go|goes|belongs?|appears?) in|avoid (?:opening|starting|leading|closing|ending|signing off) with|style (?:of )?(?:decline|opt-?out|cancel) (?:buttons?|links?)|(?:we|they) retired|(?:is|are) now)\b|(?:^|[:;,.]\s*)no\s+["\u201c\u201d'\s]*(?:-?style|type|buttons?|links?|emails?|messages?|lines?)\b/i;

/** A sentence that is the subject of the next one ("Why wait? is a phrase we removed"): lower-case copula right after it. */
const NAMED_BY_NEXT = /^["'\u201d\u2019)*_]*\s+(?:is|was|are|were)\s+(?:a|an|the|one|exactly|what|how|our|on)\b/;

/** "Instead of …" opening a sentence or clause, or followed by a quote, names the wording to avoid; at the end of an instruction it does not. */
const INSTEAD_OF = /(?:^|[,;:(\u2014]\s*|\s-\s*)["'\u201c*_\s]*instead of\b|\binstead of\s+(?:saying|writing|using|["'\u201c])/i;

/**
 * Clauses in which a trainer talks about a line rather than saying it ("…is banned", "here's why we dropped it",
 * "hiding the fee is how we got complaints"). Written in the pattern language; lint.ts drops any match in such a
 * clause unless meta-discussion is checked. Shared by every rule rather than copied into each rule's `unless`.
 */
export const META_CLAUSE_PATTERNS: readonly string[] = [
  '{is|are|was|were} {banned|forbidden|retired|off the list|off-limits|off limits|not allowed|a firing offence|a firing offense|against policy|terrible advice|bad advice|outdated advice|old-school advice}',
  "{that's|that is|it's|it is} the {slogan|line|script|phrase|advice|tactic|habit|move} we {retired|dropped|banned|ditched|killed|stopped}",
  "{here's|here is|this is} why we {dropped|retired|banned|stopped|ditched}",
  '{is|was} how we got …3 {complaints|trouble|fined|sued|burned|refunds|chargebacks|bad reviews}',
  '{give|use|offer} reasons instead',
  '{respect|honour|honor} the no',
];

export function isMetaSentence(text: string, s: Span): boolean {
  const body = text.slice(s.start, s.end);
  return META_SENTENCE.test(body) || INSTEAD_OF.test(body) || inCounterExampleColumn(text, s) || NAMED_BY_NEXT.test(text.slice(s.end, s.end + 40));
}

/** A table column whose header announces counter-examples ("Don't say | Say instead", "Before | After"). */
const META_COLUMN = /^(?:don'?t say|do not say|never say|avoid(?:ing)?(?: saying)?|instead of|not this|old(?: script| phrasing| wording| line)?|before|bad|wrong|❌|✗|🚫|retired(?: phrases?| lines?)?|banned(?: phrases?| lines?)?|what not to say|red flags?|we used to say|(?:phrases?|lines?|things) to avoid)\b/i;

/**
 * True when the sentence sits in a table cell whose column header is a counter-example label. Cell borders are
 * masked, so a row is split on runs of masking; when header and row do not split into the same number of cells
 * (inline code in a cell, say) the answer is no.
 */
function inCounterExampleColumn(text: string, s: Span): boolean {
  const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
  let lineEnd = text.indexOf('\n', s.start);
  if (lineEnd < 0) lineEnd = text.length;
  const row = text.slice(lineStart, lineEnd);
  if (!/^\s*\u0001/.test(row)) return false;
  // Walk up to the separator row (all masking) and take the line above it as the header.
  let end = lineStart - 1;
  for (let k = 0; k < 200 && end > 0; k++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (!/^\s*\u0001/.test(line)) return false;
    if (/^[\s\u0001]+$/.test(line)) {
      if (start === 0) return false;
      const headerStart = text.lastIndexOf('\n', start - 2) + 1;
      const header = cells(text.slice(headerStart, start - 1));
      const rowCells = cells(row);
      if (header.length !== rowCells.length) return false;
      let offset = lineStart;
      for (let c = 0; c < rowCells.length; c++) {
        const at = row.indexOf(rowCells[c], offset - lineStart) + lineStart;
        offset = at + rowCells[c].length;
        if (s.start >= at && s.start < offset) return META_COLUMN.test(header[c].replace(/[*_`"']/g, '').trim());
      }
      return false;
    }
    end = start - 1;
  }
  return false;
}

function cells(line: string): string[] {
  return line.split(/\u0001+/).map((c) => c.trim()).filter((c) => c.length > 0);
}

/** Quoted spans inside a sentence ("…" or '…', allowing apostrophes inside words). */
export function quotedSpans(text: string, s: Span): Span[] {
  // sentences() trims an opening quote off the sentence start; take it back so the quote still pairs up.
  const from = s.start > 0 && /["']/.test(text[s.start - 1]) ? s.start - 1 : s.start;
  const sentence = text.slice(from, s.end);
  const out: Span[] = [];
  const re = /"[^"\n]+"|(?<![\p{L}\p{N}])'(?:[^'\n]|'(?=\p{L}))+'(?![\p{L}\p{N}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence)) !== null) out.push({ start: from + m.index, end: from + m.index + m[0].length });
  // A quote left open at the end of a sentence still marks a mention ("…says 'act now.").
  return out;
}

/** True when the sentence talks about the quoted words instead of saying them. */
export function isMentionContext(text: string, s: Span, quotes: Span[]): boolean {
  if (quotes.length === 0) return false;
  let outside = '';
  let pos = s.start;
  for (const q of quotes) { outside += text.slice(pos, q.start) + ' '; pos = q.end; }
  outside += text.slice(pos, s.end);
  return MENTION.test(outside);
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = new RegExp(
  `\\b(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b|q[1-4]\\b|(?:the\\s+)?(?:\\d{1,2})(?:st|nd|rd|th)\\b|\\d+\\s+(?:business\\s+)?(?:days|weeks|months)\\b|${MONTH}\\s+\\d{4})|\\{\\{\\s*[\\w ]*(?:date|deadline|expiry|day)[\\w ]*\\}\\}`,
  'i',
);
const REASON = /\b(?:because|due to|per|as (?:listed|published|stated|posted|announced|noted)|published|see|policy|standard|renew(?:al|als|s|ed)?|contract|registration|price list|pricing page|fiscal|according to|notice|regulat\w*|rebate|programs?|valid for|honou?red|won'?t be charged|no penalty|you (?:asked|requested)|requested|(?:your|the buyer's|the customer's) (?:request|rfp|deadline|timeline|budget|process|contract|renewal)|supplier costs|current customers keep|existing customers|grandfather\w*|link|website|printed|for every (?:applicant|customer|buyer|client|attendee|student|member)|everyone gets|same (?:date|rate|price|deadline|terms) for)\b|\{\{\s*[\w ]*(?:reason|source|link)[\w ]*\}\}/i;

export function hasConcreteDate(s: string): boolean { return DATE.test(s); }
/** What follows "because" when the reason is only the deadline again ("because after that the price goes away"). */
const CIRCULAR = /^[^.;!?]{0,60}?\b(?:going away|goes away|go away|gone|expir\w*|disappear\w*|vanish\w*|won'?t last|last chance|miss out|lose (?:it|the|this|that|your)|go(?:es)? up|back in the drawer|can'?t (?:hold|keep|promise) (?:it|this|that|the))\b/i;
const REASONS = new RegExp(REASON.source, 'gi');

/** True when the text gives a reason for a deadline; "because" followed only by the deadline's own threat does not count. */
export function hasReason(s: string): boolean {
  REASONS.lastIndex = 0;
  for (let m = REASONS.exec(s); m !== null; m = REASONS.exec(s)) {
    const circular = /^(?:because|due to)$/i.test(m[0]) && CIRCULAR.test(s.slice(m.index + m[0].length, m.index + m[0].length + 90));
    if (!circular) return true;
  }
  return false;
}

const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\b|\{\{\s*n\s*\}\}/i;
const ALTERNATIVE = /\b(?:next|another|after that|alternative|other (?:session|date|slot|cohort|start)s?|wait-?list|instead|later|following|also available|here are)\b/i;

export function hasQuantifiedCapacity(s: string): boolean { return NUMBER.test(s) && ALTERNATIVE.test(s); }
