// Ownership: say who decided and who is accountable; no hiding behind process, consensus or other teams.
import type { BlockRule } from './rule.js';
import { docPath } from './rule.js';
import { passivesInWords } from './passive.js';
import { matchList, replaceEdit, listRule, quoteText, sentenceTemplate } from './util.js';
import { anyWord, clauseAround, isNegation, isPossibility, isWriterSubject, subordinateBefore } from './clause.js';
import type { Sentence } from '../core/sentences.js';
// The closed-class words read around a passive or a deferral are data (rubrics/data/ownership.json).
import data from '../../../rubrics/data/ownership.json';

const DECISION_NOUNS = new Set(data.decisionNouns);
// Participles that report a judgment ("it was decided", "this is often felt"): the call itself, whoever made it.
const JUDGMENT = new Set(data.judgmentParticiples);
/** The calls themselves, for the message; the rest of decisionParticiples are refusals ("denied", "turned down"). */
const CALLS = new Set([...JUDGMENT, 'recommended']);
// A present-tense auxiliary: "X is ignored", "are made up of" state how a thing works, not an event someone owns.
const PRESENT = new Set(data.present);
const CAUSE = new Set(data.cause);
const PERFECT_AUX = new Set(data.perfectAux);
const PAST = new Set(data.past);
const PRONOUNS = new Set(data.pronounSubjects);

/**
 * The passive reports something already done: "was denied", "were refused", "has been rejected". A refusal in
 * the future or as a rule ("will be rejected at publish time", "is declined when…") states how a process or a
 * system behaves, not a call someone made and is keeping quiet about.
 */
function reportedDone(words: readonly { lower: string }[], aux: number): boolean {
  const w = words[aux].lower;
  return PAST.has(w) || (w === 'been' && aux > 0 && PERFECT_AUX.has(words[aux - 1].lower));
}

/**
 * The agentless passive (aux, participle) in sentence s hides someone accountable. Not when: "made" has no
 * decision or mistake for its subject ("progress is being made", "can be made to work"); a modal makes it a
 * capability or possibility ("can be pushed to"); it sits in a condition or time clause ("when it's dropped");
 * the sentence asks; its subject is code (`.mode()` is ignored); it is a present-tense statement of how
 * something behaves ("the attributes get ignored"); or the reason follows ("was dropped because of…").
 */
function hidesActor(text: string, s: Sentence, aux: number, participle: number): boolean {
  const words = s.words;
  const part = words[participle].lower;
  const judgment = JUDGMENT.has(part);
  if (!judgment && !reportedDone(words, aux)) return false;
  if (part === 'made') {
    let subject = false;
    for (let k = aux - 1; k >= Math.max(0, aux - 4); k--) {
      if (!DECISION_NOUNS.has(words[k].lower)) continue;
      // "No technology decision is being made": no decision exists yet, so there is nobody to name.
      if (words.slice(Math.max(0, k - 3), k).some((w) => w.lower === 'no')) return false;
      subject = true;
    }
    if (!subject) return false;
  }
  if (s.text.trimEnd().endsWith('?')) return false;
  const [first] = clauseAround(words, text, aux, participle + 1);
  if (anyWord(words, first, aux, isPossibility)) return false;
  // "The peer must be stopped", "will never be moved": an instruction or a guarantee about how a thing behaves.
  if (
    words[aux].lower === 'be' &&
    (words[aux - 1]?.lower === 'must' || anyWord(words, aux - 2, participle - 1, (w) => w === 'never' || w === 'not'))
  )
    return false;
  if (subordinateBefore(words, text, aux)) return false;
  // A code span before the auxiliary is the subject: program behaviour, not a person's decision.
  if (text.slice(s.start, words[aux].start).includes('`')) return false;
  if (!judgment) {
    const progressive = anyWord(words, aux + 1, participle - 1, (w) => w === 'being' || w === 'been');
    const perfect = aux > 0 && PERFECT_AUX.has(words[aux - 1].lower);
    if (PRESENT.has(words[aux].lower) && !progressive && !perfect) return false;
    if (anyWord(words, participle + 1, participle + 6, (w) => CAUSE.has(w)) || anyWord(words, first, aux, (w) => w === 'why')) return false;
  }
  return true;
}

/**
 * The sentence opens by naming who acted, in the past: "The Steering Council discussed…". A passive
 * decision in it or in the next sentence ("…, it was decided that") then has its decider in plain view.
 */
function opensWithActor(text: string, s: Sentence): boolean {
  const words = s.words;
  // A named body, not "we": "We missed the date. It was decided late." still leaves the decider unsaid.
  let k = words[0]?.lower === 'the' ? 1 : 0;
  const from = k;
  while (k < words.length && k < from + 4 && /^\p{Lu}/u.test(words[k].text) && !PRONOUNS.has(words[k].lower)) k++;
  if (k === from) return false;
  const verb = words[k];
  if (!verb?.lower.endsWith('ed')) return false;
  return verb.start - words[k - 1].end <= 2 && !text.slice(s.start, verb.start).includes(',');
}

const hiddenActor: BlockRule = {
  id: 'ownership/hidden-actor',
  dimension: 'ownership',
  title: 'Passive voice hides who decided or who failed',
  // Reviewed by hand on real documents of six genres: 6 of 7 right once it is kept to decisions and refusals
  // (6 of 19 before, when it also took failures and changes: every one of those was judged wrong).
  severity: 'warning',
  doc: docPath('ownership/hidden-actor'),
  scope: 'block',
  check(input, out) {
    const participles = input.rubric.lists.decisionParticiples;
    for (let i = 0; i < input.sentences.length; i++) {
      const s = input.sentences[i]!;
      for (const p of passivesInWords(s.words, s.text, s.start)) {
        if (!p.agentless) continue;
        // Only passives that report a decision or a refusal: "it was decided", "the decision was made", "the
        // plan was denied". Reported changes and failures ("was moved", "was dropped", "will be ignored") were
        // judged wrong every time on real reports: the team is the obvious actor, or a system is.
        if (participles.matchAt(s.words, p.participle) === 0) continue;
        // An unresolved-questions section asks who should decide on purpose.
        if (input.role === 'unresolved' || !hidesActor(input.text, s, p.aux, p.participle)) continue;
        // Minutes name the decider once and go on: "The Steering Council discussed PEP 663 and … it was decided".
        if (opensWithActor(input.text, s) || (i > 0 && opensWithActor(input.text, input.sentences[i - 1]!))) continue;
        const aux = s.words[p.aux];
        const part = s.words[p.participle];
        out.push({
          rule: this.id,
          start: aux.start,
          end: part.end,
          message: `"${quoteText(input.text, aux.start, part.end)}" does not say who ${CALLS.has(part.lower) ? 'made the call' : 'refused'}. Name the owner: executives look for accountability, and a missing subject reads as avoiding it.`,
          fixes: [
            {
              title: `Name the owner: "${part.text} by [owner]"`,
              safe: false,
              edits: [{ start: part.end, end: part.end, newText: ' by [owner]' }],
            },
          ],
        });
      }
    }
  },
};

const CLAUSE_START = new Set(data.clauseStart);

const SKILL_BEFORE = new Set(data.skillBefore);

const TAKE_A_POSITION = sentenceTemplate(
  'Take a position: "Recommendation: … Decision by: …"',
  'Recommendation',
  '[your position]. Decision by: [date].',
);

const consensusDeferral: BlockRule = {
  id: 'ownership/consensus-deferral',
  dimension: 'ownership',
  title: 'Deferring to consensus instead of deciding',
  severity: 'warning',
  hollow: true,
  doc: docPath('ownership/consensus-deferral'),
  scope: 'block',
  check(input, out) {
    for (const m of matchList(input, 'consensusDeferral')) {
      const words = m.sentence.words;
      // "We will not wait for alignment" refuses to defer.
      if (words.slice(Math.max(0, m.from - 3), m.from).some((w) => isNegation(w.lower))) continue;
      // "the ability to build consensus", "how to reach alignment": a skill or a method named, not a decision put off.
      // (Up to two words between, for a coordinated verb: "the ability to draft and build consensus".)
      let skill = false;
      for (let k = Math.max(0, m.from - 4); k + 1 < m.from && !skill; k++)
        skill = SKILL_BEFORE.has(`${words[k].lower} ${words[k + 1].lower}`);
      if (skill) continue;
      // "The team feels strongly about quality" describes the team; "the team feels (that) we…" defers to it.
      if (/^the (team|group) (feels|thinks|believes)$/.test(m.phrase) && !CLAUSE_START.has(words[m.to]?.lower ?? '')) continue;
      const teamView = /^the (team|group) (feels|thinks|believes)$/.test(m.phrase);
      if (!teamView && TAKE_A_POSITION.answers(input, m.sentence)) continue;
      // "The team feels (that) we should" → "I recommend we".
      const w = m.sentence.words;
      let k = m.to;
      if (w[k]?.lower === 'that') k++;
      const shouldAfterWe = w[k]?.lower === 'we' && w[k + 1]?.lower === 'should';
      const thatEnd = shouldAfterWe ? w[k + 1].end : k > m.to ? w[m.to].end : m.end;
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message: `"${quoteText(input.text, m.start, m.end)}" waits for agreement instead of taking a position. State your recommendation and the date you will decide; invite objections rather than permission.`,
        fixes: teamView
          ? [
              {
                title: 'Own it: "I recommend"',
                safe: false,
                edits: [replaceEdit(input.text, m.start, thatEnd, shouldAfterWe ? 'I recommend we' : 'I recommend')],
              },
            ]
          : [TAKE_A_POSITION.fix(input.text, m.sentence)],
      });
    }
  },
};

const deflection = listRule({
  id: 'ownership/deflection',
  dimension: 'ownership',
  title: 'Deflecting blame',
  severity: 'warning',
  list: 'deflection',
  message: (p) =>
    `"${p}" points at someone else. Say what happened, what you own in it, and what you are doing next; the reader will judge the rest.`,
  template: sentenceTemplate('Add "Our part: … Next: …"', 'Our part', '[what we own in it]. Next: [what we do, by when].'),
  // "Our team is solely responsible and we dropped the ball": the writer as the subject owns the miss.
  skip: (m) => isWriterSubject(m.sentence.words[m.from - 1]?.lower ?? ''),
});

const weNotI: BlockRule = {
  id: 'ownership/we-not-i',
  dimension: 'ownership',
  title: '"We" where the story needs "I"',
  severity: 'off',
  doc: docPath('ownership/we-not-i'),
  scope: 'block',
  check(input, out) {
    for (const m of matchList(input, 'interviewWe')) {
      const we = m.sentence.words[m.from];
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message: `"${quoteText(input.text, m.start, m.end)}": the interviewer is assessing what you did. Say "I" for your own decisions and actions, and "we" only for the team's.`,
        fixes: [{ title: 'Say "I"', safe: false, edits: [replaceEdit(input.text, we.start, we.end, 'I')] }],
      });
    }
  },
};

export const ownershipRules = [hiddenActor, consensusDeferral, deflection, weNotI];
