// The score moves the way a reader expects on real documents: each mutation of test/score/mutations.ts over every
// document of ../shared/corpus/ (all folders), each mutated text analysed once. Per mutation, at least 95% of the
// documents it applies to must move the right way; the failures are listed in the assertion message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MUTATIONS, mutateAndScore, type Outcome } from './mutations.ts';
import { corpus, pct, table } from './corpus.ts';

const TARGET = 0.95;

/**
 * Existing rules known to misfire on a genre, reported to the lead, who is fixing them (this suite does not edit
 * rules). A wrong-way move that the misfiring rule's vanished findings explain (the score would have moved the
 * right way had the rule not fired) is listed apart and left out of the share; remove an entry when its rule is fixed.
 */
// (decision/options-without-recommendation on an RFC's "Alternatives" section was listed here; the rule now reads
// an Alternatives section as options already weighed, so the list is empty.)
const MISFIRING: Record<string, string> = {};

/** The cost of the misfiring rules' findings that a mutation removed, when they explain a wrong-way move. */
function misfire(o: Outcome): string | undefined {
  if (o.ok) return undefined;
  const gone = o.gone.filter(([r]) => MISFIRING[r]);
  const cost = gone.reduce((n, [, c]) => n + c, 0);
  const wrongBy = o.after - o.before;
  return gone.length > 0 && cost > wrongBy ? gone.map(([r]) => r).join(', ') : undefined;
}

const describe = (f: Outcome): string =>
  `  ${f.folder}/${f.file}: ${f.before} → ${f.after}${
    f.gone.length
      ? `; findings gone: ${f.gone
          .slice(0, 3)
          .map(([r, c]) => `${r} (${c.toFixed(1)})`)
          .join(', ')}`
      : ''
  }`;

const outcomes = corpus().flatMap((d) => mutateAndScore(d.folder, d.file, d.text));
if (process.env.PRESENCE_METAMORPHIC_TABLE) console.log(table(outcomes));

for (const m of MUTATIONS) {
  test(`metamorphic: ${m.name} moves the score the right way on ≥ ${TARGET * 100}% of the corpus`, () => {
    const of = outcomes.filter((o) => o.mutation === m.name);
    assert.ok(of.length >= 20, `${m.name} applies to only ${of.length} documents`);
    const blocked = of.filter((o) => misfire(o));
    const judged = of.filter((o) => !misfire(o));
    const failed = judged.filter((o) => !o.ok);
    const share = 1 - failed.length / judged.length;
    if (blocked.length)
      console.log(
        `${m.name}: ${blocked.length} wrong-way moves explained by misfiring rules (reported):\n${blocked.map(describe).join('\n')}`,
      );
    assert.ok(
      share >= TARGET,
      `${m.name}: ${pct(judged.length - failed.length, judged.length)} (${blocked.length} more blocked by misfiring rules); failures:\n${failed.map(describe).join('\n')}`,
    );
  });
}
