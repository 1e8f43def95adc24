// Seeded fuzzing of the engine: random Markdown-ish documents must never throw, offsets must stay inside the
// text and off surrogate halves, and every fix must apply cleanly and change nothing outside its edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, applyEdits, fixAllSafe, safeFixEdits } from '../../server/src/presence.ts';
import { rng } from '../support/rng.ts';
import { assertOnlyEditsChanged } from '../support/edits.ts';

const PIECES = [
  '# ',
  '## ',
  '### ',
  '- ',
  '  - ',
  '    - ',
  '1. ',
  '> ',
  '>> ',
  '```',
  '~~~',
  '    ',
  '\t',
  '|',
  '---',
  '***',
  '**',
  '*',
  '_',
  '__',
  '`',
  '``',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](http://x.y/z)',
  '<',
  '>',
  '<!--',
  '-->',
  '<!-- presence-disable -->',
  '<!-- presence-enable conviction -->',
  '<!-- presence-disable-next-line conviction/hedge -->',
  '<div>',
  '</div>',
  'https://example.com/a.b',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '\\',
  'I think we should',
  'maybe',
  'perhaps',
  'the launch was delayed',
  'it was decided',
  'significant',
  'soon',
  'in order to',
  'Unfortunately, ',
  'EXTREMELY',
  '!',
  '?',
  '.',
  'e.g.',
  'U.S.',
  '$1.2M',
  '3.5%',
  'Q3 2025',
  'March 2024',
  'Should we expand?',
  'I recommend we ship.',
  'TBD',
  'unclear',
  'revenue grew',
  'no downside',
  'we worked on',
  'synergy',
  '😀',
  '👍🏽',
  '🚀',
  'e\u0301',
  '\u0301',
  '\ud800',
  '\udc00',
  '\u0000',
  '\u0007',
  '\u202e',
  'שלום עולם',
  'مرحبا',
  '日本語です。',
  'Привет.',
  'café',
  '\ufeff',
  'a'.repeat(300),
  ' word'.repeat(60),
  '---\npresence: board-update\n---\n',
  '---\npresence: nope\n---\n',
];

function randomDoc(r: () => number): string {
  const n = Math.floor(r() * 40);
  let s = '';
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.75) s += PIECES[Math.floor(r() * PIECES.length)];
    else if (x < 0.9) s += ' ';
    else s += String.fromCharCode(Math.floor(r() * 0x3000));
  }
  return s;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** An offset between the two halves of a surrogate pair would split a character. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

test('10,000 random documents: no throw, offsets in range and on character boundaries, fixes apply cleanly', () => {
  const r = rng(20261122);
  const analyzer = new Analyzer();
  let findings = 0;
  let fixesChecked = 0;
  for (let i = 0; i < 10_000; i++) {
    const text = randomDoc(r);
    const result = analyzer.analyze(text, undefined, { today: '2026-11-22' });
    assert.ok(Number.isFinite(result.score.overall));
    for (const f of result.findings) {
      findings++;
      assert.ok(
        f.start >= 0 && f.start <= f.end && f.end <= text.length,
        `finding ${f.ruleId} [${f.start},${f.end}) in ${JSON.stringify(text)}`,
      );
      assert.ok(!splitsPair(text, f.start) && !splitsPair(text, f.end), `${f.ruleId} splits a surrogate pair`);
      for (const fix of f.fixes) {
        for (const e of fix.edits)
          assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length && !splitsPair(text, e.start) && !splitsPair(text, e.end));
        // Only every few fixes are re-checked in full, to keep the suite fast.
        if (i % 5 !== 0) continue;
        const out = applyEdits(text, fix.edits);
        const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
        assert.equal(out.slice(0, sorted[0].start), text.slice(0, sorted[0].start));
        const tail = text.length - sorted[sorted.length - 1].end;
        assert.equal(out.slice(out.length - tail), text.slice(text.length - tail));
        fixesChecked++;
      }
    }
    if (i % 10 === 0) {
      // Safe fixes never overlap and applying them twice changes nothing the second time.
      const edits = safeFixEdits(result.findings);
      applyEdits(text, edits);
      const once = fixAllSafe(analyzer, text, undefined, { today: '2026-11-22' });
      const twice = fixAllSafe(analyzer, once.text, undefined, { today: '2026-11-22' });
      assert.equal(twice.text, once.text, `fix-all not idempotent for ${JSON.stringify(text)}`);
    }
  }
  assert.ok(findings > 1000, `the fuzzer reached the rules (${findings} findings)`);
  assert.ok(fixesChecked > 100);
});

// Memo-like sentences with the habits the safe fixes address, and plain ones, to build documents where fixes abound.
const SENTENCES = [
  'I think we should ship the new billing flow in May.',
  'We will try to close the Northwind renewal by June 3.',
  'Unfortunately, the pilot slipped by two weeks.',
  'In order to hit the plan we need two more engineers.',
  'That is EXTREMELY important for the board!',
  'Maybe we can revisit pricing next quarter.',
  'Revenue grew 12% to $4.1M in Q3.',
  'We decided to stop the mobile app and move two engineers to search.',
  'To be fair, the vendor changed its API twice.',
  'Hopefully, churn will keep falling.',
  'We might want to raise prices for new customers.',
  'Due to the fact that hiring is slow, the launch moves to July.',
  'The launch was delayed.',
  'I recommend we hire two engineers for payments.',
  'We are super excited about the partner program!',
  'Perhaps the data migration can finish early.',
  'Sorry, the dashboard is still down.',
  'Churn fell from 3.1% to 2.4% after the onboarding change.',
];

function memoDoc(r: () => number): string {
  const blocks: string[] = ['# Update'];
  const n = 1 + Math.floor(r() * 6);
  for (let b = 0; b < n; b++) {
    const k = 1 + Math.floor(r() * 4);
    const para = Array.from({ length: k }, () => SENTENCES[Math.floor(r() * SENTENCES.length)]).join(r() < 0.2 ? '\n' : ' ');
    const shape = r();
    blocks.push(shape < 0.15 ? `## Section ${b}` : shape < 0.35 ? `- ${para}` : shape < 0.42 ? `> ${para}` : para);
  }
  return blocks.join('\n\n') + '\n';
}

test('property: every safe fix, applied alone, removes its finding, changes nothing outside its edits and never lowers the score', () => {
  const r = rng(424242);
  const analyzer = new Analyzer();
  const opts = { today: '2026-11-22' };
  let checked = 0;
  for (let i = 0; i < 400; i++) {
    const text = memoDoc(r);
    const before = analyzer.analyze(text, undefined, opts);
    for (const f of before.findings) {
      for (const fix of f.fixes) {
        if (!fix.safe) continue;
        const out = applyEdits(text, fix.edits);
        const after = new Analyzer().analyze(out, undefined, opts);
        const count = (xs: typeof before.findings) => xs.filter((x) => x.ruleId === f.ruleId).length;
        assert.ok(count(after.findings) < count(before.findings), `${f.ruleId} "${fix.title}" left its finding in ${JSON.stringify(out)}`);
        assert.ok(
          after.score.overall >= before.score.overall,
          `${f.ruleId} "${fix.title}" lowered the score ${before.score.overall} → ${after.score.overall} for ${JSON.stringify(text)}`,
        );
        assertOnlyEditsChanged(text, out, fix.edits, `${f.ruleId} "${fix.title}"`);
        checked++;
      }
    }
  }
  assert.ok(checked > 500, `only ${checked} safe fixes were checked`);
});

test('property: the same text always gets the same result, from a fresh or a reused analyzer', () => {
  const r = rng(777);
  const reused = new Analyzer();
  for (let i = 0; i < 300; i++) {
    const text = i % 2 ? memoDoc(r) : randomDoc(r);
    const a = JSON.stringify(reused.analyze(text, undefined, { today: '2026-11-22' }));
    const b = JSON.stringify(new Analyzer().analyze(text, undefined, { today: '2026-11-22' }));
    assert.equal(a, b, `results differ for ${JSON.stringify(text)}`);
  }
});

test('property: through random edit sequences, the reused analyzer (incremental parse, cached and placed blocks) equals a fresh one', () => {
  const r = rng(9090);
  const TYPED = ['e', ' ', 'x', '.', ',', '\n', '\n\n', '|', '# ', '- ', 'maybe ', 'I think ', '<!-- presence-disable -->', '`', '*', '!'];
  let steps = 0;
  for (let d = 0; d < 40; d++) {
    const reused = new Analyzer();
    let text = memoDoc(r);
    for (let k = 0; k < 40; k++) {
      const at = Math.floor(r() * (text.length + 1));
      text =
        r() < 0.3
          ? text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 3))
          : text.slice(0, at) + TYPED[Math.floor(r() * TYPED.length)] + text.slice(at);
      const opts = { today: '2026-11-22', ...(k % 13 === 12 ? { severityOverrides: { composure: 'hint' as const } } : {}) };
      assert.equal(
        JSON.stringify(reused.analyze(text, undefined, opts)),
        JSON.stringify(new Analyzer().analyze(text, undefined, opts)),
        `step ${k} of document ${d}: ${JSON.stringify(text)}`,
      );
      steps++;
    }
  }
  assert.equal(steps, 1600);
});
