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
});
