// Conviction: claims and recommendations stated plainly, without hedges; calibrated uncertainty is fine.
import type { BlockRule, BlockInput } from '../engine/rule.js';
import { docPath } from '../engine/rule.js';
import type { Fix } from '../engine/types.js';
import type { Word } from '../engine/sentences.js';
import { uncertainCue, UNCERTAINTY_THRESHOLD } from '../engine/uncertainty.js';
import { matchList, removalEdits, replaceEdit, hasNumber, quoteText, type SentenceMatch, listRule } from './util.js';

// Words before "kind of" / "sort of" that make it a noun phrase ("a kind of tool"), not a hedge.
const KIND_OF_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'what', 'any', 'some', 'one', 'every', 'each', 'same', 'which', 'new', 'different', 'other', 'another', 'right']);
// Hedges whose removal leaves the sentence intact.
const REMOVABLE = new Set(['maybe', 'perhaps', 'possibly', 'probably', 'hopefully', 'arguably', 'presumably', 'conceivably', 'somewhat', 'sort of', 'kind of', 'kinda', 'sorta', 'in my opinion', 'in our opinion', 'more or less', 'to some extent', 'to a certain extent', 'ideally']);
// Of those, the ones that only frame the claim as the writer's view: dropping them keeps what is claimed, so Fix All
// may. The others say how likely or how far something is true ("probably", "somewhat", "ideally"): without them the
// sentence claims more, which only the writer can decide, so their fix is offered one at a time, never applied blind.
const FRAMING = new Set(['in my opinion', 'in our opinion']);
const COMMITMENT_BEFORE_TRY = new Set(['will', "'ll", "we'll", "i'll", "they'll", 'shall', 'should', 'must', 'to', 'would', 'can', 'could', 'going', 'plan', 'hope', 'aim', 'want', 'need', 'and']);
const OPINION_OPENERS = new Set(['i think', 'i believe', 'i feel', 'i guess', 'i suppose', 'we think', 'we believe', 'we feel']);

/** The sentence states calibrated uncertainty ("a 60% chance", "±5%", "between $2M and $3M"). */
function calibrated(input: BlockInput, m: SentenceMatch): boolean {
  // Once per sentence: it is asked per hedge, and each answer scans the whole sentence.
  let known = input.memo?.get('conviction/calibrated') as Map<object, boolean> | undefined;
  if (!known) (input.memo ??= new Map()).set('conviction/calibrated', (known = new Map()));
  let c = known.get(m.sentence);
  if (c === undefined) {
    c = /±|\+\/-/.test(m.sentence.text) || (hasNumber(input.text, m.sentence) && input.rubric.lists.calibration.test(m.sentence.words));
    known.set(m.sentence, c);
  }
  return c;
}

/** The block's hedges, in order; three rules ask, so it is computed once per block. Do not modify. */
function hedgeMatches(input: BlockInput): readonly SentenceMatch[] {
  const cached = input.memo?.get('conviction/hedges') as SentenceMatch[] | undefined;
  if (cached) return cached;
  const hedges = matchList(input, 'hedges');
  const tries = matchList(input, 'tryTo');
  if (hedges.length === 0 && tries.length === 0) return hedges;
  const all = [...hedges, ...tries].filter((m) => {
    if ((m.phrase === 'kind of' || m.phrase === 'sort of') && KIND_OF_DETERMINERS.has(m.sentence.words[m.from - 1]?.lower ?? '')) return false;
    // "try to" hedges a commitment ("we will try to ship"), not a habit ("we try to answer within a day").
    if (m.phrase === 'try to' || m.phrase === 'tries to' || m.phrase === 'attempt to') {
      if (!COMMITMENT_BEFORE_TRY.has(m.sentence.words[m.from - 1]?.lower ?? '')) return false;
    }
    return !calibrated(input, m);
  });
  all.sort((a, b) => a.start - b.start);
  (input.memo ??= new Map()).set('conviction/hedges', all);
  return all;
}

function fixesFor(input: BlockInput, m: SentenceMatch): Fix[] {
  const { text } = input;
  const s = m.sentence;
  if (OPINION_OPENERS.has(m.phrase) && m.from === 0) {
    // "I think (that) we should" → "We should".
    const skipThat = s.words[m.to]?.lower === 'that' ? 1 : 0;
    const endWord = s.words[m.to - 1 + skipThat];
    return [{ title: `Drop "${quoteText(text, m.start, m.end)}" and state it`, safe: true, edits: removalEdits(text, s, m.start, endWord.end) }];
  }
  if (REMOVABLE.has(m.phrase)) return [{ title: `Drop "${quoteText(text, m.start, m.end)}"`, safe: FRAMING.has(m.phrase), edits: removalEdits(text, s, m.start, m.end) }];
  // Both turn an attempt or a suggestion into a commitment: the writer's call, never Fix All's.
  if (m.phrase === 'try to' && /^(?:will|'ll|we'll|i'll|to|should|must|can|shall)$/.test(s.words[m.from - 1]?.lower ?? '')) {
    return [{ title: 'Commit: drop "try to"', safe: false, edits: removalEdits(text, s, m.start, m.end) }];
  }
  if (m.phrase === 'might want to' || m.phrase === 'may want to') {
    return [{ title: 'Say "should"', safe: false, edits: [replaceEdit(text, m.start, m.end, 'should')] }];
  }
  return [];
}

const hedge: BlockRule = {
  id: 'conviction/hedge',
  dimension: 'conviction',
  title: 'Hedged claim',
  severity: 'warning',
  doc: docPath('conviction/hedge'),
  scope: 'block',
  check(input, out) {
    const matches = hedgeMatches(input);
    if (matches.length === 0) return;
    const perSentence = new Map<number, number>();
    for (const m of matches) perSentence.set(m.sentence.start, (perSentence.get(m.sentence.start) ?? 0) + 1);
    for (const m of matches) {
      if ((perSentence.get(m.sentence.start) ?? 0) > 1) continue;
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message: `"${quoteText(input.text, m.start, m.end)}" hedges the point. An executive reads a hedge as doubt about your own recommendation; state it, or give a calibrated estimate instead.`,
        fixes: fixesFor(input, m),
      });
    }
  },
};

const stackedHedges: BlockRule = {
  id: 'conviction/stacked-hedges',
  dimension: 'conviction',
  title: 'Stacked hedges',
  severity: 'warning',
  doc: docPath('conviction/stacked-hedges'),
  scope: 'block',
  check(input, out) {
    const matches = hedgeMatches(input);
    if (matches.length < 2) return;
    const bySentence = new Map<number, SentenceMatch[]>();
    for (const m of matches) {
      // Pushed, not copied: a long sentence holds thousands of hedges.
      const group = bySentence.get(m.sentence.start);
      if (group) group.push(m);
      else bySentence.set(m.sentence.start, [m]);
    }
    for (const group of bySentence.values()) {
      if (group.length < 2) continue;
      const first = group[0];
      const last = group[group.length - 1];
      const fixes = group.map((m) => fixesFor(input, m));
      const all: Fix[] = fixes.every((f) => f.length > 0) && !overlaps(fixes.map((f) => f[0]))
        ? [{ title: 'Drop every hedge in this sentence', safe: fixes.every((f) => f[0].safe), edits: fixes.flatMap((f) => f[0].edits) }]
        : [];
      out.push({
        rule: this.id,
        start: first.start,
        end: last.end,
        message: `${group.length} hedges in one sentence (${group.map((m) => `"${quoteText(input.text, m.start, m.end)}"`).join(', ')}). Stacked qualifiers bury the claim; keep the one real uncertainty, quantified, and drop the rest.`,
        fixes: all,
      });
    }
  },
};

function overlaps(fixes: Fix[]): boolean {
  const edits = fixes.flatMap((f) => f.edits).sort((a, b) => a.start - b.start);
  for (let i = 1; i < edits.length; i++) if (edits[i].start < edits[i - 1].end) return true;
  return false;
}

// A sentence that names its source ("according to Gartner", "as suggested by Legal") stands behind its claim.
const NAMES_A_SOURCE = /\b(according to|as (?:suggested|reported|noted|stated) by|per|cited by|source:)\s+\p{Lu}/u;
const QUANTITY_CUES = new Set(['some', 'many', 'several', 'most', 'certain', 'various', 'numerous', 'few']);
// First-person subjects: a sentence in which the writer speaks as "I" or "we" before the cue is owned.
const FIRST_PERSON = new Set(['i', 'we', "i'm", "we're", "i've", "we've", "i'll", "we'll", "i'd", "we'd"]);

function ownedBefore(words: readonly Word[], cue: number): boolean {
  for (let k = 0; k < cue; k++) if (FIRST_PERSON.has(words[k].lower)) return true;
  return false;
}

const uncertainClaim: BlockRule = {
  id: 'conviction/unowned-claim',
  dimension: 'conviction',
  title: 'Claim nobody stands behind',
  severity: 'information',
  doc: docPath('conviction/unowned-claim'),
  scope: 'block',
  check(input, out) {
    // Sentences another rule already flags for the same words are left to that rule.
    // (Sets and maps only for blocks that have such matches: most have none.)
    let taken: Set<object> | undefined;
    const take = (ms: readonly SentenceMatch[]): void => {
      for (let i = 0; i < ms.length; i++) (taken ??= new Set()).add(ms[i].sentence);
    };
    take(hedgeMatches(input));
    take(matchList(input, 'intensifiers'));
    take(matchList(input, 'vagueQuantity'));
    let attributions: Map<object, SentenceMatch> | undefined;
    const weasels = matchList(input, 'weaselAttribution');
    for (let i = 0; i < weasels.length; i++) if (!attributions?.has(weasels[i].sentence)) (attributions ??= new Map()).set(weasels[i].sentence, weasels[i]);
    for (const s of input.sentences) {
      if (s.words.length < 4 || taken?.has(s)) continue;
      const attribution = attributions?.get(s);
      let start: number;
      let end: number;
      if (attribution) {
        start = attribution.start;
        end = attribution.end;
      } else {
        // Vague amounts are the quantified family's to report: the sentence must read as an unowned claim
        // without them ("_" is a word the scorer does not know).
        const cue = uncertainCue(s.words, QUANTITY_CUES, UNCERTAINTY_THRESHOLD);
        if (cue < 0 || NAMES_A_SOURCE.test(s.text)) continue;
        // "We would have liked…, but there hasn't been a response": the writer speaks for the sentence, so the
        // claim has an owner. (The hedge rule still reports "we think", "I believe".)
        if (ownedBefore(s.words, cue)) continue;
        if (/±|\+\/-/.test(s.text) || (hasNumber(input.text, s) && input.rubric.lists.calibration.test(s.words))) continue;
        start = s.words[cue].start;
        end = s.words[cue].end;
      }
      out.push({
        rule: this.id,
        start,
        end,
        message: `"${quoteText(input.text, start, end)}" makes this a claim with no owner or source. Say who holds the view and on what evidence, or state it as your own position.`,
      });
    }
  },
};

const permissionSeeking = listRule({
  id: 'conviction/permission-seeking',
  dimension: 'conviction',
  title: 'Asking permission to speak',
  severity: 'warning',
  list: 'permissionSeeking',
  message: (p) => `"${p}" asks for permission to make your point. Make the point; the reader will say if they disagree.`,
});

export const convictionRules = [hedge, stackedHedges, uncertainClaim, permissionSeeking];
