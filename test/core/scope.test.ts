// What the scanner keeps as prose and what it masks.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BLOCK, chunkStarts, scopeDocument } from '../../server/src/core/scope';

/** The prose the linter sees, with masked runs collapsed to "#". */
function visible(text: string, languageId = 'markdown', checkBuyerTurns = false): string {
  const s = scopeDocument(text, { languageId, checkBuyerTurns });
  assert.equal(s.text.length, text.length, 'masking keeps the length');
  return s.blocks.map((b) => s.text.slice(b.start, b.end).split(BLOCK).join('').replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ');
}

const CASES: Array<[string, string, string]> = [
  ['front matter is skipped', '---\ntitle: Act now\n---\nHello there.', 'Hello there.'],
  ['fenced code is skipped', 'Before.\n```\nact now\n```\nAfter.', 'Before. | After.'],
  ['inline code is skipped', 'Say `act now` kindly.', 'Say kindly.'],
  ['URLs and link targets are skipped', 'See [the guide](https://x.io/act-now) at https://act.now/x.', 'See [the guide] at .'],
  ['HTML comments are skipped', 'One <!-- act now --> two.', 'One two.'],
  ['headings are their own block', '# Close now\nBody text.', 'Close now | Body text.'],
  ['list items are separate blocks', '- one\n- two', 'one | two'],
  ['buyer turns are skipped', 'Rep: Hello.\nBuyer: I need to decide today.\nRep: Sure.', 'Hello. Sure.'],
  ['bold speaker labels work', '**Prospect:** we are in a hurry.\n\n**Rep:** Thanks.', 'Thanks.'],
  ['an unknown label on the next line ends the buyer turn', 'Client: We need time.\nAM: Sign today.\nClient: Okay.', 'Sign today.'],
  ['unlabelled lines after a buyer line stay the buyer', 'Buyer: We have three worries:\nthe price is high.\nRep: Fair.', 'Fair.'],
  ['inline turns split', "Customer: 'Hold this?' Rep: 'Yes.'", "'Yes.'"],
  ['templating is skipped; placeholders stay as tokens', 'Hi {{first_name}} {{< note >}}.', 'Hi {{xxxxxxxxxx}} .'],
  ['table cells are prose', '| a | b |\n|---|---|\n| act | now |', 'a b | act now'],
  ['indented code is skipped', 'Text.\n\n    act now\n\nMore.', 'Text. | More.'],
];

describe('scope', () => {
  for (const [name, text, expected] of CASES) it(name, () => assert.equal(visible(text), expected));

  it('checks buyer turns when asked', () => assert.equal(visible('Buyer: decide today.', 'markdown', true), 'decide today.'));

  it('marks counter-example sections as meta until the next heading', () => {
    const s = scopeDocument("## Don't say\n\n- Act now\n\n## Say instead\n\n- Take your time");
    const meta = s.blocks.filter((b) => b.meta).map((b) => s.text.slice(b.start, b.end).trim());
    assert.deepEqual(meta, ["Don't say", 'Act now']);
  });

  it('marks a list introduced by "Avoid phrases like:" as meta', () => {
    const s = scopeDocument('Avoid phrases like:\n\n- Act now\n- Last chance\n\nThen talk normally.');
    assert.deepEqual(s.blocks.filter((b) => b.meta).map((b) => s.text.slice(b.start, b.end).trim()), ['Act now', 'Last chance']);
  });

  it('keeps offsets exact with CRLF, emoji and curly quotes', () => {
    const text = '😀 Don’t wait\r\nNext — line';
    const s = scopeDocument(text);
    assert.equal(s.text.length, text.length);
    assert.equal(s.text.indexOf("Don't"), text.indexOf('Don’t'));
  });

  it('plain text keeps markdown-looking syntax as prose', () => assert.equal(visible('# not a heading', 'plaintext'), '# not a heading'));
});

describe('chunkStarts', () => {
  // The hand-written scanner must split exactly where the original blank-line regex did.
  const reference = (text: string): number[] => {
    const starts = [0];
    const re = /\n[ \t]*\r?\n(?:[ \t]*\r?\n)*/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) if (m.index + m[0].length < text.length) starts.push(m.index + m[0].length);
    return starts;
  };
  it('splits after blank lines exactly like the blank-line regex, CRLF and trailing spaces included', () => {
    const piece = fc.constantFrom('a', '\n', '\n', ' ', '\t', '\r', '\r\n', 'b c', '\n\n\n', ' \n', '# h');
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(chunkStarts(text), reference(text));
    }), { seed: 7, numRuns: 3000 });
    assert.deepEqual(chunkStarts('a\n\nb\r\n \r\nc'), [0, 3, 9]);
  });
});

describe('bracket placeholders', () => {
  it('[Company] stands for a word, like {{company}}, so gaps in patterns skip it', () => {
    const s = scopeDocument('Hi [First Name], see [the docs](https://x.y) and [ref][1]. - [x] done. [!NOTE]', { languageId: 'markdown' });
    assert.ok(s.text.includes('[xxxxxxxxxx]'), s.text);
    assert.ok(s.text.includes('[the docs]'), 'link text stays prose');
    assert.ok(s.text.includes('[!NOTE]'));
  });
});
