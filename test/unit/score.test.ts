import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits, DIMENSIONS } from '../../server/src/engine/index.ts';
import { REPO_ROOT, sharedPath } from '../../scripts/repo.ts';

const today = '2026-11-22';
const weak = readFileSync(join(REPO_ROOT, 'examples', 'weak-board-update.md'), 'utf8');
const strong = readFileSync(join(REPO_ROOT, 'examples', 'strong-board-update.md'), 'utf8');
const corpusDir = sharedPath('corpus', 'asf-cordova-board-reports');
const corpus = readdirSync(corpusDir).map((f) => readFileSync(join(corpusDir, f), 'utf8'));

test('the strong sample scores clearly higher than the weak one, with a band and ten dimensions', () => {
  const w = analyze(weak, undefined, { today }).score;
  const s = analyze(strong, undefined, { today }).score;
  assert.ok(s.overall - w.overall >= 20, `${s.overall} vs ${w.overall}`);
  assert.equal(s.band, 'board-ready');
  assert.equal(w.band, 'needs reframing');
  assert.deepEqual(w.dimensions.map((d) => d.dimension), [...DIMENSIONS]);
});

test('deterministic: same input, same output', () => {
  for (const text of [weak, strong, corpus[0]]) assert.deepEqual(analyze(text, undefined, { today }), analyze(text, undefined, { today }));
});

test('every point lost is traced to a finding', () => {
  for (const text of [weak, ...corpus.slice(0, 10)]) {
    const r = analyze(text, undefined, { today });
    const traced = r.findings.reduce((n, f) => n + f.cost, 0);
    assert.ok(Math.abs(100 - traced - r.score.overall) <= 1, `100 - ${traced} vs ${r.score.overall}`);
  }
});

test('fixing any one finding never lowers the score', () => {
  for (const text of [weak, ...corpus.slice(0, 12)]) {
    const before = analyze(text, undefined, { today });
    for (const f of before.findings) {
      for (const fix of f.fixes) {
        const after = analyze(applyEdits(text, fix.edits), undefined, { today });
        assert.ok(after.score.overall >= before.score.overall, `${f.ruleId} "${fix.title}": ${before.score.overall} → ${after.score.overall}`);
      }
    }
  }
});

test('a longer document with the same density of problems is not punished for length', () => {
  const section = (i: number): string => `## Area ${i}\n\nWe shipped ${i + 3} features and revenue rose ${i + 2}% on plan. I think we should keep the pace.\n\n`;
  const short = `# Update\n\nWe will hire 4 engineers in Q1 at $600K; we defer the mobile app.\n\n${Array.from({ length: 10 }, (_, i) => section(i)).join('')}`;
  const long = `# Update\n\nWe will hire 4 engineers in Q1 at $600K; we defer the mobile app.\n\n${Array.from({ length: 40 }, (_, i) => section(i)).join('')}`;
  const a = analyze(short, undefined, { today }).score.overall;
  const b = analyze(long, undefined, { today }).score.overall;
  assert.ok(Math.abs(a - b) <= 3, `${a} vs ${b}`);
});

test('empty and code-only documents get a score with an explanation, never NaN', () => {
  for (const text of ['', '   \n\n', '```\ncode only\n```\n', '---\ntitle: x\n---\n']) {
    const s = analyze(text, undefined, { today }).score;
    assert.ok(Number.isInteger(s.overall));
    assert.match(s.explanation ?? '', /no prose/);
    for (const d of s.dimensions) assert.ok(Number.isFinite(d.score));
  }
});

test('top fixes are sorted by the points they win back and point at their findings', () => {
  const r = analyze(weak, undefined, { today });
  assert.ok(r.score.topFixes.length >= 5);
  for (let i = 1; i < r.score.topFixes.length; i++) assert.ok(r.score.topFixes[i - 1].gain >= r.score.topFixes[i].gain);
  for (const t of r.score.topFixes) {
    assert.equal(r.findings[t.finding].ruleId, t.ruleId);
    assert.equal(r.findings[t.finding].start, t.start);
  }
});

test('the weak sample shows findings from at least 8 of the 10 families', () => {
  const families = new Set(analyze(weak, undefined, { today }).findings.map((f) => f.dimension));
  assert.ok(families.size >= 8, [...families].join(', '));
});
