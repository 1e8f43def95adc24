// Ownership: say who decided and who is accountable; no hiding behind process, consensus or other teams.
import type { BlockRule } from '../engine/rule.js';
import { docPath } from '../engine/rule.js';
import { passivesInWords } from '../engine/passive.js';
import { matchList, replaceEdit, listRule, quoteText } from './util.js';

const hiddenActor: BlockRule = {
  id: 'ownership/hidden-actor',
  dimension: 'ownership',
  title: 'Passive voice hides who decided or who failed',
  severity: 'warning',
  doc: docPath('ownership/hidden-actor'),
  scope: 'block',
  check(input, out) {
    const participles = input.rubric.lists.decisionParticiples;
    for (const s of input.sentences) {
      for (const p of passivesInWords(s.words, s.text, s.start)) {
        if (!p.agentless) continue;
        // Only passives about decisions and failures: "the launch was delayed", "it was decided".
        if (participles.matchAt(s.words, p.participle) === 0) continue;
        const aux = s.words[p.aux];
        const part = s.words[p.participle];
        out.push({
          rule: this.id,
          start: aux.start,
          end: part.end,
          message: `"${quoteText(input.text, aux.start, part.end)}" does not say who ${part.lower === 'decided' || part.lower === 'agreed' ? 'made the call' : 'did it'}. Name the owner: executives look for accountability, and a missing subject reads as avoiding it.`,
          fixes: [{ title: `Name the owner: "${part.text} by [owner]"`, safe: false, edits: [{ start: part.end, end: part.end, newText: ' by [owner]' }] }],
        });
      }
    }
  },
};

const NEGATIONS = new Set(['not', "won't", "don't", "didn't", 'never', 'without', "can't", 'cannot', 'no']);
const CLAUSE_START = new Set(['that', 'we', 'it', 'this', 'the', 'our', 'they', 'there', 'a', 'an', 'i', 'you']);

const consensusDeferral: BlockRule = {
  id: 'ownership/consensus-deferral',
  dimension: 'ownership',
  title: 'Deferring to consensus instead of deciding',
  severity: 'warning',
  doc: docPath('ownership/consensus-deferral'),
  scope: 'block',
  check(input, out) {
    for (const m of matchList(input, 'consensusDeferral')) {
      const words = m.sentence.words;
      // "We will not wait for alignment" refuses to defer.
      if (words.slice(Math.max(0, m.from - 3), m.from).some((w) => NEGATIONS.has(w.lower))) continue;
      // "The team feels strongly about quality" describes the team; "the team feels (that) we…" defers to it.
      if (/^the (team|group) (feels|thinks|believes)$/.test(m.phrase) && !CLAUSE_START.has(words[m.to]?.lower ?? '')) continue;
      const teamView = /^the (team|group) (feels|thinks|believes)$/.test(m.phrase);
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
        fixes: teamView ? [{ title: 'Own it: "I recommend"', safe: false, edits: [replaceEdit(input.text, m.start, thatEnd, shouldAfterWe ? 'I recommend we' : 'I recommend')] }] : [],
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
  message: (p) => `"${p}" points at someone else. Say what happened, what you own in it, and what you are doing next; the reader will judge the rest.`,
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
