// The chunk cache must never change results: linting with a cache after edits equals a fresh lint.
import * as assert from 'node:assert/strict';
import { addChange, createLintCache, lint, type ChangedRange } from '../../server/src/core';
import { chunkStarts } from '../../server/src/core/scope';

const DOC = [
  '---', 'title: Demo', 'audience: b2b', '', 'notes: blank line above stays in front matter', '---', '',
  '# Discovery', '', 'Rep: Thanks for the time today.', 'Buyer: We need to decide today.', '', 'Rep: Act now, this offer expires tonight!', '',
  '```', 'act now', '', 'still code after a blank line', '```', '', '## Don\'t say', '', '- Act now!', '', '- Hurry up!', '', '## Say', '', 'Take your time.', '',
  '<!--', 'act now', '', '-->', '', 'Hurry, act now.',
].join('\n');

describe('incremental lint cache', () => {
  it('matches a fresh lint and reuses unchanged chunks', () => {
    const cache = createLintCache();
    const first = lint(DOC, { cache, languageId: 'playbook' });
    assert.deepEqual(first, lint(DOC, { languageId: 'playbook' }));
    assert.ok(cache.stats.computed > 5);
    const edited = DOC.replace('Take your time.', 'Take your time. Act now!');
    const second = lint(edited, { cache, languageId: 'playbook' });
    assert.deepEqual(second, lint(edited, { languageId: 'playbook' }));
    assert.equal(cache.stats.computed, 1, 'only the edited chunk is recomputed');
  });

  it('follows state changes: opening a fence re-scans what follows', () => {
    const cache = createLintCache();
    lint(DOC, { cache, languageId: 'markdown' });
    const edits = [
      DOC.replace('# Discovery', '```\n# Discovery'),
      DOC.replace('```\nact now', 'act now'),
      DOC.replace('<!--\nact now', 'act now'),
      DOC.replace('## Say', 'Say'),
      DOC.replace('---\ntitle', 'title'),
    ];
    for (const text of edits) {
      assert.deepEqual(lint(text, { cache, languageId: 'markdown' }), lint(text, { languageId: 'markdown' }));
    }
  });

  it('random single-character edits keep results identical', () => {
    const cache = createLintCache();
    let text = DOC;
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const alphabet = ['\n', ' ', 'a', '`', '#', '-', '!', '>', '<', '{', 'Buyer: ', '❌'];
    for (let k = 0; k < 300; k++) {
      const at = rand(text.length + 1);
      text = rand(3) === 0 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + alphabet[rand(alphabet.length)] + text.slice(at);
      assert.deepEqual(lint(text, { cache }), lint(text), `after edit ${k}`);
    }
  });

  it('an edit moves the chunks after it: they are reused, not recomputed', () => {
    const cache = createLintCache();
    lint(DOC, { cache, languageId: 'playbook' });
    const edited = DOC.replace('Thanks for the time today.', 'Thanks so much for the time today.');
    assert.deepEqual(lint(edited, { cache, languageId: 'playbook' }), lint(edited, { languageId: 'playbook' }));
    assert.equal(cache.stats.computed, 1);
  });

  it('random multi-character edits, paragraph moves and undo keep results identical, in every language', () => {
    for (const languageId of ['playbook', 'markdown', 'plaintext']) {
      const cache = createLintCache();
      let text = DOC;
      const history: string[] = [];
      let seed = 11;
      const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
      for (let k = 0; k < 150; k++) {
        history.push(text);
        const a = rand(text.length + 1);
        const b = Math.min(text.length, a + rand(40));
        const op = rand(5);
        if (op === 0) text = text.slice(0, a) + text.slice(b);
        else if (op === 1) text = text.slice(0, a) + text.slice(a, b) + text.slice(a);
        else if (op === 2) {
          const paragraphs = text.split('\n\n');
          const [moved] = paragraphs.splice(rand(paragraphs.length), 1);
          paragraphs.splice(rand(paragraphs.length + 1), 0, moved);
          text = paragraphs.join('\n\n');
        } else if (op === 3 && history.length > 3) text = history[history.length - 3];
        else text = `${text.slice(0, a)}\n\nAct now, ${['❌ ', '> ', '- ', ''][rand(4)]}this expires tonight!\n\n${text.slice(a)}`;
        assert.deepEqual(lint(text, { cache, languageId }), lint(text, { languageId }), `${languageId}, after edit ${k}`);
      }
    }
  });

  describe('with the editor\'s record of the change', () => {
    // Applies edits one by one, as an editor sends them, and records the region they changed since the last lint.
    const apply = (text: string, edits: Array<[number, number, string]>, so?: ChangedRange) => {
      for (const [a, b, inserted] of edits) {
        text = text.slice(0, a) + inserted + text.slice(b);
        so = addChange(so, a, b, inserted.length);
      }
      return { text, changed: so };
    };

    it('adds up edits: outside the region, the new text is the old one moved', () => {
      let seed = 5;
      const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
      for (let trial = 0; trial < 300; trial++) {
        const before = DOC;
        const edits: Array<[number, number, string]> = [];
        let text = before;
        for (let e = 0; e < 1 + rand(4); e++) {
          const a = rand(text.length + 1);
          const b = Math.min(text.length, a + rand(6));
          const inserted = 'xyz\n'.slice(0, rand(5));
          edits.push([a, b, inserted]);
          text = text.slice(0, a) + inserted + text.slice(b);
        }
        const { changed } = apply(before, edits);
        const c = changed!;
        assert.equal(text.length, before.length + c.delta);
        assert.equal(text.slice(0, c.start), before.slice(0, c.start), `prefix, trial ${trial}`);
        assert.equal(text.slice(c.end), before.slice(c.end - c.delta), `suffix, trial ${trial}`);
        assert.ok(c.start <= c.end && c.end - c.delta >= c.start);
      }
    });

    it('random edits, several between lints, keep results identical, in every language', () => {
      for (const languageId of ['playbook', 'markdown', 'plaintext']) {
        const cache = createLintCache();
        let text = DOC;
        lint(text, { cache, languageId });
        let seed = 23;
        const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
        const alphabet = ['\n', '\n\n', ' ', 'a', '```', '#', '- ', '!', '<!--', '-->', 'Buyer: ', 'Act now! ', '---\n', '❌'];
        let planned = 0;
        for (let k = 0; k < 250; k++) {
          const edits: Array<[number, number, string]> = [];
          let draft = text;
          for (let e = 0; e < 1 + rand(3); e++) {
            const a = rand(draft.length + 1);
            const b = rand(4) === 0 ? Math.min(draft.length, a + rand(8)) : a;
            const inserted = rand(3) === 0 ? '' : alphabet[rand(alphabet.length)];
            edits.push([a, b, inserted]);
            draft = draft.slice(0, a) + inserted + draft.slice(b);
          }
          // Now and then the whole text is replaced, as a paste over everything would.
          const next = text.length < 300 ? apply(text, [[0, text.length, DOC]]) : apply(text, edits);
          text = next.text;
          assert.deepEqual(lint(text, { cache, languageId, changed: next.changed }), lint(text, { languageId }), `${languageId}, after edit ${k}`);
          if (cache.stats.planned) planned++;
        }
        // Edits in the front matter go the long way; most do not.
        assert.ok(planned > 150, `${languageId}: the record was used for ${planned} of 250 lints`);
      }
    });

    it('every position of a small document, for edits that make or break blank lines, keeps results identical', () => {
      // Chunk boundaries hang on blank lines, leading spaces and CRLF: edit right at, before and after each of them.
      const doc = 'Intro line.\n\n  Indented start. Act now!\r\n \r\n\tTabbed, hurry.\n\n\n- item\n  \nLast: expires tonight!';
      const ops: Array<(p: number) => [number, number, string]> = [
        (p) => [p, p, '\n'], (p) => [p, p, ' '], (p) => [p, p, 'x'], (p) => [p, p, '\n\n'], (p) => [p, p, '\r\n'],
        (p) => [p, Math.min(doc.length, p + 1), ''], (p) => [p, Math.min(doc.length, p + 2), ''],
        (p) => [p, Math.min(doc.length, p + 1), '-'], (p) => [p, Math.min(doc.length, p + 1), '\n'],
      ];
      for (const languageId of ['playbook', 'plaintext']) {
        for (let p = 0; p <= doc.length; p++) {
          for (const op of ops) {
            const cache = createLintCache();
            lint(doc, { cache, languageId });
            const { text, changed } = apply(doc, [op(p)]);
            assert.deepEqual(lint(text, { cache, languageId, changed }), lint(text, { languageId }), `${languageId}: ${JSON.stringify(op(p))}`);
            // The chunks found around the edit are the ones a whole-document scan finds.
            assert.deepEqual(cache.last?.starts, chunkStarts(text), `chunk starts after ${JSON.stringify(op(p))}`);
          }
        }
      }
    });

    it('on a long document, an edit recomputes one chunk and compares none of the others', () => {
      const doc = Array.from({ length: 400 }, (_, k) => `Rep: Paragraph ${k} says hello. Act now, this offer expires tonight!`).join('\n\n');
      const cache = createLintCache();
      lint(doc, { cache, languageId: 'playbook' });
      const at = doc.indexOf('Paragraph 200');
      const { text, changed } = apply(doc, [[at, at, 'A new ']]);
      assert.deepEqual(lint(text, { cache, languageId: 'playbook', changed }), lint(text, { languageId: 'playbook' }));
      assert.equal(cache.stats.planned, true);
      assert.equal(cache.stats.computed, 1);
      assert.equal(cache.stats.reused, 399);
    });

    it('chunks with directives, structural findings and problems carry them over on either side of an edit', () => {
      // Chunks before and after an edit are taken without being read; what they add beyond their findings (a
      // directive, a malformed placeholder, an unused directive, a stale counter-example) must still be there.
      const para = (k: number) => [
        `## Step ${k}`, '',
        `Rep: Hi {{first name}, act now, this offer expires tonight! (${k})`, '',
        k % 3 === 0 ? '<!-- trustlint-disable-next-line act-now -->' : `Rep: We can wait, take your time. (${k})`,
        'Rep: Act now, hurry before it is gone!', '',
        '<!-- trustlint-disable-next-line combat-metaphor -->', `Rep: Plain words, number ${k}.`, '',
        '- ❌ "Pleasant weather today."', '',
      ].join('\n');
      const doc = ['---', 'audience: consumer', '---', '', Array.from({ length: 24 }, (_, k) => para(k)).join('\n')].join('\n');
      const fresh = lint(doc, { languageId: 'playbook' }).findings;
      for (const id of ['malformed-placeholder', 'unused-directive', 'act-now']) {
        assert.ok(fresh.some((f) => f.ruleId === id), `the document should produce ${id}`);
      }
      for (const languageId of ['playbook', 'markdown']) {
        const cache = createLintCache();
        let text = doc;
        lint(text, { cache, languageId });
        let seed = 11;
        const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
        const alphabet = ['x', ' ', '\n', '\n\n', '{{', '}}', '<!-- trustlint-disable-line act-now -->', '```\n', '<!--', '-->', 'Act now! ', '## '];
        let planned = 0;
        for (let k = 0; k < 120; k++) {
          const a = text.indexOf('\n---\n') + 5 + rand(text.length - text.indexOf('\n---\n') - 4);
          const b = rand(3) === 0 ? Math.min(text.length, a + rand(12)) : a;
          const next = apply(text, [[a, b, alphabet[rand(alphabet.length)]]]);
          text = next.text;
          assert.deepEqual(lint(text, { cache, languageId, changed: next.changed }), lint(text, { languageId }), `${languageId}, after edit ${k}`);
          if (cache.stats.planned) planned++;
        }
        assert.ok(planned > 100, `${languageId}: the record was used for ${planned} of 120 lints`);
      }
    });

    it('section checks are kept through edits that cannot change them, and redone for those that can', () => {
      // Closing, discovery and objection sections, some with their relational move and some without; edits inside a
      // line add or remove a question mark, a permission phrase or an acknowledgement, or touch a heading or fence.
      const section = (k: number) => [
        `## ${['Closing', 'Discovery', 'Objection: price', 'Next steps'][k % 4]} ${k}`, '',
        `Rep: We walk through the plan for team ${k}.`,
        k % 2 ? 'Rep: Does that match what you need' : 'Rep: Here is the summary of the terms',
        k % 3 ? '' : 'Rep: It is fine to say no.', '',
        '```', `code ${k}`, '```', '',
      ].join('\n');
      const doc = Array.from({ length: 16 }, (_, k) => section(k)).join('\n');
      const fresh = lint(doc, { languageId: 'playbook' }).findings;
      assert.ok(fresh.some((f) => f.ruleId === 'missing-permission-move'), 'the document should lack a permission move somewhere');
      assert.ok(fresh.some((f) => f.ruleId === 'discovery-without-questions'), 'the document should lack a discovery question somewhere');
      // Each case: a text, and a part of it replaced. Joining a heading to the line above it, or a line break typed
      // before one, changes the sections; so does an edit on a line holding a lone "\r", U+2028 or U+2029, after which
      // the section scan also starts a heading (those four were found by review).
      const joined = doc.replace('\n\n## Closing 4', '\n\nRep: Thanks.\n## Closing 4');
      const cases: Array<[string, string, string]> = [
        [joined, 'Thanks.\n## Closing 4', 'Thanks.## Closing 4'],
        [joined, 'team 5.', 'team 5.\n## Closing 99'],
        ['• Pricing\u2028## Notes\n\nRep: Sign the contract today.\n', 'Notes', 'Close'],
        ['• Pricing\u2029## Closing\n\nRep: Sign the contract today.\n', 'Pricing', 'xPricing'],
        ['• a\u2028#x Closing\n\nRep: Sign the contract today.\n', '#x', '# x'],
        ['Intro.\n\n## Closing\rRep: Sign the contract today.\n\nMore.\n', 'Sign', 'xSign'],
        ['Intro.\r\n\r\n## Closing\r\n\r\nRep: Sign the contract today.\r\n', 'Sign', 'Now sign'],
      ];
      for (const [base, from, to] of cases) {
        const cache = createLintCache();
        lint(base, { cache, languageId: 'playbook' });
        const at = base.indexOf(from);
        const { text, changed } = apply(base, [[at, at + from.length, to]]);
        assert.deepEqual(lint(text, { cache, languageId: 'playbook', changed }), lint(text, { languageId: 'playbook' }), JSON.stringify(text.slice(Math.max(0, at - 20), at + 40)));
      }
      const cache = createLintCache();
      let text = doc;
      lint(text, { cache, languageId: 'playbook' });
      let seed = 3;
      const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
      const inserts = ['x', '?', ' ', ' may I ask', ' that is fair', ' no pressure, it is fine to say no', '#', '`', '~', '\n', ' Buyer:'];
      let kept = 0;
      let checked = 0;
      for (let k = 0; k < 200; k++) {
        const a = rand(text.length + 1);
        const b = rand(4) === 0 ? Math.min(text.length, a + 1 + rand(3)) : a;
        const next = apply(text, [[a, b, inserts[rand(inserts.length)]]]);
        text = next.text;
        assert.deepEqual(lint(text, { cache, languageId: 'playbook', changed: next.changed }), lint(text, { languageId: 'playbook' }), `after edit ${k}`);
        if (cache.stats.sectionsKept) kept++; else checked++;
      }
      assert.ok(kept > 50 && checked > 20, `sections kept ${kept} times and checked ${checked} times`);
    });

    it('a cancelled lint leaves the rest of the document in the cache', () => {
      // Keystrokes in a long document cancel lints part-way; the next lint must still find the other chunks.
      const doc = Array.from({ length: 300 }, (_, k) => `Rep: Paragraph ${k}. Act now, this offer expires tonight!`).join('\n\n');
      const cache = createLintCache();
      lint(doc, { cache, languageId: 'playbook' });
      let calls = 0;
      const edited = doc.replace('Paragraph 10.', 'Paragraph ten.');
      lint(edited, { cache, languageId: 'playbook', isCancelled: () => ++calls > 5 });
      const again = doc.replace('Paragraph 10.', 'Paragraph 10!');
      assert.deepEqual(lint(again, { cache, languageId: 'playbook' }), lint(again, { languageId: 'playbook' }));
      assert.ok(cache.stats.computed <= 2, `recomputed ${cache.stats.computed} chunks`);
    });

    it('a record that does not fit the last text is ignored, not trusted', () => {
      const cache = createLintCache();
      lint(DOC, { cache, languageId: 'playbook' });
      const edited = DOC.replace('Take your time.', 'Take your time. Act now!');
      // Claims a change of length 3 where the text grew by 9: the lengths disagree, so every chunk is checked.
      assert.deepEqual(lint(edited, { cache, languageId: 'playbook', changed: { start: 0, end: 3, delta: 3 } }), lint(edited, { languageId: 'playbook' }));
      assert.equal(cache.stats.planned, false);
    });
  });
});
