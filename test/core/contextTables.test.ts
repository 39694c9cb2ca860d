// Context cues added for generalisation: counter-example table columns and "taught to" reports.
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/core';

const ids = (text: string) => lint(text, { languageId: 'playbook' }).findings.filter((f) => f.category !== 'playbook').map((f) => f.ruleId);
const lineIds = (text: string, line: number) => {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  return lint(text, { languageId: 'playbook' }).findings
    .filter((f) => f.category !== 'playbook' && f.start >= starts[line - 1] && (line >= starts.length || f.start < starts[line]))
    .map((f) => f.ruleId);
};

describe('counter-example table columns', () => {
  const table = [
    '| Don\'t say | Say instead |',
    '|---|---|',
    '| "This price expires tonight." | "This quote is valid until March 31, our standard 30 days." |',
    '| Everyone\'s switching to us. | Here\'s a customer you can call. |',
  ].join('\n');

  it('skips cells under a "Don\'t say" header', () => {
    assert.deepEqual(lineIds(table, 3), []);
    assert.deepEqual(lineIds(table, 4), []);
  });

  it('still lints the "Say instead" column', () => {
    const bad = table.replace("Here's a customer you can call.", 'Act now, this deal expires tonight!');
    assert.ok(lineIds(bad, 4).length > 0, 'the right-hand column is ordinary text');
  });

  it('lints a table whose header is not a counter-example label', () => {
    const plain = ['| Step | Line |', '|---|---|', '| Close | This price expires tonight. |'].join('\n');
    assert.ok(lineIds(plain, 3).includes('vague-expiry'));
  });

  it('gives up safely when header and row have different cell counts', () => {
    const ragged = ['| Don\'t say |', '|---|', '| Close | This price expires tonight. |'].join('\n');
    assert.ok(lineIds(ragged, 3).length > 0);
  });
});

describe('reported doctrine', () => {
  it('a quoted phrase reps were "taught to" use is a mention', () => {
    assert.deepEqual(ids('Some reps on the old team were taught to "never take no for an answer." We don\'t do that here.'), []);
  });
  it('the same doctrine said outright is flagged', () => {
    assert.ok(ids('Never take no for an answer.').includes('refuse-no-doctrine'));
  });
});
