// Typing reuses the last analysis: a re-parsed document takes the last entries by position, and the score's block
// tallies are memoised with those entries. Whatever is reused, the result must equal a fresh analyzer's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer } from '../../server/src/presence.ts';
import { parseDocument, type Block } from '../../server/src/core/document.ts';
import { reparse } from '../../server/src/core/reparse.ts';
import { rng } from '../support/rng.ts';
import { REPO_ROOT, sharedPath } from '../../scripts/repo.ts';

const CORPUS = sharedPath('corpus', 'asf-cordova-board-reports');
const samples = [
  readFileSync(join(REPO_ROOT, 'examples', 'weak-board-update.md'), 'utf8'),
  readFileSync(join(REPO_ROOT, 'examples', 'strong-board-update.md'), 'utf8'),
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .slice(0, 6)
    .map((f) => readFileSync(join(CORPUS, f), 'utf8')),
];
// Mostly what a writer types mid-line (taken by the re-parse), with some that make placeholders, links and hedges.
const TYPED = ['e', 'a', ' ', 'we ', 'maybe ', 'I think ', '[owner]', '[N%]', ' $2M', ' by 1 March', '.', ',', 'x', '](', '[', ']', 'TBD '];

/** Offsets well inside prose lines, where the re-parse takes an edit. */
function midLine(text: string, r: () => number): number {
  for (let tries = 0; tries < 50; tries++) {
    const at = Math.floor(r() * text.length);
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (at - lineStart > 20 && /[a-z]/.test(text.slice(at - 1, at + 1))) return at;
  }
  return Math.floor(r() * text.length);
}

test('reparse names the one block an accepted edit changed; every other block keeps its text, masked text and shape', () => {
  const r = rng(4242);
  let accepted = 0;
  for (const sample of samples) {
    let text = sample;
    let doc = parseDocument(text);
    for (let k = 0; k < 60; k++) {
      const at = midLine(text, r);
      const edited = text.slice(0, at) + TYPED[Math.floor(r() * TYPED.length)] + text.slice(at);
      const re = reparse(doc, edited);
      const full = parseDocument(edited);
      if (re) {
        accepted++;
        assert.equal(re.doc.blocks.length, doc.blocks.length);
        for (let i = 0; i < full.blocks.length; i++) {
          if (i === re.changed) continue;
          const a: Block = doc.blocks[i];
          const b: Block = full.blocks[i];
          assert.equal(edited.slice(b.start, b.end), text.slice(a.start, a.end), `block ${i} text`);
          assert.equal(b.masked, a.masked, `block ${i} masked`);
          assert.deepEqual(
            [b.kind, b.level, b.quoted, b.list, b.section, b.hasLink],
            [a.kind, a.level, a.quoted, a.list, a.section, a.hasLink],
            `block ${i} shape`,
          );
          assert.equal(full.sections[b.section]?.role, doc.sections[a.section]?.role, `block ${i} role`);
        }
      }
      text = edited;
      doc = full;
    }
  }
  assert.ok(accepted > 200, `only ${accepted} edits were re-parsed`);
});

test('through typing, word-limit cuts and severity changes, the reused analyzer equals a fresh one', () => {
  const r = rng(31337);
  let steps = 0;
  for (const sample of samples) {
    const reused = new Analyzer();
    let text = sample;
    for (let k = 0; k < 50; k++) {
      const at = midLine(text, r);
      text =
        r() < 0.2 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + TYPED[Math.floor(r() * TYPED.length)] + text.slice(at);
      // A word limit that moves cuts blocks at different places; a severity change is a new configuration.
      const opts = {
        today: '2026-11-22',
        ...(k % 7 === 3 ? { maxWords: 40 + Math.floor(r() * 400) } : {}),
        ...(k % 11 === 5 ? { severityOverrides: { conviction: 'off' as const } } : {}),
      };
      assert.equal(
        JSON.stringify(reused.analyze(text, undefined, opts)),
        JSON.stringify(new Analyzer().analyze(text, undefined, opts)),
        `step ${k}: ${JSON.stringify(text)}`,
      );
      steps++;
    }
  }
  assert.equal(steps, 50 * samples.length);
});

test('a block tally is not reused when the rest of the document turns its placeholder into a link', () => {
  // The block's text stays the same; a reference definition elsewhere makes "[owner]" a link, not a slot to fill.
  const para = 'The rollout of the new billing engine is assigned to [owner] and it lands in the third quarter for every region.';
  const slot = `# Billing\n\n${para}\n\nWe ship the migration in March. Revenue grew 12% last quarter.\n`;
  const link = `${slot}\n[owner]: https://example.com/owner\n`;
  const prose = (r: ReturnType<Analyzer['analyze']>): number => Number(/(\d+) sentences? of prose/.exec(JSON.stringify(r.score))?.[1]);
  for (const order of [
    [slot, link, slot],
    [link, slot, link],
  ]) {
    const a = new Analyzer();
    for (const text of order)
      assert.equal(
        prose(a.analyze(text, undefined, { today: '2026-11-22' })),
        text === slot ? 2 : 3,
        text === slot ? 'placeholder sentence' : 'link sentence',
      );
  }
});
