// Deterministic generated playbooks for benchmarks and stress tests: realistic structure
// (front matter, stages, speaker turns, lists, code, placeholders) with a sprinkling of coercive lines.
import { listRules } from '../server/src/core';

const HONEST = [
  'Thanks for making the time today; I want to understand how your team handles {{process}} right now.',
  'What prompted you to look at this now, and what happens if nothing changes this year?',
  'Here is the full picture on price, including the one-time setup fee and how renewal works.',
  'If this is not a fit, that is completely fine, and I would rather know early.',
  'Who else should be part of this decision, and what will they want to see from us?',
  'Our standard quote is valid for thirty days, which is the same for every customer.',
  'Let me summarise what I heard, and please correct anything I got wrong.',
  'We can share two references in your industry who have agreed to take calls.',
  'The implementation usually takes four to six weeks and needs a few hours a week from your admin.',
  'I will send a short recap with the open questions and the owners we agreed on.',
  'How does your team measure success for a project like this one?',
  'Would it help to run a two-week pilot with success criteria we agree in advance?',
  'The dashboard updates every few minutes, and exports run overnight.',
  'Our support team answers within one business day, and critical issues within two hours.',
  'Security reviews normally take two weeks; here is the questionnaire we completed last quarter.',
  'It sounds like reporting is the main pain point; is that a fair summary?',
];

const SPEAKERS = ['Rep', 'Buyer', 'Rep', 'Prospect', 'Rep', 'Coach'];

/** A small seeded PRNG so every run measures the same text. */
function prng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** Generates a playbook of roughly `chars` UTF-16 code units; about one line in eight is coercive. */
export function generatePlaybook(chars: number, seed = 42): string {
  const rand = prng(seed);
  const coercive = listRules().flatMap((r) => r.examples.flag.map((e) => e.text));
  const pick = (pool: string[]) => pool[rand(pool.length)];
  const parts: string[] = ['---', 'title: Generated playbook', 'stage: discovery', 'channel: call', '---', ''];
  let size = parts.join('\n').length;
  let stage = 1;
  while (size < chars) {
    const lines: string[] = [];
    const kind = rand(10);
    if (kind === 0) {
      lines.push(`## Stage ${stage++}: ${pick(['Discovery', 'Demo', 'Pricing', 'Objections', 'Close', 'Follow-up'])}`);
    } else if (kind === 1) {
      for (let k = 0; k < 3 + rand(4); k++) lines.push(`- ${rand(8) === 0 && coercive.length ? pick(coercive) : pick(HONEST)}`);
    } else if (kind === 2 && rand(4) === 0) {
      lines.push('```text', 'act now; hurry; last chance (code is never linted)', '```');
    } else if (kind <= 5) {
      for (let k = 0; k < 2 + rand(3); k++) lines.push(`${pick(SPEAKERS)}: ${rand(8) === 0 && coercive.length ? pick(coercive) : pick(HONEST)}`);
    } else {
      const sentences: string[] = [];
      for (let k = 0; k < 3 + rand(4); k++) sentences.push(rand(8) === 0 && coercive.length ? pick(coercive) : pick(HONEST));
      lines.push(sentences.join(' '));
    }
    lines.push('');
    const block = lines.join('\n');
    parts.push(block);
    size += block.length + 1;
  }
  return parts.join('\n').slice(0, Math.max(chars, 0));
}

/** The same playbook with a closing-section heading before every tenth paragraph, as real playbooks have: turns on the section checks. */
export function withHeadings(text: string): string {
  return text.split('\n\n').map((p, k) => (k % 10 === 5 ? `## Closing ${k}\n\n${p}` : p)).join('\n\n');
}
