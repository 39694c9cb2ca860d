// The trust score is explainable: every point lost is traced to a finding, a missing move or the focus balance.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, lint, MOVE_POINTS, trustReport, type Fix } from '../../server/src/core';

const report = (text: string, languageId = 'playbook') => trustReport(text, lint(text, { languageId }), { languageId });

describe('trust score', () => {
  it('is 100 for a clean, relational playbook', () => {
    const text = '# Discovery\n\nWhat prompted you to look at this now?\n\n# Next steps\n\nIf this is not the right fit, that is completely fine. Our price is $400 per month.\n';
    const r = report(text);
    assert.equal(r.score, 100);
    assert.deepEqual(r.items, []);
  });

  it('attributes every point lost', () => {
    const text = '# Discovery\n\nWe built the best platform. We are the leader.\n\n# Closing\n\nAct now, this offer expires tonight! Only 3 spots left! Pricing is custom.\n';
    const r = report(text);
    const lost = r.items.reduce((s, i) => s + i.points, 0);
    assert.equal(r.score, Math.max(0, Math.round(100 - lost)));
    const findings = lint(text, { languageId: 'playbook' }).findings.filter((f) => f.category !== 'playbook' && f.severity !== 'hint');
    assert.equal(r.items.filter((i) => i.kind === 'finding').length, findings.length);
    assert.deepEqual(r.missingMoves.map((m) => m.move).sort(), ['discovery-questions', 'permission-check-in', 'price-stated']);
    assert.equal(r.items.filter((i) => i.kind === 'missing-move').reduce((s, i) => s + i.points, 0), MOVE_POINTS['discovery-questions'] + MOVE_POINTS['permission-check-in'] + MOVE_POINTS['price-stated']);
    for (const i of r.items) assert.ok(r.sections.some((s) => s.title === i.section), `item section ${i.section} exists`);
  });

  it('ignores buyer turns and counter-examples', () => {
    const text = "# Notes\n\nBuyer: Act now, I said.\n\n## Don't say\n\n- Act now!\n";
    assert.equal(report(text).items.filter((i) => i.kind === 'finding').length, 0);
  });

  for (const file of fs.readdirSync(path.resolve(__dirname, '../../examples'))) {
    it(`rewriting the flagged lines of examples/${file} with the preferred fixes raises its score`, () => {
      const languageId = file.endsWith('.md') ? 'markdown' : 'playbook';
      let text = fs.readFileSync(path.resolve(__dirname, '../../examples', file), 'utf8');
      const before = report(text, languageId);
      assert.ok(before.items.some((i) => i.kind === 'finding'), 'the example has findings');
      for (let pass = 0; pass < 10; pass++) {
        const fixes = lint(text, { languageId }).findings.filter((f) => f.category !== 'playbook').map((f) => f.fixes[0]).filter((f): f is Fix => !!f);
        if (!fixes.length) break;
        text = applyFixes(text, fixes).text;
      }
      const after = report(text, languageId);
      assert.equal(after.items.filter((i) => i.kind === 'finding').length, 0, 'no finding left after the rewrites');
      assert.ok(after.score > before.score, `${after.score} > ${before.score}`);
      // The documented level: 100 minus only the missing relational moves and focus.
      const rest = after.items.reduce((s, i) => s + i.points, 0);
      assert.equal(after.score, Math.max(0, Math.round(100 - rest)));
    });
  }
});
