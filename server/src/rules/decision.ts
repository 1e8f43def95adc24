// Decision: the document asks for or states a decision; questions and options come with a recommendation.
import type { DocInput, DocRule } from './rule.js';
import { docPath } from './rule.js';
import { documentAnchor } from './anchor.js';
import { collapseSpace } from './util.js';
import { isImperative, isMetadata } from './grammar.js';
import { hasContentfulRole, NOT_A_LAPSE, subtreeEnds } from './sections.js';

// Heading keywords, not section roles (rubrics/data/section-roles.json), on purpose: a role is the first role
// whose phrase the heading holds, and these ask only whether a word occurs. They differ: "Ask" and "Paths" have no
// role; "Rejected proposals" is alternatives and "Open questions about the proposal" unresolved, yet both name the
// proposal; "Recommended approach" is options, yet says which one is recommended; "Detailed design", "Plan" and
// "Solution" are proposal, yet ask for nothing. (noAsk also asks the roles, below, for a section with content.)
const ASK_HEADING = /\b(asks?|decisions?|recommendations?|proposals?|proposed|next steps|requests?|approval|decision needed)\b/i;
const RECOMMENDATION_HEADING = /\b(recommend\w*|decisions?|proposals?|proposed|the ask)\b/i;
const OPTIONS_HEADING = /\b(options?|alternatives?|choices|approaches|paths|scenarios)\b/i;

/** A section recommends when it, or a subsection, holds a recommendation or a preferred option, or a subsection is a non-empty "Recommendation"/"Decision". */
function sectionRecommends(input: DocInput, section: number): boolean {
  const { sections } = input.doc;
  const end = subtreeEnds(input)[section];
  for (let s = section; s < end; s++) {
    if (s !== section && sections[s].blocks.length > 0 && RECOMMENDATION_HEADING.test(sections[s].title)) return true;
    for (const b of sections[s].blocks) if (input.facts(b).recommendations.length > 0 || input.facts(b).preferred) return true;
  }
  return false;
}

/**
 * A decision or commitment after the question, in its section or a subsection ("we will be adding attributes only
 * where…"), answers the questions that set it up ("What do we use where? Do we need both?").
 */
function committedAfter(input: DocInput, section: number, block: number): boolean {
  const { sections } = input.doc;
  const end = subtreeEnds(input)[section];
  for (let s = section; s < end; s++) for (const b of sections[s].blocks) if (b > block && input.facts(b).asks > 0) return true;
  return false;
}

/** A "Recommendation" or "Decision" section that recommends something answers every options list. */
function recommendedElsewhere(input: DocInput): boolean {
  return input.doc.sections.some((s, i) => s.heading >= 0 && RECOMMENDATION_HEADING.test(s.title) && sectionRecommends(input, i));
}

/** Sentences of a question-only block followed, in the same section, by a block that is not a question. */
function isPrompt(input: DocInput, blocks: readonly number[], k: number, b: number): boolean {
  // Facts first: a block's sentences are moved to document offsets when asked for, and most blocks hold no question.
  if (input.facts(b).questions.length !== 1 || input.sentences(b).length !== 1) return false;
  const next = blocks[k + 1];
  return next !== undefined && input.facts(next).questions.length === 0 && input.wordsIn(next) >= 3;
}

/**
 * A question that closes its paragraph and is followed at once by a list of the same section ("What can we do to
 * improve? - Create a guideline… - Offer mentorships…") is answered by that list.
 */
function answeredByList(input: DocInput, blocks: readonly number[], k: number, b: number, questionEnd: number): boolean {
  const next = blocks[k + 1];
  if (next === undefined || input.doc.blocks[b].list >= 0 || input.doc.blocks[next].list < 0) return false;
  const last = input.sentences(b).at(-1);
  return last !== undefined && last.end <= questionEnd;
}

/** The summary (or, without one, the first prose block) opens with an imperative proposal: "Rename `core` to `base`." */
function opensWithImperative(input: DocInput): boolean {
  const { doc } = input;
  const summary = doc.sections.findIndex((s) => s.role === 'summary' || s.role === 'proposal');
  const first =
    summary >= 0
      ? doc.sections[summary].blocks.find((b) => !doc.blocks[b].quoted)
      : doc.blocks.findIndex((b) => b.kind === 'paragraph' && !b.quoted && !isMetadata(input.text.slice(b.start, b.end)));
  if (first === undefined || first < 0) return false;
  const s = input.sentences(first)[0];
  return s !== undefined && isImperative(s.words, s.text);
}

// A template's question about what the group needs ("Are there areas your group needs help with?").
const ASK_PROMPT = /\b(help|needs?|asks?|requests?|issues|support)\b/i;

/** The document answers its template's ask question: a question block about needs or help, with an answer after it. */
function answersAskPrompt(input: DocInput): boolean {
  const { blocks } = input.doc;
  for (let b = 0; b + 1 < blocks.length; b++) {
    const block = blocks[b];
    if (block.quoted || !block.masked.trimEnd().endsWith('?') || !ASK_PROMPT.test(block.masked)) continue;
    if (input.wordsIn(b + 1) >= 1) return true;
  }
  return false;
}

const noAsk: DocRule = {
  id: 'decision/no-ask',
  dimension: 'decision',
  title: 'No decision or ask',
  severity: 'warning',
  doc: docPath('decision/no-ask'),
  scope: 'document',
  check(input, out) {
    const { doc } = input;
    if (input.words < 40) return;
    if (doc.sections.some((s) => s.heading >= 0 && ASK_HEADING.test(s.title))) return;
    // An asks, help-wanted or next-steps section with something in it is the ask; so is a proposal section.
    if (hasContentfulRole(input, ['asks', 'nextSteps', 'proposal'])) return;
    // A recommendation or proposal ("This RFC proposes…", "We should…"), an ask, or an imperative proposal opening
    // a summary or the document ("Deprecate the v1 endpoint.") asks the reader to decide.
    if (doc.blocks.some((b, i) => !b.quoted && (input.facts(i).asks > 0 || input.facts(i).recommendations.length > 0))) return;
    if (opensWithImperative(input) || answersAskPrompt(input)) return;
    const [start, end, insertAt] = documentAnchor(input);
    out.push({
      rule: this.id,
      whole: true,
      start,
      end,
      message:
        'Nothing here asks for a decision, recommends one or commits to one. Say what you want from the reader: approve, decide between options, or note a decision you made.',
      fixes: [
        { title: 'Add a "Decision needed" section', safe: false, edits: [{ start: insertAt, end: insertAt, newText: DECISION_SKELETON }] },
      ],
    });
  },
};

export const DECISION_SKELETON =
  '\n\n## Decision needed\n\n- **Decision:** [what you ask the reader to decide]\n- **Recommendation:** [option], because [reason]\n- **Tradeoff:** [what we give up]\n- **By when:** [date]\n';

const openQuestion: DocRule = {
  id: 'decision/open-question',
  dimension: 'decision',
  title: 'Open question with no recommendation',
  severity: 'warning',
  doc: docPath('decision/open-question'),
  scope: 'document',
  check(input, out) {
    const { doc } = input;
    for (let si = 0; si < doc.sections.length; si++) {
      const section = doc.sections[si];
      // Questions deferred on purpose ("Unresolved questions"), raised to frame the background, weighed among
      // alternatives or answered in a FAQ are judgment, not a lapse.
      if (NOT_A_LAPSE.includes(section.role) || sectionRecommends(input, si)) continue;
      for (let k = section.heading >= 0 ? -1 : 0; k < section.blocks.length; k++) {
        const b = k < 0 ? section.heading : section.blocks[k];
        const block = doc.blocks[b];
        if (block.quoted || block.kind === 'tableCell') continue;
        // A question that is its block (a heading, a template's prompt) with prose right after it is answered there.
        if (isPrompt(input, section.blocks, k, b)) continue;
        if (input.facts(b).questions.length > 0 && committedAfter(input, si, b)) continue;
        for (const [start, end] of input.facts(b).questions) {
          if (k >= 0 && answeredByList(input, section.blocks, k, b, end)) continue;
          const insert =
            block.kind === 'heading'
              ? {
                  start: block.end,
                  end: block.end,
                  newText: '\n\n**Recommendation:** [your answer, and why]. Tradeoff: [what we give up].',
                }
              : { start: end, end, newText: ' **Recommendation:** [your answer, and why]. Tradeoff: [what we give up].' };
          out.push({
            rule: this.id,
            start,
            end,
            message:
              'This question is left for the reader to answer. Bring your recommended answer with it; executives decide faster on a proposal than on a question.',
            fixes: [{ title: 'Answer it with a recommendation', safe: false, edits: [insert] }],
          });
        }
      }
    }
  },
};

const optionsWithoutRecommendation: DocRule = {
  id: 'decision/options-without-recommendation',
  dimension: 'decision',
  title: 'Options with no recommended option',
  severity: 'warning',
  doc: docPath('decision/options-without-recommendation'),
  scope: 'document',
  check(input, out) {
    const { doc } = input;
    // The same for every options section: asked once, and only when one needs it.
    let elsewhere: boolean | undefined;
    for (let si = 0; si < doc.sections.length; si++) {
      const section = doc.sections[si];
      // Alternatives already considered and rejected are reasoning, not a pick left to the reader.
      if (section.heading < 0 || !OPTIONS_HEADING.test(section.title) || (section.role !== 'none' && section.role !== 'options')) continue;
      // The last block of the section and its subsections (sections are in document order).
      let last = -1;
      const end = subtreeEnds(input)[si];
      for (let s = si; s < end; s++) for (const b of doc.sections[s].blocks) last = Math.max(last, b);
      if (last < 0 || sectionRecommends(input, si) || (elsewhere ??= recommendedElsewhere(input) || hasContentfulRole(input, ['proposal'])))
        continue;
      const heading = doc.blocks[section.heading];
      const lastBlock = doc.blocks[last];
      out.push({
        rule: this.id,
        start: heading.start,
        end: heading.end,
        message: `"${collapseSpace(section.title)}" lays out options without saying which one you recommend. Name your pick and why; the reader can still choose another.`,
        fixes: [
          {
            title: 'Add your recommended option',
            safe: false,
            edits: [
              {
                start: lastBlock.end,
                end: lastBlock.end,
                newText: '\n\n**Recommendation:** [option], because [reason]. Tradeoff: [what we give up].',
              },
            ],
          },
        ],
      });
    }
  },
};

const missingSection: DocRule = {
  id: 'decision/missing-section',
  dimension: 'decision',
  title: 'Required section missing',
  severity: 'warning',
  doc: docPath('decision/missing-section'),
  scope: 'document',
  check(input, out) {
    const headed = input.doc.sections.filter((s) => s.heading >= 0);
    const titles = headed.map((s) => s.title.toLowerCase());
    const [start, end, insertAt] = documentAnchor(input);
    if (input.words < 20) return;
    for (const required of input.rubric.requiredSections) {
      if (titles.some((t) => required.headings.some((h) => t.includes(h.toLowerCase())))) continue;
      if (required.roles && headed.some((s) => required.roles!.includes(s.role))) continue;
      out.push({
        rule: this.id,
        whole: true,
        start,
        end,
        message: `The "${input.rubric.name}" rubric expects a "${required.name}" section (a heading such as ${required.headings.map((h) => `"${h}"`).join(' or ')}). Readers of this kind of document look for it.`,
        fixes: [
          {
            title: `Add the "${required.name}" section`,
            safe: false,
            edits: [
              { start: insertAt, end: insertAt, newText: `\n\n## ${required.name}\n\n[${required.name.toLowerCase()}: write it here]\n` },
            ],
          },
        ],
      });
    }
  },
};

export const decisionRules = [noAsk, openQuestion, optionsWithoutRecommendation, missingSection];
