// The incremental re-parse must give exactly the document a full parse gives, for any edit it accepts; and it must
// accept the common case (typing in the middle of a paragraph line) or it saves nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../server/src/core/document.ts';
import { reparseDocument } from '../../server/src/core/reparse.ts';
import { rng } from '../support/rng.ts';
import { REPO_ROOT, sharedPath } from '../../scripts/repo.ts';

const CORPUS = sharedPath('corpus', 'asf-cordova-board-reports');
const samples = [
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .slice(0, 12)
    .map((f) => readFileSync(join(CORPUS, f), 'utf8')),
  readFileSync(join(REPO_ROOT, 'examples', 'weak-board-update.md'), 'utf8'),
  readFileSync(join(REPO_ROOT, 'examples', 'strong-board-update.md'), 'utf8'),
  '---\npresence: board-update\n---\n# Title\n\nWe think we should ship the billing migration in Q3 2026 because it pays back.\n\n> A quoted line that goes on long enough to edit.\n\n- a list item that is long enough to be edited here\n  continued on a lazy line of the list item text\n1. another item with `code spans` and [a link](https://example.com/x) inside it\n\n| a | b |\n|---|---|\n| cell one | cell two |\n\n<!-- presence-disable conviction -->\nParagraph after a directive, long enough to type into the middle of it.\n<!-- presence-enable -->\n\nSetext heading candidate line that is long\n---\n\nLast paragraph with trailing spaces   \r\nand a CRLF line that is long enough too.\n',
];
// What a writer types, plus the characters that can change structure when they land in the wrong place.
const INSERTS = [
  'e',
  ' ',
  'we ',
  'maybe ',
  '.',
  ',',
  '!',
  '*',
  '_',
  '`',
  '[',
  ']',
  '(',
  ')',
  '<!--',
  '-->',
  '<!-- presence-disable-next-line -->',
  '|',
  '\n',
  '\n\n',
  '#',
  '- ',
  '1. ',
  '> ',
  '===',
  '---',
  '\t',
  '😀',
  '\u0000',
  ':',
];

test('reparseDocument equals a full parse after 6,000 random edits, and takes the common ones', () => {
  const next = rng(11);
  let accepted = 0;
  let midLineTyping = 0;
  let midLineAccepted = 0;
  for (let n = 0; n < 6000; n++) {
    let text = samples[Math.floor(next() * samples.length)];
    let doc = parseDocument(text);
    for (let k = 0; k < 3; k++) {
      const at = Math.floor(next() * (text.length + 1));
      const del = next() < 0.3 ? Math.floor(next() * 4) : 0;
      const ins = next() < 0.8 ? INSERTS[Math.floor(next() * INSERTS.length)] : '';
      const edited = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const plain = /^[a-z ]*$/.test(ins + text.slice(at, at + del)) && at - lineStart > 20 && /[a-z]/.test(text.slice(at - 1, at + 1));
      const quick = reparseDocument(doc, edited);
      const full = parseDocument(edited);
      if (quick) {
        accepted++;
        assert.deepEqual(
          quick,
          full,
          `edit at ${at} (-${del} +${JSON.stringify(ins)}) in ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}`,
        );
      }
      if (plain) {
        midLineTyping++;
        if (quick) midLineAccepted++;
      }
      text = edited;
      doc = full;
    }
  }
  assert.ok(accepted > 1000, `only ${accepted} edits re-parsed incrementally`);
  assert.ok(
    midLineAccepted > 0.5 * midLineTyping,
    `typing mid-line in prose: ${midLineAccepted} of ${midLineTyping} re-parsed incrementally`,
  );
});

test('reparseDocument declines edits that can change block structure', () => {
  const text = '# T\n\nA paragraph line that is long enough to edit in the middle.\nSecond line of the same paragraph, also long.\n';
  const doc = parseDocument(text);
  const at = text.indexOf('long enough');
  for (const ins of ['\n', '|', '\n\n'])
    assert.equal(reparseDocument(doc, text.slice(0, at) + ins + text.slice(at)), undefined, JSON.stringify(ins));
  // Near the line start a marker could appear.
  const second = text.indexOf('Second');
  assert.equal(reparseDocument(doc, text.slice(0, second) + '- ' + text.slice(second)), undefined);
  // Typing in the middle of the line is taken.
  assert.ok(reparseDocument(doc, text.slice(0, at) + 'x' + text.slice(at)));
});

// What can make or unmake a block marker at a line start, and letters (ASCII and not).
const NEAR_START = ['e', 'Q', 'é', ' ', '\t', '#', '- ', '1. ', '> ', '*', '[', '<', '`', '=', '😀', ''];

test('near a line start, an edit is incremental only while a letter stays first on the line, and then equals a full parse', () => {
  let accepted = 0;
  let checked = 0;
  // Four board reports, the two samples and the synthetic one with every kind of block.
  for (const text of [...samples.slice(0, 4), ...samples.slice(-3)]) {
    const doc = parseDocument(text);
    for (const block of doc.blocks.filter((b) => b.kind === 'paragraph').slice(0, 20)) {
      // The first two lines of each paragraph, just before, at and just after the line's first character.
      for (const [ls] of block.lines.slice(0, 2)) {
        for (let off = -1; off <= 1; off++) {
          const at = ls + off;
          if (at < 0) continue;
          for (const ins of NEAR_START) {
            for (const del of [0, 1]) {
              const edited = text.slice(0, at) + ins + text.slice(at + del);
              const quick = reparseDocument(doc, edited);
              checked++;
              if (!quick) continue;
              accepted++;
              assert.deepEqual(
                quick,
                parseDocument(edited),
                `edit at ${at} (-${del} +${JSON.stringify(ins)}) in ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 30))}`,
              );
            }
          }
        }
      }
    }
  }
  assert.ok(accepted > 1000 && accepted < checked, `accepted ${accepted} of ${checked}`);
  // Typing a word at the start of a paragraph is taken; a marker, a space or an indent there is not.
  const text = '# T\n\nIn order to price the marketplace we held interviews with partners.\n';
  const doc = parseDocument(text);
  const at = text.indexOf('In order');
  assert.ok(reparseDocument(doc, text.slice(0, at) + 'x' + text.slice(at)));
  assert.ok(reparseDocument(doc, text.slice(0, at + 1) + 'x' + text.slice(at + 1)));
  for (const ins of ['- ', '1. ', '# ', '> ', ' ', '    ', '[', '<'])
    assert.equal(reparseDocument(doc, text.slice(0, at) + ins + text.slice(at)), undefined, JSON.stringify(ins));
});
