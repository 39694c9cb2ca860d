import * as assert from 'node:assert/strict';
import { lint, parseDirectives } from '../../server/src/core';

const ids = (text: string) => lint(text).findings.map((f) => f.ruleId);

describe('directives', () => {
  it('parses kind, ids and reason', () => {
    const [d] = parseDirectives('<!-- trustlint-disable-next-line act-now, false-urgency -- real deadline -->');
    assert.equal(d.kind, 'disable-next-line');
    assert.deepEqual(d.ids, ['act-now', 'false-urgency']);
    assert.equal(d.reason, 'real deadline');
  });
  it('disable-next-line silences the next non-blank line only', () => {
    const text = '<!-- trustlint-disable-next-line act-now -->\n\nAct now!\n\nAct now!';
    assert.deepEqual(ids(text), ['act-now']);
  });
  it('disable-line silences its own line', () => {
    assert.deepEqual(ids('Act now! <!-- trustlint-disable-line -->'), []);
  });
  it('a category id works like a rule id', () => {
    assert.deepEqual(ids('<!-- trustlint-disable-next-line false-urgency -->\nAct now!'), []);
  });
  it('disable … enable covers a region', () => {
    const text = 'Act now!\n\n<!-- trustlint-disable act-now -->\n\nAct now!\n\n<!-- trustlint-enable act-now -->\n\nAct now!';
    assert.equal(ids(text).length, 2);
  });
  it('disable-file covers the whole file', () => {
    assert.deepEqual(ids('Act now!\n\n<!-- trustlint-disable-file -->'), []);
  });
  it('another rule stays enabled', () => {
    assert.deepEqual(ids('<!-- trustlint-disable-next-line some-other-rule -->\nAct now!').filter((id) => id === 'act-now'), ['act-now']);
  });
  it('line directives work the same with CRLF and CR line endings', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['Act now!', '<!-- trustlint-disable-next-line act-now -->', '', 'Act now!', 'Act now! <!-- trustlint-disable-line -->', 'Act now!'].join(eol);
      assert.deepEqual(lint(text).findings.map((f) => f.start), [0, text.lastIndexOf('Act now!')], JSON.stringify(eol));
      assert.deepEqual(parseDirectives(text).map((d) => d.line), [1, 4], JSON.stringify(eol));
    }
  });
  it('disable-next-line on the last line silences nothing, not its own line', () => {
    assert.deepEqual(ids('Act now! <!-- trustlint-disable-next-line -->'), ['act-now', 'unused-directive']);
    assert.deepEqual(ids('Act now!\n<!-- trustlint-disable-next-line -->\n'), ['act-now', 'unused-directive']);
  });
  it('a directive spanning lines covers the line after its end', () => {
    assert.deepEqual(ids('<!-- trustlint-disable-next-line act-now\n  -- the launch date is real -->\nAct now!\nAct now!'), ['act-now']);
  });
});
