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
});
