// Conviction: claims and recommendations stated plainly, without hedges; calibrated uncertainty is fine.
import type { BlockRule, BlockInput } from './rule.js';
import { docPath } from './rule.js';
import type { Fix } from '../engine/types.js';
import type { Sentence, Word } from '../core/sentences.js';
import type { SectionRole } from '../core/sectionRoles.js';
import { sentenceUncertainty, uncertainCue, UNCERTAINTY_THRESHOLD } from './uncertainty.js';
import { matchList, removalEdits, hasNumber, quoteText, type SentenceMatch, listRule, sentenceTemplate, isWholePhrase } from './util.js';
import { inParentheses, isWriterSubject } from './clause.js';
// The closed-class words the grammar checks read are data (rubrics/data/conviction.json); which hedges exist, drop
// or open with the writer's view are rubric word lists, read from the rubric of each analysis.
import data from '../../../rubrics/data/conviction.json';

// Words before "kind of" / "sort of" that make it a noun phrase ("a kind of tool"), not a hedge.
const KIND_OF_DETERMINERS = new Set(data.kindOfDeterminers);
// The hedges whose removal leaves the sentence intact are the `droppableHedges` word list, so a rubric that adds a
// hedge can say it may be dropped. Of those, `framingHedges` only frame the claim as the writer's view: dropping them
// keeps what is claimed, so Fix All may. The others say how likely or how far something is true ("probably",
// "somewhat", "ideally"): without them the sentence claims more, which only the writer can decide, so their fix is
// offered one at a time, never applied blind. The `opinionOpeners` ("I think", "we believe") opening a sentence are
// dropped with a "that" after them, safely: the sentence states what the writer thinks.
// Before "try to" / "attempt to", words that make it a commitment ("we will try to ship"), not a habit.
const COMMITMENT_BEFORE_TRY = new Set(data.commitmentBeforeTry);
// Before "try to", the words after which dropping it leaves a commitment that still reads ("we will ship").
const COMMIT_BEFORE_TRY_TO = new Set(data.commitBeforeTryTo);

/** A hedge's template, the calibrated estimate: "Confidence: [N%]; it depends on [what]." after the sentence calibrates it. */
const CONFIDENCE = sentenceTemplate('Add "Confidence: … it depends on …"', 'Confidence', '[N%]; it depends on [what].');

/** The sentence states calibrated uncertainty ("a 60% chance", "±5%", "between $2M and $3M", or a "Confidence:" after it). */
function calibrated(input: BlockInput, m: SentenceMatch): boolean {
  // Once per sentence: it is asked per hedge, and each answer scans the whole sentence.
  let known = input.memo?.get('conviction/calibrated') as Map<object, boolean> | undefined;
  if (!known) (input.memo ??= new Map()).set('conviction/calibrated', (known = new Map()));
  let c = known.get(m.sentence);
  if (c === undefined) {
    c =
      /±|\+\/-/.test(m.sentence.text) ||
      (hasNumber(input.text, m.sentence) && input.rubric.lists.calibration.test(m.sentence.words)) ||
      CONFIDENCE.answers(input, m.sentence);
    known.set(m.sentence, c);
  }
  return c;
}

// Sections where weighing, conceding or leaving open is the point: a hedge on a rejected option, a drawback or an
// unresolved question says how sure the writer is, which is what those sections are for.
const HEDGE_FREE_ROLES: ReadonlySet<SectionRole> = new Set<SectionRole>(['alternatives', 'unresolved', 'drawbacks', 'appendix']);
// Words that may stand between a subject and "trying to" / "may want to": auxiliaries and adverbs of time or manner.
const BETWEEN_SUBJECT_AND_VERB = new Set(data.betweenSubjectAndVerb);
const WRITER = new Set(data.writer);
// Hedges that say what the writer intends or wants: they hedge only when the writer is the one intending.
const INTENT_HEDGES = new Set(data.intentHedges);
// A likelihood adverb after a coordinator marks one item of a list as optional ("X, Y, and possibly Z"): it
// scopes the list, it does not hedge the claim.
const OPTIONAL_ITEM = new Set(data.optionalItem);
const COORDINATORS = new Set(data.coordinators);
// …or before a preposition, an optional means or circumstance: "perhaps by using a managed service", "possibly
// after merging a pull request".
const ADJUNCT_PREPOSITIONS = new Set(data.adjunctPrepositions);
// "Relatively" hedges when it plays down a cost or a risk ("the change is relatively small"); before other
// adjectives ("relatively new", "relatively static") it compares, which is a measure, not doubt.
const PLAYED_DOWN = new Set(data.playedDown);
// Opinion verbs inside a relative clause ("the issues that we believe…", "where we believe Rust has potential")
// qualify a noun phrase, not the sentence's claim.
const OPINIONS = new Set(data.opinions);
const RELATIVE_WORDS = new Set(data.relativeWords);
// Degree words before a comparative measure a difference ("somewhat more familiar"): that is calibration.
const DEGREE = new Set(data.degree);
const COMPARATIVES = new Set(data.comparatives);
// Adverbs of likelihood after a conditional modal rate the consequence of a hypothetical ("this would probably
// require…"); the writer is not hedging a position.
const LIKELIHOOD_ADVERBS = new Set(data.likelihoodAdverbs);
const CONDITIONAL = new Set(data.conditional);
// Opening a condition: a hedge inside "if it seems appropriate" qualifies the condition, not the claim.
const CONDITION_OPENERS = new Set(data.conditionOpeners);
// Verbs that put a proposal to the reader: "propose that we consider" hedges the proposal twice.
const PROPOSING = new Set(data.proposing);

/**
 * The writer ("I", "we") is the subject of the verb phrase that ends just before word `at`; with `advice`, the
 * reader too ("you may want to cut the price" is the writer's advice, hedged).
 */
function writerIsSubject(words: readonly Word[], at: number, advice: boolean): boolean {
  let k = at - 1;
  while (k >= 0 && BETWEEN_SUBJECT_AND_VERB.has(words[k].lower)) k--;
  // No subject at all ("Might want to cut the price."): the writer's own note.
  if (k < 0) return true;
  if (!(WRITER.has(words[k].lower) || (advice && words[k].lower === 'you'))) return false;
  // "what we are trying to model": a free relative names a goal, it is not a clause of its own.
  return words[k - 1]?.lower !== 'what';
}

/** The first character after `at`, past spaces, ends a clause. */
function clauseEndsAt(text: string, at: number): boolean {
  let k = at;
  while (text[k] === ' ' || text[k] === '\t') k++;
  return k < text.length && ',.;:)'.includes(text[k]);
}

/** A hedge the sentence's grammar shows to be no hedge of the writer's position. */
function notAHedge(input: BlockInput, m: SentenceMatch): boolean {
  const words = m.sentence.words;
  const before = words[m.from - 1]?.lower ?? '';
  const after = words[m.to]?.lower ?? '';
  if ((m.phrase === 'kind of' || m.phrase === 'sort of') && KIND_OF_DETERMINERS.has(before)) return true;
  if (INTENT_HEDGES.has(m.phrase)) {
    // "Attempting to run the command fails", "Trying to merge them, we found…": a gerund that opens the sentence is
    // its subject or a clause about an attempt, not a softened commitment.
    if (m.from === 0 && m.phrase.endsWith('ing to')) return true;
    // "Additional data may want to be logged": a passive wish hedges the spec whoever the subject is.
    const wish = m.phrase === 'may want to' || m.phrase === 'might want to';
    const passive = wish && after === 'be';
    if (!passive && !writerIsSubject(words, m.from, wish)) return true;
    // "try to" hedges a commitment ("we will try to ship"), not a habit ("we try to answer within a day").
    if ((m.phrase === 'try to' || m.phrase === 'tries to' || m.phrase === 'attempt to') && !COMMITMENT_BEFORE_TRY.has(before)) return true;
    // "the details we might want to store, …": the verb's object was moved out, so this is a relative clause.
    const verb = words[m.to];
    if (verb && !passive && clauseEndsAt(input.text, verb.end)) return true;
  }
  if (OPTIONAL_ITEM.has(m.phrase) && (COORDINATORS.has(before) || ADJUNCT_PREPOSITIONS.has(after))) return true;
  if (DEGREE.has(m.phrase) && COMPARATIVES.has(after)) return true;
  if (m.phrase === 'relatively' && !PLAYED_DOWN.has(after)) return true;
  // "What we hope to work on": a free relative names a thing, it states nothing. Nor does a question ("what is it
  // that we hope to achieve?"), unless the hedge opens it ("Maybe we should wait?" is a tentative proposal).
  if (before === 'what' || (m.from > 0 && m.sentence.text.trimEnd().endsWith('?'))) return true;
  if (OPINIONS.has(m.phrase)) {
    if (RELATIVE_WORDS.has(before)) return true;
    // "We believe this is because…": a guess at a cause, offered as one.
    for (let k = m.to; k < Math.min(words.length, m.to + 4); k++) if (words[k].lower === 'because') return true;
  }
  if (m.phrase === 'appear to' || m.phrase === 'appears to') {
    // "doesn't appear to have", "appear to have made the changes": a negated look, or an inference about what
    // someone else already did, is evidence stated at its strength.
    if (before === 'not' || before.endsWith("n't") || after === 'have') return true;
  }
  if (LIKELIHOOD_ADVERBS.has(m.phrase) && CONDITIONAL.has(before)) return true;
  if (CONDITION_OPENERS.has(before) && !m.phrase.startsWith('if ')) return true;
  // "We feel terrible about it", "I feel strongly that…": "feel" before a word that cannot open the clause it would
  // frame names a feeling (an apology, a strong view), not a softened one.
  if (m.phrase.endsWith(' feel') && words[m.to] && !opensFramedClause(words[m.to]!)) return true;
  if (m.phrase === 'we consider') return !(PROPOSING.has(before) || (before === 'that' && PROPOSING.has(words[m.from - 2]?.lower ?? '')));
  return false;
}

/** A word that can start the clause after "we feel": a subject, a noun phrase, "that", "like", or a name. */
function opensFramedClause(w: Word): boolean {
  const x = w.lower;
  return (
    isWriterSubject(x) ||
    OTHER_SUBJECTS.has(x) ||
    NOUN_PHRASE_START.has(x) ||
    OPENS_CLAUSE.has(x) ||
    FEEL_OPENS_VIEW.has(x) ||
    /^\p{Lu}/u.test(w.text)
  );
}
const FEEL_OPENS_VIEW = new Set(data.feelOpensView);

/** The block's hedges, in order; three rules ask, so it is computed once per block. Do not modify. */
function hedgeMatches(input: BlockInput): readonly SentenceMatch[] {
  const cached = input.memo?.get('conviction/hedges') as SentenceMatch[] | undefined;
  if (cached) return cached;
  const hedges = matchList(input, 'hedges');
  const tries = matchList(input, 'tryTo');
  if (hedges.length === 0 && tries.length === 0) return hedges;
  // Quoted text is someone else's voice; the roles above weigh options on purpose.
  if (input.block.quoted || HEDGE_FREE_ROLES.has(input.role)) return NONE;
  const all = [...hedges, ...tries].filter((m) => !notAHedge(input, m) && !calibrated(input, m));
  all.sort((a, b) => a.start - b.start);
  (input.memo ??= new Map()).set('conviction/hedges', all);
  return all;
}

const NONE: readonly SentenceMatch[] = [];

// What the hedge and stacked-hedge rules report: of the hedges above, those on the writer's own plan, commitment
// or position. Reviewed on real documents, a hedge on anything else (a guess about other people, a risk, a
// technical aside, a report of others' practice) was more often honest calibration than doubt.
// Other subjects: the hedge is about them, not the writer's plan.
const OTHER_SUBJECTS = new Set(data.otherSubjects);
// Words that open a clause of their own: a subject before them belongs to another clause.
const OPENS_CLAUSE = new Set(data.opensClause);
// A coordinator before one of these starts a new clause with its own subject ("and the team will probably…").
const NOUN_PHRASE_START = new Set(data.nounPhraseStart);
const CLAUSE_PUNCTUATION = /[,;:\u2013\u2014]|\s-\s/;
// How far back a clause's subject is looked for: a long sentence can hold thousands of hedges, and a subject
// more than this many words before its verb is not one a reader would connect to the hedge.
const SUBJECT_REACH = 25;
// A modal of possibility names an option still open ("we could potentially move", "we may want to upgrade the
// lint"), not a plan the writer softens.
const POSSIBILITY_MODALS = new Set(data.possibilityModals);
const POSSIBILITY_HEDGES = new Set(data.possibilityHedges);
// Hedges that frame what follows as the writer's view: the `opinionOpeners` word list, and these. (Not the whole
// `framingHedges` list: it says a drop is safe, not where the hedge stands; "we will, all being well, ship" is a
// framing hedge a rubric may add, and still the writer's own.)
const VIEW_FRAMES = new Set(data.viewFrames);

// Relative words: "I" or "we" after one is the subject of a relative clause, which describes a noun ("the flakiness,
// which we are trying to track down"); the sentence's claim is elsewhere.
const RELATIVE = new Set(data.relative);

/**
 * "I" or "we" at word `k` is the subject of the hedge at word `at`, not of a relative clause: not after "which" or
 * "who"; after "that" only when no more than auxiliaries and adverbs stand between ("that we will probably ship"
 * is a clause of its own, "the clients that we own grow more or less organically" is not the writer's).
 */
function subjectOfMainClause(words: readonly Word[], k: number, at: number): boolean {
  const before = words[k - 1]?.lower ?? '';
  if (RELATIVE.has(before)) return false;
  if (before !== 'that') return true;
  for (let j = k + 1; j < at; j++) if (!BETWEEN_SUBJECT_AND_VERB.has(words[j].lower)) return false;
  return true;
}

/** The subject of the clause holding the hedge at words [at, to) is "I" or "we". */
function writerSubjectBefore(input: BlockInput, words: readonly Word[], at: number, to: number): boolean {
  const { text } = input;
  // A hedge set off by commas, or trailing after one, belongs to the clause before it: "We will, hopefully,
  // ship", "We will ship in May, hopefully."
  const setOff = to >= words.length || CLAUSE_PUNCTUATION.test(text.slice(words[to - 1].end, words[to].start));
  for (let k = at - 1; k >= 0 && k >= at - SUBJECT_REACH; k--) {
    // Parentheses are an aside inside the clause ("Github Issues (starting with cordova-docs) to perhaps…").
    if (!(setOff && k === at - 1) && CLAUSE_PUNCTUATION.test(text.slice(words[k].end, words[k + 1].start))) return false;
    const w = words[k].lower;
    if (isWriterSubject(w)) return subjectOfMainClause(words, k, at);
    if (OTHER_SUBJECTS.has(w) || OPENS_CLAUSE.has(w)) return false;
    if ((w === 'and' || w === 'or') && NOUN_PHRASE_START.has(words[k + 1].lower)) return false;
  }
  return false;
}

// "We hope this adequately explains…", "I hope that helps": a hope that the text itself serves its reader is a
// courtesy, not doubt about a plan ("we hope this works" is still one).
const TEXT_VERBS = new Set(data.textVerbs);
const THE_TEXT = new Set(['this', 'that', 'it']);
function hopesTextServes(words: readonly Word[], to: number): boolean {
  let k = to;
  // "that" is the conjunction when "this" or "it" follows ("I hope that this helps"), else the text itself.
  if (words[k]?.lower === 'that' && (words[k + 1]?.lower === 'this' || words[k + 1]?.lower === 'it')) k++;
  if (!THE_TEXT.has(words[k]?.lower ?? '')) return false;
  k++;
  if (words[k]?.lower.endsWith('ly')) k++;
  return TEXT_VERBS.has(words[k]?.lower ?? '');
}

/**
 * A hedge that opens the sentence, set off by a comma, before "I" or "we": "Hopefully, we'll continue working
 * together", "If possible, we'd like this to be…". In the review, a courtesy or a personal wish: neither the
 * writer's plan hedged nor a claim about the world qualified.
 */
function courtesyOpener(input: BlockInput, m: SentenceMatch): boolean {
  return m.from === 0 && opensBeforeWriter(m) && setOffAfter(input, m);
}
/** The word right after the hedge is "I" or "we". */
const opensBeforeWriter = (m: SentenceMatch): boolean => isWriterSubject(m.sentence.words[m.to]?.lower ?? '');
/** A comma or other clause punctuation follows the hedge (the caller knows a word does). */
const setOffAfter = (input: BlockInput, m: SentenceMatch): boolean =>
  CLAUSE_PUNCTUATION.test(input.text.slice(m.sentence.words[m.to - 1].end, m.sentence.words[m.to].start));

/** A hedge on the writer's own plan, commitment or position: "we should probably", "we'll try to", "we hope to". */
function writersOwn(input: BlockInput, m: SentenceMatch): boolean {
  const words = m.sentence.words;
  if (/\bhope$/.test(m.phrase) && hopesTextServes(words, m.to)) return false;
  const before = words[m.from - 1];
  // "May" capitalised inside a sentence is the month.
  if (POSSIBILITY_HEDGES.has(m.phrase) || (before && POSSIBILITY_MODALS.has(before.lower) && before.text === before.lower)) return false;
  if (VIEW_FRAMES.has(m.phrase) || isWholePhrase(input.rubric.lists.opinionOpeners, m)) {
    // "I think we should", "we believe we have arrived at that point": the view is about the writer's own plan.
    // "I believe the pandemic has had an effect", "we believe the benefits outweigh them" mark a view as a view.
    // A trailing "…, I think." frames the clause before it.
    if (m.to >= words.length) return isWriterSubject(words[0].lower);
    // "I think (that) (maybe) we should": past "that" and a second hedge, which is counted on its own.
    let k = m.to;
    if (words[k].lower === 'that') k++;
    if (words[k] && OPTIONAL_ITEM.has(words[k].lower)) k++;
    return words[k] !== undefined && isWriterSubject(words[k].lower);
  }
  // "we hope to", "I'm not sure": the writer is in the phrase.
  if (isWriterSubject(words[m.from].lower)) return subjectOfMainClause(words, m.from, m.from);
  // "Maybe we should ship": a hedge that opens the sentence, right before "I" or "we". Set off by a comma it
  // comments on the whole sentence: a courtesy or a personal wish (courtesyOpener).
  if (m.from === 0) return opensBeforeWriter(m) && !setOffAfter(input, m);
  return writerSubjectBefore(input, words, m.from, m.to);
}

/** The hedges the hedge and stacked-hedge rules report: the writer's own. */
function reportedHedges(input: BlockInput): readonly SentenceMatch[] {
  const all = hedgeMatches(input);
  if (all.length === 0) return all;
  const cached = input.memo?.get('conviction/reported-hedges') as SentenceMatch[] | undefined;
  if (cached) return cached;
  const own = all.filter((m) => writersOwn(input, m));
  (input.memo ??= new Map()).set('conviction/reported-hedges', own);
  return own;
}

/** A hedge's fixes: dropping it where that keeps the sentence whole, else the calibrated-estimate template. */
function fixesFor(input: BlockInput, m: SentenceMatch): Fix[] {
  const drop = dropFixes(input, m);
  return drop.length > 0 ? drop : [CONFIDENCE.fix(input.text, m.sentence)];
}

/** Dropping the hedge, where the sentence reads whole without it; none otherwise. */
function dropFixes(input: BlockInput, m: SentenceMatch): Fix[] {
  const { text } = input;
  const s = m.sentence;
  const { lists } = input.rubric;
  if (m.from === 0 && isWholePhrase(lists.opinionOpeners, m)) {
    // "I think (that) we should" → "We should".
    const skipThat = s.words[m.to]?.lower === 'that' ? 1 : 0;
    const endWord = s.words[m.to - 1 + skipThat];
    return [
      { title: `Drop "${quoteText(text, m.start, m.end)}" and state it`, safe: true, edits: removalEdits(text, s, m.start, endWord.end) },
    ];
  }
  if (isWholePhrase(lists.droppableHedges, m))
    return [
      {
        title: `Drop "${quoteText(text, m.start, m.end)}"`,
        safe: isWholePhrase(lists.framingHedges, m),
        edits: removalEdits(text, s, m.start, m.end),
      },
    ];
  // It turns an attempt into a commitment: the writer's call, never Fix All's.
  if (m.phrase === 'try to' && COMMIT_BEFORE_TRY_TO.has(s.words[m.from - 1]?.lower ?? '')) {
    return [{ title: 'Commit: drop "try to"', safe: false, edits: removalEdits(text, s, m.start, m.end) }];
  }
  return [];
}

const hedge: BlockRule = {
  id: 'conviction/hedge',
  dimension: 'conviction',
  title: 'Hedged claim',
  // Reviewed by hand on real documents of six genres: 16 of the 19 findings it still reports are right (84%).
  severity: 'warning',
  doc: docPath('conviction/hedge'),
  scope: 'block',
  check(input, out) {
    const matches = reportedHedges(input);
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

// The hedges conviction/hedge leaves out because they are not the writer's own plan or position ("Maybe the
// cache is stale", "this could potentially move"): often honest calibration in design prose, sometimes a claim the
// writer could state plainly. Reviewed, far fewer than 80% were weaknesses worth an underline, so it is a hint; the
// score still counts them, so hedging five plain sentences costs points. It speaks only where the uncertainty
// scorer reads the whole sentence as more likely uncertain than not: a lone "may" in a plainly technical sentence
// ("the call may fail if the socket closes") is calibration, not a claim in doubt. Reviewed, the sentences below
// that line were 8 right of 49 (16%), those above it 10 of 24.
const QUALIFIED_CLAIM_MIN_UNCERTAINTY = 0.5;
const qualifiedClaim: BlockRule = {
  id: 'conviction/qualified-claim',
  dimension: 'conviction',
  title: 'Qualified claim',
  severity: 'hint',
  doc: docPath('conviction/qualified-claim'),
  scope: 'block',
  check(input, out) {
    const all = hedgeMatches(input);
    if (all.length === 0) return;
    const own = new Set(reportedHedges(input));
    const seen = new Set<number>();
    for (const m of all) {
      if (own.has(m) || seen.has(m.sentence.start)) continue;
      // A courtesy opener, and an aside in parentheses ("(possibly within Apache Arrow)"): not the claim.
      if (courtesyOpener(input, m) || inParentheses(input.text, m.start, m.end, m.sentence.start, m.sentence.end)) continue;
      seen.add(m.sentence.start);
      // A hedge that opens the sentence ("Maybe the cache is stale", "I think it ships in May") qualifies all of it.
      if (m.from > 0 && sentenceUncertainty(m.sentence.words) < QUALIFIED_CLAIM_MIN_UNCERTAINTY) continue;
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message: `"${quoteText(input.text, m.start, m.end)}" qualifies this claim. If you know, say it plainly; if you don't, give the estimate or what it depends on.`,
        // Offered, never applied by Fix All: a claim about the world stated plainly claims more.
        fixes: fixesFor(input, m).map((f) => ({ ...f, safe: false })),
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
    const matches = reportedHedges(input);
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
      const fixes = group.map((m) => dropFixes(input, m));
      const all: Fix[] =
        fixes.every((f) => f.length > 0) && !overlaps(fixes.map((f) => f[0]))
          ? [{ title: 'Drop every hedge in this sentence', safe: fixes.every((f) => f[0].safe), edits: fixes.flatMap((f) => f[0].edits) }]
          : [CONFIDENCE.fix(input.text, first.sentence)];
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
const QUANTITY_CUES = new Set(data.quantityCues);
// Who holds a view, named only vaguely: "critics", "experts", "people".
const VAGUE_HOLDERS = new Set(data.vagueHolders);
// Participles that report a view without its holder when passive: "is considered", "was believed".
const ATTRIBUTING = new Set(data.attributing);
// Not "be": "can be considered components of…" is the writer offering a classification, not reporting a view.
const BE = new Set(data.beforeAttributing);
// What attributionCue's cue must be, one or the other: a sentence with neither needs no scoring.
const ATTRIBUTION_WORDS = new Set([...VAGUE_HOLDERS, ...ATTRIBUTING]);
// Words that open the condition of a definition after a reporting verb.
const CRITERION = new Set(data.criterionOpeners);

/**
 * The scorer's cue is an attribution: a vaguely named holder ("experts"), or a passive reporting verb ("is
 * considered", "was believed") with no "by" naming who. Other cues ("might", "would", "seems") are the writer's
 * own hedges — owned, and the hedge rule's to judge — or no cue at all ("which", "this").
 */
function attributionCue(words: readonly Word[], cue: number): boolean {
  const w = words[cue].lower;
  if (VAGUE_HOLDERS.has(w)) return true;
  if (!ATTRIBUTING.has(w) || !BE.has(words[cue - 1]?.lower ?? '')) return false;
  // "is not considered a large cluster by Kubernetes": the agent names the holder.
  return (
    !words.slice(cue + 1).some((x, i, rest) => x.lower === 'by' && /^\p{Lu}/u.test(rest[i + 1]?.text ?? '')) &&
    !setsCriterion(words, cue + 1)
  );
}

/**
 * "A class is considered public if it is…": a condition after the reporting verb makes it a criterion the writer
 * sets, not a view reported ("if not" is a claim's idiom: "considered one of the best, if not the best").
 */
function setsCriterion(words: readonly Word[], from: number): boolean {
  for (let i = from; i < words.length; i++) if (CRITERION.has(words[i]!.lower) && words[i + 1]?.lower !== 'not') return true;
  return false;
}

// Words that set the writer's own finding against a claim just reported: "…allegedly supports it, but we could not…".
const CONTRAST = new Set(data.contrast);

/**
 * The claim reported at words before `to` has its owner after all: the sentence links to where it is made ("Divio
 * [allegedly supports …](https://support.divio.com/…)"), or sets the writer's own finding against it ("…, but we
 * were not able to get it running").
 */
function weighedByWriter(text: string, s: Sentence, to: number): boolean {
  const words = s.words;
  const after = words[to]?.start ?? s.end;
  if (/\]\(|https?:\/\//.test(text.slice(after, s.end))) return true;
  let contrast = false;
  for (let k = to; k < words.length; k++) {
    if (contrast && isWriterSubject(words[k].lower)) return true;
    contrast ||= CONTRAST.has(words[k].lower);
  }
  return false;
}

const uncertainClaim: BlockRule = {
  id: 'conviction/unowned-claim',
  dimension: 'conviction',
  title: 'Claim nobody stands behind',
  // Reviewed by hand on real documents of six genres: 0 of 25 findings right, below the 80% a rule
  // needs to be on by default (see its page); a hint until it is.
  severity: 'hint',
  doc: docPath('conviction/unowned-claim'),
  scope: 'block',
  check(input, out) {
    if (input.block.quoted || HEDGE_FREE_ROLES.has(input.role)) return;
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
    for (let i = 0; i < weasels.length; i++)
      if (!attributions?.has(weasels[i].sentence)) (attributions ??= new Map()).set(weasels[i].sentence, weasels[i]);
    for (const s of input.sentences) {
      if (s.words.length < 4 || taken?.has(s)) continue;
      const attribution = attributions?.get(s);
      let start: number;
      let end: number;
      if (attribution) {
        // Only a reporting verb sets a criterion: "Some say it doubles if rates fall" still reports a view.
        const reporting = s.words.slice(attribution.from, attribution.to).some((w) => ATTRIBUTING.has(w.lower));
        if (reporting && setsCriterion(s.words, attribution.to)) continue;
        if (weighedByWriter(input.text, s, attribution.to)) continue;
        start = attribution.start;
        end = attribution.end;
      } else {
        // Vague amounts are the quantified family's to report: the sentence must read as an unowned claim
        // without them ("_" is a word the scorer does not know).
        if (!s.words.some((w) => ATTRIBUTION_WORDS.has(w.lower))) continue;
        const cue = uncertainCue(s.words, QUANTITY_CUES, UNCERTAINTY_THRESHOLD);
        if (cue < 0 || !attributionCue(s.words, cue) || NAMES_A_SOURCE.test(s.text)) continue;
        if (/±|\+\/-/.test(s.text) || (hasNumber(input.text, s) && input.rubric.lists.calibration.holds(s))) continue;
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

export const convictionRules = [hedge, qualifiedClaim, stackedHedges, uncertainClaim, permissionSeeking];
