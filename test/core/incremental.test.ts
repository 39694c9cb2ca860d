// The chunk cache must never change results: linting with a cache after edits equals a fresh lint.
import * as assert from 'node:assert/strict';
import { createLintCache, lint } from '../../server/src/core';

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
});
