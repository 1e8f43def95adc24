// Composure: calm, factual tone under pressure: no apologising, defending, shouting or exclamation marks.
import type { BlockRule } from './rule.js';
import type { SectionRole } from '../core/sectionRoles.js';
import type { Sentence } from '../core/sentences.js';
import { docPath } from './rule.js';
import { isWholePhrase, matchList, quotationTest, quoteText, removalEdits } from './util.js';
import { isNegation } from './clause.js';
// The words read around a match are data (rubrics/data/composure.json).
import data from '../../../rubrics/data/composure.json';

// Which apologies (sentence adverbs, dropped with their comma) and intensifiers (adverbs on the next word) can simply
// go are word lists, `droppableApologies` and `droppableIntensifiers`, so a rubric adding a phrase can say so too.

// "Unfortunately" and its kin sigh over a fact. In a status report that reads as defensive ("Unfortunately, the
// launch slipped"); in a section whose job is the problem (motivation, context, alternatives, drawbacks, open
// questions, the design) it is how a problem is explained ("Unfortunately, this design poses some problems").
// The same holds for the asides of an argument ("to be fair", "for what it's worth"); an apology is one anywhere.
const SIGHS = new Set(data.sighs);
/** Sections where stating a problem or conceding a point is the section's job. */
const PROBLEM_ROLES: ReadonlySet<SectionRole> = new Set(['background', 'alternatives', 'drawbacks', 'unresolved', 'proposal']);
/** Words before "unfortunately" that make it modify the next word ("an unfortunately named flag") or a typo for the adjective ("an unfortunately side effect"). */
const NOUN_PHRASE_OPENERS = new Set(data.nounPhraseOpeners);

function soundsDefensive(m: { sentence: Sentence; from: number }, role: SectionRole): boolean {
  const words = m.sentence.words;
  if (NOUN_PHRASE_OPENERS.has(words[m.from - 1]?.lower ?? '')) return false;
  return !PROBLEM_ROLES.has(role);
}

const apology: BlockRule = {
  id: 'composure/apology',
  dimension: 'composure',
  title: 'Apologising or defending',
  severity: 'warning',
  doc: docPath('composure/apology'),
  scope: 'block',
  check(input, out) {
    for (const m of matchList(input, 'apology')) {
      if (SIGHS.has(m.phrase) && !soundsDefensive(m, input.role)) continue;
      const removable = isWholePhrase(input.rubric.lists.droppableApologies, m) && (m.from === 0 || input.text[m.end] === ',');
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message: `"${quoteText(input.text, m.start, m.end)}" sounds defensive. State the facts and the next step; calm and plain reads as in control.`,
        fixes: removable
          ? [
              {
                title: `Drop "${quoteText(input.text, m.start, m.end)}"`,
                safe: true,
                edits: removalEdits(input.text, m.sentence, m.start, m.end),
              },
            ]
          : [],
        unnecessary: removable,
      });
    }
  },
};

// Adjective and participle endings, and the short adjectives "super" most often intensifies in business prose.
const ADJECTIVE_ENDING = /(?:ed|ing|y|ful|ive|ous|able|ible|ic|al|ant|ent|ar|less)$/;
const SHORT_ADJECTIVES = new Set(data.shortAdjectives);
const NOUN_INTENSIFIERS = new Set(data.nounIntensifiers);
const HYPERBOLE_OPENERS = new Set(data.hyperboleOpeners);
const looksAdjective = (w: string): boolean => SHORT_ADJECTIVES.has(w) || (w.length > 4 && ADJECTIVE_ENDING.test(w));

const ESTIMATES = new Set(data.estimates);
const RESTRICTIVE = new Set(data.restrictive);
const RESTRICTIVE_AFTER_ONLY = new Set(data.restrictiveAfterOnly);
const EXPOSITION: readonly SectionRole[] = ['background', 'proposal', 'alternatives', 'drawbacks', 'unresolved', 'appendix'];

const intensifier: BlockRule = {
  id: 'composure/intensifier',
  dimension: 'composure',
  title: 'Emotional intensifier',
  // Reviewed by hand on real documents of six genres: 27 of 28 right once labels, negated or estimated degrees
  // and argued sections are left alone (29 of 40 before).
  severity: 'information',
  doc: docPath('composure/intensifier'),
  scope: 'block',
  check(input, out) {
    for (const m of matchList(input, 'intensifiers')) {
      const next = m.sentence.words[m.to];
      // "super" only as an intensifier before an adjective ("super excited"), not as a prefix of a noun ("super
      // users", "super trait", "super powers") or in a name ("Super Bowl").
      if (m.phrase === 'super' && (!next || !looksAdjective(next.lower))) continue;
      // "a disaster", "a total nightmare" are hyperbole; "disaster recovery", "and disaster planning" name a field.
      if (NOUN_INTENSIFIERS.has(m.phrase) && !HYPERBOLE_OPENERS.has(m.sentence.words[m.from - 1]?.lower ?? '')) continue;
      // "not super familiar", "unlikely to be totally robust", "isn't even totally accurate": a negated
      // intensifier tones the claim down; "likely extremely rare" is an estimate of degree.
      const before = m.sentence.words.slice(Math.max(0, m.from - 3), m.from);
      if (before.some((w) => isNegation(w.lower) || w.lower === 'nor' || w.lower === 'unlikely' || ESTIMATES.has(w.lower))) continue;
      // "unless absolutely necessary", "only when strictly needed": the degree sets the bar a condition must clear.
      if (before.some((w, k) => RESTRICTIVE.has(w.lower) || (w.lower === 'only' && RESTRICTIVE_AFTER_ONLY.has(before[k + 1]?.lower ?? ''))))
        continue;
      // "(Super Healthy)", a title-case word inside a sentence: a label or a name someone else gave, not the writer's emotion
      // ("EXTREMELY" in capitals is shouting, and still flagged).
      if (m.from > 0 && /^\p{Lu}\p{Ll}/u.test(m.sentence.words[m.from].text)) continue;
      // Where a proposal or its background is argued ("this is extremely subtle"), degree words are exposition.
      if (EXPOSITION.includes(input.role)) continue;
      const removable = isWholePhrase(input.rubric.lists.droppableIntensifiers, m) && next !== undefined && next.start === m.end + 1;
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message: `"${quoteText(input.text, m.start, m.end)}" adds emotion, not information. Let the facts and numbers carry the weight.`,
        fixes: removable
          ? [
              {
                title: `Drop "${quoteText(input.text, m.start, m.end)}"`,
                safe: true,
                edits: removalEdits(input.text, m.sentence, m.start, m.end),
              },
            ]
          : [],
        unnecessary: removable,
      });
    }
  },
};

const EXPOSITION_ROLES: ReadonlySet<SectionRole> = new Set(['background', 'proposal']);
const COURTESY = new Set(data.courtesy);

/** The sentence ending at `at` thanks, welcomes or congratulates someone. */
function courteous(sentences: readonly Sentence[], at: number): boolean {
  const s = sentences.find((x) => x.start <= at && at <= x.end);
  return s?.words.some((w) => COURTESY.has(w.lower)) === true;
}

const exclamation: BlockRule = {
  id: 'composure/exclamation',
  dimension: 'composure',
  title: 'Exclamation mark',
  // Reviewed by hand on real documents of six genres: 8 of 12 findings right (8 of 13 before quotations were
  // skipped), below the 80% a rule needs to be on by default (see its page); a hint until it is.
  severity: 'hint',
  doc: docPath('composure/exclamation'),
  scope: 'block',
  kinds: ['paragraph', 'heading'],
  check(input, out) {
    const masked = input.block.masked;
    // Whole runs of marks, those with a "!" kept: the same matches as /[!?]*!+[!?]*/g, which backtracked
    // through every suffix of a long run of "?" (quadratic).
    const re = /[!?]+/g;
    let m: RegExpExecArray | null;
    let quoted: ((at: number) => boolean) | undefined;
    while ((m = re.exec(masked))) {
      if (!m[0].includes('!')) continue;
      const start = input.block.start + m.index;
      const end = start + m[0].length;
      // Only sentence punctuation: "!" followed by space or end, after a letter, digit or closing mark. Not in a
      // parenthetical aside ("(written in Python!)") or a title in link text ("[… and Community!](…)"): those
      // are asides and names, not the writer's tone. (Masked link text keeps its words; its brackets are in the source.)
      const after = input.text[end] ?? '';
      if (after === ')' || after === ']') continue;
      // Closing a quotation: someone else's words ("the compiler is not listening to me!"), not the writer's tone.
      if (after === '"' || after === '\u201d' || (quoted ??= quotationTest(masked))(m.index)) continue;
      if (!/^[\p{L}\p{N})"'”’]$/u.test(masked[m.index - 1] ?? '') || !/^[\s"'”’]?$/u.test(masked[m.index + m[0].length] ?? '')) continue;
      // Followed by a lowercase word or a figure, the mark ends no sentence: it is part of a name ("the useR!
      // conference", "useR! 2018"), and replacing it would change the name.
      if (/^\s+[\p{Ll}\p{N}]/u.test(masked.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
      // In a design's background or proposal, "!" marks a technical surprise in the exposition ("this code would
      // fail to compile!"); and thanks or a welcome take one by convention.
      if (EXPOSITION_ROLES.has(input.role) || courteous(input.sentences, start)) continue;
      const question = m[0].includes('?');
      out.push({
        rule: this.id,
        start,
        end,
        message:
          'An exclamation mark signals excitement or alarm. In an executive document, let the content make the case in an even tone.',
        fixes: [
          { title: question ? 'Replace with "?"' : 'Replace with "."', safe: true, edits: [{ start, end, newText: question ? '?' : '.' }] },
        ],
      });
    }
  },
};

const allCaps: BlockRule = {
  id: 'composure/all-caps',
  dimension: 'composure',
  title: 'ALL-CAPS emphasis',
  // Right 1 of 1 on the corpus and 1 of 4 outside it (the twelfth batch: an incident report's lesson in capitals and
  // "VERY late" as self-mockery in a community post, both debatable): 2 of 5 together, under the 80% a rule needs
  // to be on by default; a hint until it is.
  severity: 'hint',
  doc: docPath('composure/all-caps'),
  scope: 'block',
  check(input, out) {
    const emphasis = input.rubric.lists.capsEmphasis;
    for (const s of input.sentences) {
      const words = s.words;
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (!isCaps(w.text)) continue;
        let j = i;
        while (j + 1 < words.length && isCaps(words[j + 1].text)) j++;
        // Capitals are shouting when they carry an emphasis word ("DO NOT SHIP", "URGENT"); a run of acronyms
        // ("GDPR, HIPAA, CCPA") is not. Three or more capitalised words in a row with only spaces between them
        // read as a shouted phrase. (Most runs are one acronym: nothing is allocated to decide.)
        let emphatic = false;
        let long = false;
        let spaced = true;
        for (let k = i; k <= j; k++) {
          if (!emphatic && words[k].text.length >= 3 && emphasis.matchAt(words, k) > 0) emphatic = true;
          if (words[k].text.length >= 5) long = true;
          if (k > i && spaced && !/^\s+$/.test(input.text.slice(words[k - 1].end, words[k].start))) spaced = false;
        }
        const phrase = j - i + 1 >= 3 && spaced && long;
        // "(SHOULD/MUST)", "Clients MUST ignore…": the requirement keywords of a specification, not shouting.
        if ((!emphatic && !phrase) || specificationTerms(words, i, j, input.text)) {
          i = j;
          continue;
        }
        const run = words.slice(i, j + 1);
        const end = words[j].end;
        out.push({
          rule: this.id,
          start: w.start,
          end,
          message: `"${quoteText(input.text, w.start, end)}" in capitals reads as shouting. If it matters, say why it matters.`,
          fixes: [
            {
              title: 'Use normal case',
              safe: true,
              edits: run.map((x, k) => {
                const lower = x.text.toLowerCase();
                // The first word of a sentence keeps its capital.
                return { start: x.start, end: x.end, newText: i + k === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower };
              }),
            },
          ],
        });
        i = j;
      }
    }
  },
};

// The requirement keywords of RFC 2119, a term of art in specifications and conformance processes.
const REQUIREMENT_KEYWORDS = new Set(data.requirementKeywords);

// Subjects that make a capitalised "MUST" the writer raising their voice ("You MUST", "We MUST"), not a specification.
const SPEAKERS = new Set(data.speakers);
const SPEC_MODALS = new Set(data.specModals);

/**
 * A run of requirement keywords used as a specification's terms, not shouted: named, two or more joined by "/" or
 * "," ("SHOULD/MUST"); or the modal verb of a rule after a subject that is a thing or a role ("Clients MUST ignore
 * unknown names", "Implementations MAY omit…", RFC 2119's register).
 */
function specificationTerms(
  words: readonly { text: string; lower: string; start: number; end: number }[],
  i: number,
  j: number,
  text: string,
): boolean {
  for (let k = i; k <= j; k++) if (!REQUIREMENT_KEYWORDS.has(words[k].lower)) return false;
  for (let k = i + 1; k <= j; k++) if (/[/,]/.test(text.slice(words[k - 1].end, words[k].start))) return true;
  if (!SPEC_MODALS.has(words[i].lower)) return false;
  const subject = words[i - 1];
  const verb = words[j + 1];
  return subject !== undefined && verb !== undefined && !SPEAKERS.has(subject.lower) && /^\p{Ll}/u.test(verb.text);
}

function isCaps(word: string): boolean {
  // Most words start with a lowercase ASCII letter or a digit: answer those without the Unicode regex.
  const c = word.charCodeAt(0);
  if (word.length < 2 || (c < 128 && !(c >= 65 && c <= 90))) return false;
  // Capitalised words ("We", "Revenue") have a lowercase ASCII letter second.
  const d = word.charCodeAt(1);
  if (d >= 97 && d <= 122) return false;
  return /^\p{Lu}[\p{Lu}'’-]+$/u.test(word);
}

export const composureRules = [apology, intensifier, exclamation, allCaps];
