// Tradeoffs: a recommendation says what it costs or what it gives up; nothing is "all upside".
import type { SectionRole } from '../core/sectionRoles.js';
import { CONTENT_WORDS, subtreeWords } from './sections.js';
import type { BlockRule, DocInput, DocRule } from './rule.js';
import { docPath } from './rule.js';
import type { Word } from '../core/sentences.js';
import type { PhraseList } from '../core/phrases.js';
import { matchList, quoteText, sentenceTemplate } from './util.js';
import { negatedBefore } from './clause.js';
// The words read around a cost word or a "no downside" claim are data (rubrics/data/tradeoffs.json).
import data from '../../../rubrics/data/tradeoffs.json';

// A section of these roles anywhere in the document (Drawbacks, Risks, Consequences, Alternatives, Options, Non-goals…)
// states the tradeoffs for every recommendation in it, when something is written under it.
const TRADEOFF_ROLES: readonly SectionRole[] = ['drawbacks', 'alternatives', 'options'];
const NOT_THE_CALL: readonly SectionRole[] = ['background', 'appendix', 'alternatives', 'metadata'];
const RESTATING: readonly SectionRole[] = ['summary', 'nextSteps'];

const unstated: DocRule = {
  id: 'tradeoffs/unstated',
  dimension: 'tradeoffs',
  title: 'Recommendation with no tradeoff',
  severity: 'warning',
  doc: docPath('tradeoffs/unstated'),
  scope: 'document',
  check(input, out) {
    const { doc } = input;
    // A Drawbacks, Consequences or Alternatives section states the tradeoff, when something is written under it:
    // a heading alone, or "None.", states nothing.
    if (doc.sections.some((s, i) => s.heading >= 0 && TRADEOFF_ROLES.includes(s.role) && subtreeWords(input, i) >= CONTENT_WORDS)) return;
    // A summary or the next steps restate the proposal; its tradeoff may be argued anywhere in the body (a Go
    // proposal's Abstract, with the alternative it rejected under Rationale).
    let statedAnywhere: boolean | undefined;
    const stated = (): boolean => (statedAnywhere ??= doc.blocks.some((blk, i) => !blk.quoted && namesTradeoff(input, i)));
    for (const section of doc.sections) {
      // Background and references report others' recommendations and past decisions; they are not the writer's call.
      if (NOT_THE_CALL.includes(section.role)) continue;
      const blocks = section.blocks.filter((b) => !doc.blocks[b].quoted);
      const b = blocks.find((i) => input.facts(i).recommendations.length > 0);
      if (b === undefined) continue;
      if (blocks.some((i) => namesTradeoff(input, i))) continue;
      if (RESTATING.includes(section.role) && stated()) continue;
      const [start, end] = input.facts(b).recommendations[0];
      out.push({
        rule: this.id,
        start,
        end,
        message:
          'This recommendation does not say what it costs or what you will not do instead. Naming the tradeoff shows you weighed it and lets the reader judge it.',
        fixes: [
          {
            title: 'Add a "Tradeoff:" line',
            safe: false,
            edits: [{ start: end, end, newText: ' Tradeoff: we give up [what] to get [what].' }],
          },
        ],
      });
      // Once per document, at its first recommendation: a proposal's later "We propose…" lines are mostly its
      // logistics (when to meet, how to decide), and asking each for a tradeoff was wrong nearly every time.
      return;
    }
  },
};

// A tradeoff word does not name a tradeoff when the sentence denies the cost ("no cost", "costs nothing",
// "will not affect anyone") or offers it as a benefit ("cuts costs", "lowers the risk", "cost savings").
const DENIALS = new Set(data.denials);
const REDUCERS = new Set(data.reducers);
const COST_NOUNS = new Set(data.costNouns);
const BENEFIT_AFTER_COST = new Set(data.benefitAfterCost);
// After "will not" / "won't": verbs that deny an effect ("it will not affect customers") rather than name a thing
// the team gives up ("we will not ship iOS").
const EFFECT_VERBS = new Set(data.effectVerbs);

function isTradeoff(words: readonly Word[], from: number, to: number, denied: Uint8Array): boolean {
  for (let k = from; k < to; k++) if (denied[k]) return false;
  const first = words[from].lower;
  const last = words[to - 1].lower;
  if (to - from === 1 && COST_NOUNS.has(first)) {
    // "no real cost", "cut our hosting costs": up to two words between.
    for (let k = from - 1; k >= Math.max(0, from - 3); k--) {
      if (DENIALS.has(words[k].lower) || REDUCERS.has(words[k].lower)) return false;
    }
    if (BENEFIT_AFTER_COST.has(words[to]?.lower ?? '')) return false;
    // "It costs nothing", "costs us nothing".
    if (DENIALS.has(words[to]?.lower ?? '') || words[to + 1]?.lower === 'nothing') return false;
  }
  if ((last === 'not' || last === "won't") && to - from <= 2 && EFFECT_VERBS.has(words[to]?.lower ?? '')) return false;
  return true;
}

/** Some sentence of the block names a cost, an alternative or a thing given up. */
function namesTradeoff(input: DocInput, block: number): boolean {
  // The block facts say whether a tradeoff word occurs; whether it names a cost is read only where one does.
  if (!input.facts(block).tradeoff) return false;
  const { tradeoff, noDownside } = input.rubric.lists;
  for (const s of input.sentences(block)) {
    if (!tradeoff.holds(s)) continue;
    const words = s.words;
    const denied = deniedWords(words, noDownside);
    for (const m of tradeoff.matchAll(words)) if (isTradeoff(words, m.from, m.to, denied)) return true;
  }
  return false;
}

/** Words inside a "no downside" claim: a cost word there denies the cost. */
function deniedWords(words: readonly Word[], noDownside: PhraseList): Uint8Array {
  const denied = new Uint8Array(words.length);
  for (const m of noDownside.matchAll(words)) denied.fill(1, m.from, m.to);
  return denied;
}

// Risk words that name the specific risk they rule out ("no risk of data loss", "zero risk that…").
const RISK_CLAIMS = new Set(data.riskClaims);
const SPECIFIERS = new Set(data.specifiers);
// A reason given for it ("because we keep three backups") makes it an assessment, not a sales line.
const REASONS = new Set(data.reasons);

const COST = sentenceTemplate('Name the cost: "Cost: …"', 'Cost', '[the main cost or risk, and why it is worth paying].');

const noDownside: BlockRule = {
  id: 'tradeoffs/no-downside',
  dimension: 'tradeoffs',
  title: '"No downside" claim',
  severity: 'warning',
  doc: docPath('tradeoffs/no-downside'),
  scope: 'block',
  check(input, out) {
    for (const m of matchList(input, 'noDownside')) {
      const words = m.sentence.words;
      if (COST.answers(input, m.sentence)) continue;
      // "While force pushing is not risk-free, …" admits the cost it would deny.
      if (negatedBefore(words, input.text, m.from, 2)) continue;
      // "There is no risk of data loss because we keep three backups": a named risk, ruled out for a reason.
      if (RISK_CLAIMS.has(m.phrase) && SPECIFIERS.has(words[m.to]?.lower ?? '') && words.slice(m.to + 1).some((w) => REASONS.has(w.lower)))
        continue;
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message: `"${quoteText(input.text, m.start, m.end)}": every choice costs something, if only the alternatives. A reader who spots the cost you left out will doubt the rest.`,
        fixes: [COST.fix(input.text, m.sentence)],
      });
    }
  },
};

export const tradeoffRules = [unstated, noDownside];
