#!/usr/bin/env node
// Generates playbook.tmLanguage.json. The grammar repeats the speaker-label and counter-example
// alternations in many regexes, so they are written once here and the JSON is build output.
// Usage: node syntaxes/build-grammar.mjs          (writes the JSON)
//        node syntaxes/build-grammar.mjs --check  (exits 1 if the JSON is out of date)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Same defaults as the server's speaker detection (server/src/core/scope.ts), so colours match what is checked.
const BUYER_LABELS = ['buyer', 'prospect', 'customer', 'client', 'them', 'lead', 'champion', 'cfo', 'ceo', 'vp'];
const REP_LABELS = ['rep', 'seller', 'ae', 'sdr', 'bdr', 'csm', 'you', 'me', 'agent', 'salesperson', 'account executive'];
const NOTE_LABELS = ['note', 'coach', 'tip', 'context', 'goal', 'why'];

/** Case-insensitive alternation, longest first so "account executive" wins over shorter names. */
function alt(labels) {
  const body = [...labels]
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[ \\t]+'))
    .join('|');
  return `(?i:${body})`;
}

const APOS = "[’']";
const BOLD = String.raw`(?:\*\*|__)`;

// Optional indentation, list marker and task box before a line-level construct. Groups 1-5.
const PREFIX = String.raw`(?:^|\G)([ \t]*)(?:([-*+]|\d{1,9}[.)])([ \t]+)(?:(\[[ xX]\])([ \t]+))?)?`;
const PREFIX_GROUPS = 5;
function prefixCaptures() {
  return {
    2: { name: 'punctuation.definition.list.begin.markdown' },
    4: { name: 'punctuation.definition.task.markdown' },
  };
}

// A speaker label such as "Rep:", "**Buyer:**", "**Coach**:" or "Customer (Dana):". Six groups.
function label(names) {
  return String.raw`(${BOLD}?)[ \t]*(${alt(names)})(?:[ \t]*(\([^)\n]*\)))?[ \t]*(${BOLD}?)[ \t]*(:)(${BOLD}?)(?=\s|$)`;
}
function labelCaptures(first, scope) {
  return {
    [first]: { name: 'punctuation.definition.bold.markdown' },
    [first + 1]: { name: scope },
    [first + 2]: { name: `${scope.replace(/\.playbook$/, '')}.name.playbook` },
    [first + 3]: { name: 'punctuation.definition.bold.markdown' },
    [first + 4]: { name: 'punctuation.separator.speaker.playbook' },
    [first + 5]: { name: 'punctuation.definition.bold.markdown' },
  };
}

const ALL_LABELS = [...BUYER_LABELS, ...REP_LABELS, ...NOTE_LABELS];
const ANY_LABEL_AHEAD = String.raw`[ \t]*${BOLD}?[ \t]*${alt(ALL_LABELS)}(?:[ \t]*\([^)\n]*\))?[ \t]*${BOLD}?[ \t]*:${BOLD}?(?:\s|$)`;

// Markers that make a single line a counter-example or an approved example.
const DELETED_MARKER = String.raw`(?:❌|✗|✘|🚫|(?i:bad|don${APOS}?t|avoid|before|wrong|old):)`;
const INSERTED_MARKER = String.raw`(?:(?:✅|✔|☑)\x{FE0F}?|(?i:good|better|do|after|instead|try):)`;

// A turn ends at a blank line, a heading, a quote, a fence, a list item, a marked line or the next speaker label.
const TURN_END = String.raw`^(?=[ \t]*$|[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|>|\x60{3,}|~{3,})|[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]|[ \t]*${BOLD}?(?:❌|✗|✘|🚫|✅|✔|☑)|${ANY_LABEL_AHEAD})`;

// Words that turn a heading into a counter-example section, as the server decides: "Avoid…" at the start of the
// heading, or an explicit phrase anywhere ("Don't say", "Phrases to avoid", "Red flags"). "How to avoid surprises" is not one.
const META_HEADING_START = String.raw`[^\w\n]*(?i:avoid(?:ing)?|don${APOS}?ts)\b`;
const META_HEADING_ANY = String.raw`(?:(?i:\b(?:don${APOS}?t say|do not say|never say|what not to (?:say|do|write)|(?:phrases|words|lines|things|language) to (?:avoid|retire)|avoid (?:saying|these|phrases|lines)|instead of|banned (?:phrases|words|lines)|red flags?|anti-?patterns?|bad (?:examples?|phrases?|lines?)|old scripts?|counter-?examples?|do not use|before and after|before/after)\b)|❌|🚫)`;
const META_HEADING = String.raw`(?:${META_HEADING_START}|.*${META_HEADING_ANY})`;

// Words that, at the start of a line ending in a colon, introduce a counter-example paragraph or list.
const META_INTRO = String.raw`(?i:don${APOS}?t say|do not say|never say|what not to (?:say|write)|avoid(?:ing)?|instead of|(?:phrases|words|lines) to avoid|do not use|old scripts?)\b`;

function turn(kind, names, labelScope, extra = {}) {
  return {
    name: `meta.turn.${kind}.playbook`,
    begin: PREFIX + label(names),
    beginCaptures: { ...prefixCaptures(), ...labelCaptures(PREFIX_GROUPS + 1, labelScope) },
    end: TURN_END,
    ...extra,
    patterns: [{ include: '#inline' }],
  };
}

// Inside a block quote each line is handled on its own: a turn there lasts one line.
function turnLine(kind, names, labelScope, contentName) {
  return {
    name: `meta.turn.${kind}.playbook`,
    match: PREFIX + label(names) + '(.*)$',
    captures: {
      ...prefixCaptures(),
      ...labelCaptures(PREFIX_GROUPS + 1, labelScope),
      [PREFIX_GROUPS + 7]: { ...(contentName ? { name: contentName } : {}), patterns: [{ include: '#inline' }] },
    },
  };
}

function counterExampleSection(level) {
  return {
    name: 'meta.counter-example.section.playbook',
    begin: String.raw`(?:^|\G)[ \t]{0,3}(#{${level}})[ \t]+(?=${META_HEADING})(.*?)(?:[ \t]+#+)?[ \t]*$`,
    beginCaptures: {
      // No inline patterns here: vscode-textmate would retokenize the capture outside capture 0's scope.
      0: { name: 'markup.heading.markdown' },
      1: { name: 'punctuation.definition.heading.markdown' },
      2: { name: 'entity.name.section.markdown' },
    },
    end: String.raw`^(?=[ \t]{0,3}#{1,${level}}(?:[ \t]|$))`,
    contentName: 'markup.deleted.counter-example.playbook',
    patterns: [{ include: '#block' }],
  };
}

function speakerLabelInline(names, scope) {
  // Inside a marked line ("❌ Rep: ..."), a label may follow the marker.
  return {
    match: String.raw`(?<![\w*])` + label(names),
    captures: labelCaptures(1, scope),
  };
}

const REP_SCOPE = 'entity.name.tag.speaker.rep.playbook';
const BUYER_SCOPE = 'entity.name.type.speaker.buyer.playbook';
const NOTE_SCOPE = 'entity.name.function.speaker.note.playbook';
const BUYER_TEXT = 'markup.quote.buyer.playbook markup.italic.buyer.playbook';

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Playbook',
  scopeName: 'text.playbook',
  fileTypes: ['playbook', 'playbook.md'],
  comment:
    'Generated by syntaxes/build-grammar.mjs; edit that file, not this one. Trustlint playbooks: Markdown plus speaker turns, stage directions, {{placeholders}}, counter-examples and trustlint directive comments. Markdown constructs keep the .markdown scope suffix so themes style them as in Markdown.',
  patterns: [{ include: '#frontmatter' }, { include: '#block' }],
  repository: {
    frontmatter: {
      // The inner begin/while rule ends at the closing fence even if an embedded YAML rule is still open.
      begin: String.raw`\A(?=---[ \t]*$)`,
      end: String.raw`^(---|\.\.\.)[ \t]*$`,
      applyEndPatternLast: true,
      name: 'meta.frontmatter.playbook',
      endCaptures: { 1: { name: 'punctuation.definition.frontmatter.end.playbook' } },
      patterns: [
        {
          begin: String.raw`\A(---)[ \t]*$`,
          beginCaptures: { 1: { name: 'punctuation.definition.frontmatter.begin.playbook' } },
          while: String.raw`^(?![ \t]*(?:---|\.\.\.)[ \t]*$)`,
          contentName: 'meta.embedded.block.yaml',
          patterns: [{ include: 'source.yaml' }, { include: '#frontmatter-fallback' }],
        },
      ],
    },
    'frontmatter-fallback': {
      // Used only where the YAML grammar is absent or does not match: known playbook fields and plain keys.
      patterns: [
        { match: String.raw`^[ \t]*(#.*)$`, captures: { 1: { name: 'comment.line.number-sign.frontmatter.playbook' } } },
        {
          match: String.raw`^[ \t]*(channel)[ \t]*(:)(?:[ \t]+(?:(call|email|chat|meeting)|([^#\s][^#]*?)))?[ \t]*(#.*)?$`,
          captures: {
            1: { name: 'support.type.property-name.frontmatter.playbook' },
            2: { name: 'punctuation.separator.key-value.frontmatter.playbook' },
            3: { name: 'constant.language.channel.playbook' },
            4: { name: 'invalid.illegal.unknown-value.frontmatter.playbook' },
            5: { name: 'comment.line.number-sign.frontmatter.playbook' },
          },
        },
        {
          match: String.raw`^[ \t]*(audience)[ \t]*(:)(?:[ \t]+(?:(b2b|consumer)|([^#\s][^#]*?)))?[ \t]*(#.*)?$`,
          captures: {
            1: { name: 'support.type.property-name.frontmatter.playbook' },
            2: { name: 'punctuation.separator.key-value.frontmatter.playbook' },
            3: { name: 'constant.language.audience.playbook' },
            4: { name: 'invalid.illegal.unknown-value.frontmatter.playbook' },
            5: { name: 'comment.line.number-sign.frontmatter.playbook' },
          },
        },
        {
          match: String.raw`^[ \t]*([\w][\w -]*?)[ \t]*(:)(?:[ \t]+([^#]*?))?[ \t]*(#.*)?$`,
          captures: {
            1: { name: 'support.type.property-name.frontmatter.playbook' },
            2: { name: 'punctuation.separator.key-value.frontmatter.playbook' },
            3: { name: 'string.unquoted.frontmatter.playbook' },
            4: { name: 'comment.line.number-sign.frontmatter.playbook' },
          },
        },
      ],
    },
    block: {
      patterns: [
        { include: '#fenced-code' },
        ...[1, 2, 3, 4, 5, 6].map((n) => ({ include: `#counter-example-section-${n}` })),
        { include: '#heading' },
        { include: '#separator' },
        { include: '#blockquote' },
        { include: '#reference-definition' },
        { include: '#counter-example-intro' },
        { include: '#counter-example-line' },
        { include: '#approved-line' },
        { include: '#turn-buyer' },
        { include: '#turn-rep' },
        { include: '#turn-note' },
        { include: '#list-marker' },
        { include: '#inline' },
      ],
    },
    'fenced-code': {
      name: 'markup.fenced_code.block.markdown',
      begin: String.raw`(?:^|\G)([ \t]{0,3})(\x60{3,}|~{3,})[ \t]*([^\x60\s]*)[^\n]*$`,
      beginCaptures: {
        2: { name: 'punctuation.definition.markdown' },
        3: { name: 'fenced_code.block.language.markdown' },
      },
      end: String.raw`(?:^|\G)[ \t]{0,3}(\2[\x60~]*)[ \t]*$`,
      endCaptures: { 1: { name: 'punctuation.definition.markdown' } },
      contentName: 'markup.raw.block.markdown',
    },
    ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`counter-example-section-${n}`, counterExampleSection(n)])),
    heading: {
      name: 'markup.heading.markdown',
      match: String.raw`(?:^|\G)[ \t]{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`,
      captures: {
        1: { name: 'punctuation.definition.heading.markdown' },
        2: { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] },
      },
    },
    separator: {
      name: 'meta.separator.markdown',
      match: String.raw`(?:^|\G)[ \t]{0,3}(?:\*[ \t]*){3,}$|(?:^|\G)[ \t]{0,3}(?:-[ \t]*){3,}$|(?:^|\G)[ \t]{0,3}(?:_[ \t]*){3,}$`,
    },
    blockquote: {
      name: 'markup.quote.markdown',
      begin: String.raw`(?:^|\G)[ \t]{0,3}(>)[ ]?`,
      while: String.raw`(?:^|\G)[ \t]{0,3}(>)[ ]?`,
      captures: { 1: { name: 'punctuation.definition.quote.begin.markdown' } },
      patterns: [{ include: '#quote-content' }],
    },
    'quote-content': {
      patterns: [
        { include: '#heading' },
        { include: '#counter-example-line' },
        { include: '#approved-line' },
        turnLine('buyer', BUYER_LABELS, BUYER_SCOPE, BUYER_TEXT),
        turnLine('rep', REP_LABELS, REP_SCOPE),
        turnLine('note', NOTE_LABELS, NOTE_SCOPE),
        { include: '#list-marker' },
        { include: '#inline' },
      ],
    },
    'reference-definition': {
      name: 'meta.link.reference.def.markdown',
      match: String.raw`(?:^|\G)[ \t]{0,3}(\[)([^\]\n]+)(\])(:)[ \t]*(\S+)(.*)$`,
      captures: {
        1: { name: 'punctuation.definition.constant.begin.markdown' },
        2: { name: 'constant.other.reference.link.markdown' },
        3: { name: 'punctuation.definition.constant.end.markdown' },
        4: { name: 'punctuation.separator.key-value.markdown' },
        5: { name: 'markup.underline.link.markdown' },
        6: { name: 'string.other.link.description.title.markdown' },
      },
    },
    'counter-example-intro': {
      // "Don't say:" / "Avoid these lines:" covers the paragraph or list that follows, up to a blank line.
      name: 'meta.counter-example.block.playbook',
      begin: PREFIX + String.raw`(?=${BOLD}?${META_INTRO}.*:${BOLD}?[ \t]*$)(.*)$`,
      beginCaptures: {
        ...prefixCaptures(),
        [PREFIX_GROUPS + 1]: { name: 'meta.counter-example.intro.playbook', patterns: [{ include: '#inline' }] },
      },
      end: String.raw`^(?=[ \t]*$)|^(?=[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|\x60{3,}|~{3,}))`,
      contentName: 'markup.deleted.counter-example.playbook',
      patterns: [{ include: '#block' }],
    },
    'counter-example-line': {
      name: 'markup.deleted.counter-example.playbook',
      match: PREFIX + String.raw`(${BOLD}?)(${DELETED_MARKER})(.*)$`,
      captures: {
        ...prefixCaptures(),
        [PREFIX_GROUPS + 1]: { name: 'punctuation.definition.bold.markdown' },
        [PREFIX_GROUPS + 2]: { name: 'punctuation.definition.counter-example.playbook' },
        [PREFIX_GROUPS + 3]: { patterns: [{ include: '#speaker-label-inline' }, { include: '#inline' }] },
      },
    },
    'approved-line': {
      name: 'markup.inserted.example.playbook',
      match: PREFIX + String.raw`(${BOLD}?)(${INSERTED_MARKER})(.*)$`,
      captures: {
        ...prefixCaptures(),
        [PREFIX_GROUPS + 1]: { name: 'punctuation.definition.bold.markdown' },
        [PREFIX_GROUPS + 2]: { name: 'punctuation.definition.example.playbook' },
        [PREFIX_GROUPS + 3]: { patterns: [{ include: '#speaker-label-inline' }, { include: '#inline' }] },
      },
    },
    'turn-buyer': turn('buyer', BUYER_LABELS, BUYER_SCOPE, {
      // Buyer text is not checked by default; italics set it apart in the default themes.
      contentName: BUYER_TEXT,
    }),
    'turn-rep': turn('rep', REP_LABELS, REP_SCOPE),
    'turn-note': turn('note', NOTE_LABELS, NOTE_SCOPE),
    'speaker-label-inline': {
      patterns: [
        speakerLabelInline(BUYER_LABELS, BUYER_SCOPE),
        speakerLabelInline(REP_LABELS, REP_SCOPE),
        speakerLabelInline(NOTE_LABELS, NOTE_SCOPE),
      ],
    },
    'list-marker': {
      match: String.raw`(?:^|\G)([ \t]*)([-*+]|\d{1,9}[.)])(?=[ \t])(?:([ \t]+)(\[[ xX]\])(?=[ \t]|$))?`,
      captures: {
        2: { name: 'punctuation.definition.list.begin.markdown' },
        4: { name: 'punctuation.definition.task.markdown' },
      },
    },
    inline: {
      patterns: [
        { include: '#directive-comment' },
        { include: '#comment' },
        { include: '#escape' },
        { include: '#inline-code' },
        { include: '#placeholder' },
        { include: '#placeholder-invalid' },
        { include: '#image' },
        { include: '#link-inline' },
        { include: '#link-reference' },
        { include: '#stage-direction' },
        { include: '#autolink' },
        { include: '#bare-url' },
        { include: '#bold' },
        { include: '#italic' },
        { include: '#strikethrough' },
      ],
    },
    'directive-comment': {
      name: 'comment.block.directive.playbook',
      begin: String.raw`(<!--)[ \t]*(trustlint-(?:disable-next-line|disable-line|disable-file|disable|enable))(?=\s|-->)`,
      beginCaptures: {
        1: { name: 'punctuation.definition.comment.begin.playbook' },
        2: { name: 'keyword.control.directive.trustlint.playbook' },
      },
      end: '(-->)',
      endCaptures: { 1: { name: 'punctuation.definition.comment.end.playbook' } },
      patterns: [
        {
          // Everything after " -- " is the human-readable reason.
          begin: String.raw`(?<=\s)(--)(?!>)`,
          beginCaptures: { 1: { name: 'punctuation.separator.reason.trustlint.playbook' } },
          end: '(?=-->)',
          contentName: 'string.unquoted.reason.trustlint.playbook',
        },
        { match: String.raw`(?<![\w/-])[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?(?![\w/])`, name: 'entity.name.type.rule-id.trustlint.playbook' },
        { match: ',', name: 'punctuation.separator.comma.trustlint.playbook' },
      ],
    },
    comment: {
      name: 'comment.block.playbook',
      begin: '(<!--)',
      beginCaptures: { 1: { name: 'punctuation.definition.comment.begin.playbook' } },
      end: '(-->)',
      endCaptures: { 1: { name: 'punctuation.definition.comment.end.playbook' } },
      patterns: [{ match: String.raw`(?<=<!--)[ \t]*(#(?:end)?region)\b`, captures: { 1: { name: 'keyword.control.region.playbook' } } }],
    },
    escape: {
      name: 'constant.character.escape.markdown',
      match: String.raw`\\[-\\\x60*_{}\[\]()#+.!<>|~"$%&',/:;=?@^]`,
    },
    'inline-code': {
      name: 'markup.inline.raw.string.markdown',
      match: String.raw`(\x60+)((?:[^\x60]|(?!(?<!\x60)\1(?!\x60))\x60)*+)(\1)`,
      captures: {
        1: { name: 'punctuation.definition.raw.markdown' },
        3: { name: 'punctuation.definition.raw.markdown' },
      },
    },
    placeholder: {
      name: 'meta.placeholder.playbook',
      match: String.raw`(\{\{)[ \t]*([\p{L}_][\p{L}\p{N}_.\-]*(?:[ \t]+[\p{L}\p{N}_.\-]+)*)[ \t]*(\}\})`,
      captures: {
        1: { name: 'punctuation.definition.template-expression.begin.playbook' },
        2: { name: 'variable.other.placeholder.playbook' },
        3: { name: 'punctuation.definition.template-expression.end.playbook' },
      },
    },
    'placeholder-invalid': {
      // "{{ }}" has no name; "{{first_name}" is not closed. Other templating ("{{< x >}}") is left alone.
      patterns: [
        { match: String.raw`\{\{[ \t]*\}\}`, name: 'invalid.illegal.placeholder.empty.playbook' },
        { match: String.raw`\{\{(?![^{}\n]*\}\})[ \t]*[\p{L}_][^{}\n]*?\}?(?=[\s.,;:!?)]|$)`, name: 'invalid.illegal.placeholder.unclosed.playbook' },
      ],
    },
    image: {
      name: 'meta.image.inline.markdown',
      match: String.raw`(!\[)((?:[^\[\]\\]|\\.)*)(\])(\()([^\s)]*)(?:[ \t]+("[^"]*"|'[^']*'))?[ \t]*(\))`,
      captures: {
        1: { name: 'punctuation.definition.link.description.begin.markdown' },
        2: { name: 'string.other.link.description.markdown' },
        3: { name: 'punctuation.definition.link.description.end.markdown' },
        4: { name: 'punctuation.definition.metadata.markdown' },
        5: { name: 'markup.underline.link.image.markdown' },
        6: { name: 'string.other.link.description.title.markdown' },
        7: { name: 'punctuation.definition.metadata.markdown' },
      },
    },
    'link-inline': {
      name: 'meta.link.inline.markdown',
      match: String.raw`(\[)((?:[^\[\]\\]|\\.)*)(\])(\()([^\s)]*)(?:[ \t]+("[^"]*"|'[^']*'))?[ \t]*(\))`,
      captures: {
        1: { name: 'punctuation.definition.link.title.begin.markdown' },
        2: { name: 'string.other.link.title.markdown', patterns: [{ include: '#placeholder' }, { include: '#inline-code' }] },
        3: { name: 'punctuation.definition.link.title.end.markdown' },
        4: { name: 'punctuation.definition.metadata.markdown' },
        5: { name: 'markup.underline.link.markdown' },
        6: { name: 'string.other.link.description.title.markdown' },
        7: { name: 'punctuation.definition.metadata.markdown' },
      },
    },
    'link-reference': {
      name: 'meta.link.reference.markdown',
      match: String.raw`(\[)((?:[^\[\]\\]|\\.)*)(\])(\[)([^\]\n]*)(\])`,
      captures: {
        1: { name: 'punctuation.definition.link.title.begin.markdown' },
        2: { name: 'string.other.link.title.markdown' },
        3: { name: 'punctuation.definition.link.title.end.markdown' },
        4: { name: 'punctuation.definition.constant.begin.markdown' },
        5: { name: 'constant.other.reference.link.markdown' },
        6: { name: 'punctuation.definition.constant.end.markdown' },
      },
    },
    'stage-direction': {
      // "[pause and listen]": not a link, not a task box "[ ]"/"[x]", not a footnote "[^1]".
      name: 'comment.block.direction.playbook',
      match: String.raw`(\[)(?![ \t]*\]|[xX ]\]|\^)((?:[^\[\]\\\n]|\\.)+)(\])(?![(\[:])`,
      captures: {
        1: { name: 'punctuation.definition.direction.begin.playbook' },
        2: { patterns: [{ include: '#placeholder' }] },
        3: { name: 'punctuation.definition.direction.end.playbook' },
      },
    },
    autolink: {
      match: String.raw`(<)((?:https?|mailto|ftp):[^>\s]+)(>)`,
      captures: {
        1: { name: 'punctuation.definition.link.markdown' },
        2: { name: 'markup.underline.link.markdown' },
        3: { name: 'punctuation.definition.link.markdown' },
      },
    },
    'bare-url': {
      name: 'markup.underline.link.markdown',
      match: String.raw`(?<![\w/])(?:https?://|www\.)[^\s<>()]*[^\s<>().,;:!?'"]`,
    },
    bold: {
      name: 'markup.bold.markdown',
      match: String.raw`(?<![\\\w])(\*\*|__)(?=\S)(.+?)(?<=\S)(\1)(?!\w)`,
      captures: {
        1: { name: 'punctuation.definition.bold.markdown' },
        2: { patterns: [{ include: '#inline' }] },
        3: { name: 'punctuation.definition.bold.markdown' },
      },
    },
    italic: {
      name: 'markup.italic.markdown',
      match: String.raw`(?<![\\\w*])(\*|_)(?=[^\s*_])(.+?)(?<=[^\s\\*_])(\1)(?![\w*])`,
      captures: {
        1: { name: 'punctuation.definition.italic.markdown' },
        2: { patterns: [{ include: '#inline' }] },
        3: { name: 'punctuation.definition.italic.markdown' },
      },
    },
    strikethrough: {
      name: 'markup.strikethrough.markdown',
      match: String.raw`(~~)(?=\S)(.+?)(?<=\S)(~~)`,
      captures: {
        1: { name: 'punctuation.definition.strikethrough.markdown' },
        2: { patterns: [{ include: '#inline' }] },
        3: { name: 'punctuation.definition.strikethrough.markdown' },
      },
    },
  },
};

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, 'playbook.tmLanguage.json');
const output = JSON.stringify(grammar, null, 2) + '\n';

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is reported as out of date below.
  }
  if (current !== output) {
    console.error('syntaxes/playbook.tmLanguage.json is out of date: run node syntaxes/build-grammar.mjs');
    process.exit(1);
  }
  console.log('syntaxes/playbook.tmLanguage.json is up to date.');
} else {
  writeFileSync(target, output);
  console.log(`Wrote ${target}`);
}
