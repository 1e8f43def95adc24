// Passive voice: a form of "be" or "get", up to two adverbs, then a past participle. Adjectival uses ("we are
// excited", "the team is based in Berlin", "these are known issues", "there are planned outages"), perfect
// tenses ("we have decided", "it's taken three weeks") and idioms ("get started", "got rid of") are not passives.
// The participles and the closed-class words around them are data (rubrics/data/participles.json, passive.json).
import data from '../../../rubrics/data/participles.json';
import closedClass from '../../../rubrics/data/passive.json';
import { segmentSentences, type Word } from '../core/sentences.js';

const BE = new Set(closedClass.be);
const GET = new Set(closedClass.get);
const IRREGULAR = new Set(data.irregular);
const ADJECTIVAL = new Set(data.adjectival);
const NOT_PARTICIPLES = new Set(data.notParticiples);
// Nonstandard English uses some simple-past forms as participles: "he was spoke to", "it was wrote up".
const PRETERITES = new Set(data.preterites);
// Verbs whose passive takes a bare noun after the participle: "was given permission", "were called elephants".
const BARE_OBJECT = new Set(data.bareObject);
/** What /^\d/ matches: a figure ("20%", "2x") measures or opens a noun phrase as the words do. */
const startsWithDigit = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
};
const BETWEEN = new Set(closedClass.between);
// "delayed by two weeks" / "by 20%": a measure, not an agent.
const MEASURE = new Set(closedClass.measure);
const isMeasure = (w: string): boolean => startsWithDigit(w) || MEASURE.has(w);
const PARTICLES = new Set(closedClass.particles);
// "get started", "got rid of", "get used to": idioms, not passives.
const GET_IDIOMS = new Set(closedClass.getIdioms);
// Words that open a noun phrase: after "it's <participle>" they make it a perfect ("it's taken three weeks").
const OBJECT_START = new Set(closedClass.objectStart);
const opensObject = (w: string): boolean => startsWithDigit(w) || OBJECT_START.has(w);
// Words ending in -s that are not plural nouns.
const NOT_PLURAL = new Set(closedClass.notPlural);

const NOT_NOUN = new Set(closedClass.notNoun);

export interface PassiveSpan {
  /** Word indices: the auxiliary and the participle. */
  aux: number;
  participle: number;
  /** An agent ("by …") follows within the clause. */
  agentless: boolean;
}

function isParticiple(w: string, contracted: boolean): boolean {
  if (IRREGULAR.has(w)) return true;
  if (NOT_PARTICIPLES.has(w)) return false;
  // "it's took" is "it has took": only a full "was"/"is" makes a preterite passive.
  if (PRETERITES.has(w)) return !contracted;
  // Four letters covers "used", "owed", "tied", "sued" ("need", "feed", "seed" are in NOT_PARTICIPLES).
  return w.length >= 4 && w.endsWith('ed');
}

/** Splits contractions the word segmenter keeps whole ("it's" → aux). */
function auxOf(lower: string): boolean {
  return BE.has(lower) || lower.endsWith("'s") || lower.endsWith("'re");
}

/** A lowercase plural-looking content word: "issues", "partners" (not "always", "across", "status", "Mondays"). */
function pluralNoun(word: Word): boolean {
  const w = word.lower;
  return w.length >= 4 && w.endsWith('s') && !/(?:ss|us|is|'s)$/.test(w) && !NOT_PLURAL.has(w) && /^[a-z][a-z-]*$/.test(word.text);
}

/** A word that can open the noun after an existential participle ("there are planned outages"), not an adverb or preposition. */
function startsNoun(word: Word): boolean {
  const w = word.lower;
  return /^[a-z]/.test(word.text) && !w.endsWith('ly') && !NOT_NOUN.has(w);
}

/**
 * Passives among a sentence's words. `text` (masked, absolute offsets as the words) lets a comma or other
 * punctuation between auxiliary and participle break the pair ("whoever they were, signed").
 */
export function passivesInWords(words: readonly Word[], text?: string, base = 0): PassiveSpan[] {
  const out: PassiveSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i].lower;
    const isGet = GET.has(w);
    if (!isGet && !auxOf(w)) continue;
    // "'s" after a noun is usually possessive; only pronoun contractions count.
    if (w.endsWith("'s") && !BE.has(w)) continue;
    const contracted = w.endsWith("'s");
    let j = i + 1;
    let skipped = 0;
    while (
      j < words.length &&
      skipped < 2 &&
      (BETWEEN.has(words[j].lower) || (words[j].lower.endsWith('ly') && words[j].lower.length > 3))
    ) {
      j++;
      skipped++;
    }
    if (j >= words.length) continue;
    const p = words[j].lower;
    if (!isParticiple(p, contracted)) continue;
    if (text !== undefined && /[^\s\p{L}\p{N}'’-]/u.test(text.slice(words[i].end - base, words[j].start - base))) continue;
    // `joined`: no punctuation between the participle and the next word ("released, the team" is not joined).
    const next = words[j + 1]?.lower;
    const joined =
      next !== undefined && (text === undefined || !/[^\s'’-]/u.test(text.slice(words[j].end - base, words[j + 1].start - base)));
    let agent = -1;
    for (let k = j + 1; k < Math.min(words.length, j + 8); k++) {
      // "delayed by two weeks" / "by 20%" measures; "by the CFO" names the agent.
      if (words[k].lower === 'by' && !isMeasure(words[k + 1]?.lower ?? '')) {
        agent = k;
        break;
      }
    }
    const before = words[i - 1]?.lower;
    if (agent < 0) {
      if (isGet && GET_IDIOMS.has(p)) continue;
      // "we are used to late nights" / "are used to working late": "used to" as "accustomed to".
      if (p === 'used' && next === 'to' && joined) {
        const after = words[j + 2]?.lower ?? '';
        if (after.endsWith('ing') || opensObject(after) || PEOPLE.has(before ?? '') || w === "i'm" || w.endsWith("'re")) continue;
      }
      // "It is understood that …", "it has been determined that …": an extraposed clause makes even an
      // adjective-like participle a passive.
      const extraposed = next === 'that' && p !== 'gone' && (w === "it's" || itSubject(words, i));
      // "It's taken three weeks", "she's written the spec": after a contracted "'s", an object means "has".
      if (contracted && joined && !extraposed && opensObject(next)) continue;
      if (ADJECTIVAL.has(p) && !extraposed) continue;
      // "are moved over", "was passed along": a phrasal verb describing a state of things, not a decision.
      // Only a particle that ends its phrase: "tracked across teams" is a preposition and still a passive.
      if (next !== undefined && PARTICLES.has(next) && !isGet && particleEnds(words, j + 1, text, base)) continue;
      if (joined && !isGet) {
        // "There are planned outages": in an existential sentence the participle describes the noun that
        // follows, unless it raises ("there are expected to be delays").
        if ((w === "there's" || before === 'there') && startsNoun(words[j + 1])) continue;
        // "These are known issues", "they are trusted partners": a participle before a plural noun is an
        // adjective, unless the verb takes a bare object in the passive ("were given tickets").
        if (pluralNoun(words[j + 1]) && !BARE_OBJECT.has(p) && before !== 'what' && before !== 'whatever') continue;
      }
    }
    out.push({ aux: i, participle: j, agentless: agent < 0 });
    i = j;
  }
  return out;
}

const PEOPLE = new Set(closedClass.people);
const AFTER_PARTICLE = new Set(closedClass.afterParticle);

/** The particle at k ends its phrase: the sentence ends, punctuation follows, or a clause word does. */
function particleEnds(words: readonly Word[], k: number, text: string | undefined, base: number): boolean {
  const after = words[k + 1];
  if (after === undefined) return true;
  if (text !== undefined && /[^\s'’-]/u.test(text.slice(words[k].end - base, after.start - base))) return true;
  return AFTER_PARTICLE.has(after.lower);
}

const IT_AUX = new Set(closedClass.itAux);

/** "It" is the subject of the auxiliary at i, with only auxiliaries and adverbs between ("it has been …"). */
function itSubject(words: readonly Word[], i: number): boolean {
  for (let k = i - 1, n = 0; k >= 0 && n < 4; k--, n++) {
    const w = words[k].lower;
    if (w === 'it') return true;
    if (w === "it'll" || w === "it'd" || w === "it's") return true;
    if (!IT_AUX.has(w)) return false;
  }
  return false;
}

/** Passive spans in plain prose (used by the evaluation and tests): offsets into text. */
export function findPassives(text: string): Array<{ start: number; end: number; agentless: boolean }> {
  const out: Array<{ start: number; end: number; agentless: boolean }> = [];
  for (const s of segmentSentences(text, 0)) {
    for (const p of passivesInWords(s.words, text, 0))
      out.push({ start: s.words[p.aux].start, end: s.words[p.participle].end, agentless: p.agentless });
  }
  return out;
}
