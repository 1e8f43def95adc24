// Fixes must leave grammatical text: after any fix (alone, or all the safe ones), no sentence starts with
// punctuation or a space, and a sentence's first word keeps its capital, also when markup (bold, a link, code, a
// tag) stands next to the words a fix removes. The attack run found ", **the launch** slipped." this way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, applyEdits, fixAllSafe } from '../../server/src/presence.ts';
import { rng } from '../support/rng.ts';

const OPENERS = [
  'Unfortunately, ',
  'Maybe ',
  'I think ',
  'I think that ',
  'Honestly, ',
  'Hopefully, ',
  'Perhaps ',
  'Basically, ',
  'Sorry, ',
  'Extremely ',
  'To be fair, ',
  'In order to hit the plan, ',
];
const BODIES = [
  'the launch slipped by two weeks.',
  'we should ship the new billing flow in May.',
  'the vendor changed its API twice.',
  'churn will keep falling.',
  'deploy.sh is broken on the build agents.',
  'we can revisit pricing next quarter.',
  'the pilot with Northwind is late.',
  'happy with the result of the pilot.',
  'we need two more engineers.',
  'the dashboard is still down.',
];
const PLAIN = [
  'Revenue grew 12% to $4.1M in Q3.',
  'I recommend we hire two engineers for payments.',
  'We decided to stop the mobile app.',
  'Churn fell from 3.1% to 2.4%.',
];

/** Wraps the first one or two words of `body` in markup, as writers do: bold, italics, a link, code, a tag. */
function decorate(body: string, r: () => number): string {
  const words = body.split(' ');
  const k = 1 + Math.floor(r() * Math.min(2, words.length - 1));
  const head = words.slice(0, k).join(' ');
  const rest = words.slice(k).join(' ');
  const wraps = [
    (x: string) => `**${x}**`,
    (x: string) => `_${x}_`,
    (x: string) => `[${x}](https://example.com/a)`,
    (x: string) => `\`${x}\``,
    (x: string) => `<b>${x}</b>`,
    (x: string) => `_**${x}**_`,
    (x: string) => `"${x}"`,
    (x: string) => x,
  ];
  return `${wraps[Math.floor(r() * wraps.length)](head)} ${rest}`;
}

function sentence(r: () => number): string {
  if (r() < 0.25) return PLAIN[Math.floor(r() * PLAIN.length)];
  const opener = OPENERS[Math.floor(r() * OPENERS.length)];
  const body = decorate(BODIES[Math.floor(r() * BODIES.length)], r);
  // The opener wrapped in emphasis too, now and then: "**Unfortunately**, the …".
  if (r() < 0.15 && opener.endsWith(', ')) return `**${opener.slice(0, -2)}**, ${body}`;
  return opener + body;
}

function doc(r: () => number): string {
  const blocks = ['# Update'];
  for (let b = 0, n = 1 + Math.floor(r() * 4); b < n; b++) {
    const para = Array.from({ length: 1 + Math.floor(r() * 3) }, () => sentence(r)).join(' ');
    blocks.push(r() < 0.3 ? `- ${para}` : para);
  }
  return blocks.join('\n\n') + '\n';
}

// A sentence starts at a block's start (after a heading or list marker) or after . ! ? and a space.
const SENTENCE_START = /(?:^(?:#+ |- )?|[.!?] +)/gm;
// What may stand before a sentence's first letter: emphasis, a link's bracket, a quote, a tag.
const OPENING = /^(?:[*_~[("\u201c]|<[A-Za-z][^<>]*>)*/;

/** The sentences of `text` that start with punctuation or a space, or whose first letter is lowercase. */
function badStarts(text: string): string[] {
  const bad: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    for (const m of line.matchAll(SENTENCE_START)) {
      const at = m.index + m[0].length;
      if (at >= line.length) continue;
      const rest = line.slice(at);
      const first = rest.slice(OPENING.exec(rest)![0].length)[0] ?? '';
      // A code span or a figure may open a sentence; anything else must be a capital letter.
      if (!(first === '`' || first === '$' || /[\p{Lu}\d]/u.test(first))) bad.push(rest.slice(0, 40));
    }
  }
  return bad;
}

test("the attack run's sentences: dropping an opener next to markup leaves a capitalised sentence, no stray comma or space", () => {
  const cases: Array<[string, string]> = [
    ['Unfortunately, **the launch** slipped.', '**The launch** slipped.'],
    ['Honestly, `deploy.sh` is broken.', '`deploy.sh` is broken.'],
    ['I think **we should** ship the new pricing page.', '**We should** ship the new pricing page.'],
    ['**Unfortunately**, the launch slipped.', 'The launch slipped.'],
    ['Honestly, [the plan](https://example.com/p) is late.', '[The plan](https://example.com/p) is late.'],
  ];
  for (const [before, after] of cases) {
    // The fix of the finding on the opener, whether Fix All may apply it or the writer clicks it.
    const text = `${before}\n`;
    // Apologies are off by default; their fix is tested all the same.
    const f = new Analyzer()
      .analyze(text, undefined, { today: '2026-11-22', severityOverrides: { 'composure/apology': 'hint' } })
      .findings.find((x) => x.start === 0 || x.start === 2);
    assert.ok(f?.fixes[0], `a fix for the opener of ${before}`);
    assert.equal(applyEdits(text, f.fixes[0].edits), `${after}\n`, before);
  }
});

test('property: after any fix, alone, or all the safe ones together, every sentence starts with a capital (3,000 documents with markup)', () => {
  const r = rng(31337);
  const opts = { today: '2026-11-22' };
  const analyzer = new Analyzer();
  let single = 0;
  for (let i = 0; i < 3000; i++) {
    const text = doc(r);
    assert.deepEqual(badStarts(text), [], `the generator made a bad document: ${JSON.stringify(text)}`);
    const all = fixAllSafe(analyzer, text, undefined, opts).text;
    assert.deepEqual(badStarts(all), [], `fix-all garbled ${JSON.stringify(text)} → ${JSON.stringify(all)}`);
    if (i % 10 !== 0) continue;
    for (const f of analyzer.analyze(text, undefined, opts).findings) {
      for (const fix of f.fixes) {
        const out = applyEdits(text, fix.edits);
        assert.deepEqual(badStarts(out), [], `${f.ruleId} "${fix.title}" garbled ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
        single++;
      }
    }
  }
  assert.ok(single > 300, `only ${single} single fixes were checked`);
});
