// Concision: outcomes instead of activity, no filler or buzzwords, sentences, paragraphs, lists and documents
// short enough to read in one pass.
import type { BlockRule, DocRule } from '../engine/rule.js';
import { docPath } from '../engine/rule.js';
import type { Sentence } from '../engine/sentences.js';
import { firstBlockAfter } from '../engine/document.js';
import { replaceEdit, removalEdits, plural, listRule, quoteText, matchList } from './util.js';
import { documentAnchor } from './anchor.js';

const activity = listRule({
  id: 'concision/activity',
  dimension: 'concision',
  title: 'Activity instead of outcome',
  severity: 'warning',
  list: 'activity',
  message: (p) => `"${p}" reports effort, not results. Say what changed because of it: the outcome, the number, the decision it enables.`,
});

const AFTER_WHICH_NOT_CAN = /^(?:should|must|will|would|could|may|might|shall|can|cannot|to)$|'ll$/;

const filler: BlockRule = {
  id: 'concision/filler',
  dimension: 'concision',
  title: 'Filler phrase',
  severity: 'information',
  doc: docPath('concision/filler'),
  scope: 'block',
  check(input, out) {
    const replacements = input.rubric.replacements.filler;
    // Phrases whose short form says the same only in some sentences ("essentially the same" is not "the same"):
    // their fix is offered to the writer, never applied by Fix All.
    const review = matchList(input, 'fillerReview');
    for (const m of matchList(input, 'filler')) {
      const replacement = replacements.get(m.phrase) ?? replacements.get(input.text.slice(m.start, m.end).toLowerCase());
      if (replacement === undefined) continue;
      const original = quoteText(input.text, m.start, m.end);
      const reviewed = review.some((r) => r.start === m.start && r.end === m.end);
      // "should have the ability to" → "should can": no fix where the short form would follow a modal or "to".
      const fixable = !(replacement === 'can' && AFTER_WHICH_NOT_CAN.test(m.sentence.words[m.from - 1]?.lower ?? ''));
      const edits = replacement === '' ? removalEdits(input.text, m.sentence, m.start, m.end) : [replaceEdit(input.text, m.start, m.end, replacement)];
      const replacementWords = replacement.split(' ').length;
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message:
          replacement === ''
            ? reviewed
              ? `"${original}" is usually filler: drop it if the sentence still says what you mean.`
              : `"${original}" adds words, not meaning.`
            : m.to - m.from > replacementWords
              ? `"${original}" says in ${plural(m.to - m.from, 'word')} what "${replacement}" says in ${replacementWords === 1 ? 'one' : replacementWords}.`
              : `"${original}" is a longer way to say "${replacement}".`,
        fixes: fixable ? [{ title: replacement === '' ? `Drop "${original}"` : `Replace with "${replacement}"`, safe: !reviewed, edits }] : [],
        unnecessary: replacement === '' && !reviewed,
      });
    }
  },
};

const buzzword: BlockRule = {
  id: 'concision/buzzword',
  dimension: 'concision',
  title: 'Buzzword',
  severity: 'information',
  doc: docPath('concision/buzzword'),
  scope: 'block',
  check(input, out) {
    const found = matchList(input, 'buzzwords');
    if (found.length === 0) return;
    // "network bandwidth", "leverage ratio": inside one of these phrases the word has its literal, technical
    // sense, and there is nothing vaguer to replace it with.
    const literal = matchList(input, 'buzzwordLiteral');
    for (const m of found) {
      if (literal.some((l) => l.sentence === m.sentence && l.from <= m.from && l.to >= m.to)) continue;
      out.push({ rule: this.id, start: m.start, end: m.end, message: `"${quoteText(input.text, m.start, m.end)}" is jargon that executives skim past. Say the concrete thing it stands for.` });
    }
  },
};

// Lengths are counted the way a reader sees the text: "4.5.1", "Node.js", "1,500", "dev@list" are one word each,
// not three or two. (Where a reader sees a sentence end, the segmenter already splits.)

/** Characters that join two words into one token when nothing else separates them. */
const JOINERS = /^[.,@/:_+#&]+$/;

/** The words of a sentence as a reader counts them. Linear: one look at each gap between two words. */
function readerWords(s: Sentence): number {
  const w = s.words;
  let n = w.length > 0 ? 1 : 0;
  for (let k = 1; k < w.length; k++) if (!JOINERS.test(s.text.slice(w[k - 1].end - s.start, w[k].start - s.start))) n++;
  return n;
}

const longSentence: BlockRule = {
  id: 'concision/long-sentence',
  dimension: 'concision',
  title: 'Long sentence',
  severity: 'information',
  doc: docPath('concision/long-sentence'),
  scope: 'block',
  check(input, out) {
    const limit = input.rubric.thresholds.sentenceWords;
    for (const s of input.sentences) {
      // Fewer segmenter words than the limit: the reader's count cannot be higher.
      if (s.words.length <= limit) continue;
      const words = readerWords(s);
      if (words <= limit) continue;
      out.push({
        rule: this.id,
        start: s.start,
        end: s.end,
        message: `This sentence runs ${words} words (the rubric's limit is ${limit}). Split it so each sentence carries one point.`,
      });
    }
  },
};

const longParagraph: BlockRule = {
  id: 'concision/long-paragraph',
  dimension: 'concision',
  title: 'Long paragraph',
  severity: 'information',
  doc: docPath('concision/long-paragraph'),
  scope: 'block',
  check(input, out) {
    const limit = input.rubric.thresholds.paragraphWords;
    if (input.sentences.reduce((n, s) => n + s.words.length, 0) <= limit) return;
    const words = input.sentences.reduce((n, s) => n + readerWords(s), 0);
    if (words <= limit) return;
    const first = input.sentences[0];
    out.push({
      rule: this.id,
      start: first.start,
      end: first.end,
      message: `This paragraph runs ${words} words (the rubric's limit is ${limit}). Lead with its point and cut or split the rest; a wall of text gets skimmed.`,
    });
  },
};

const narration: BlockRule = {
  id: 'concision/narration',
  dimension: 'concision',
  title: 'Step-by-step narration',
  severity: 'information',
  doc: docPath('concision/narration'),
  scope: 'block',
  kinds: ['paragraph'],
  check(input, out) {
    if (input.block.list >= 0) return;
    const narration = input.rubric.lists.narration;
    const openers = input.sentences.filter((s) => s.words.length > 0 && narration.matchAt(s.words, 0) > 0);
    if (openers.length < 3) return;
    const first = openers[0];
    out.push({
      rule: this.id,
      start: first.words[0].start,
      end: first.words[narration.matchAt(first.words, 0) - 1].end,
      message: `${openers.length} sentences here walk through the steps in order. The reader needs the result and what it means; keep the sequence for an appendix if at all.`,
    });
  },
};

const longList: DocRule = {
  id: 'concision/long-list',
  dimension: 'concision',
  title: 'Long list',
  severity: 'information',
  doc: docPath('concision/long-list'),
  scope: 'document',
  check(input, out) {
    const limit = input.rubric.thresholds.listItems;
    for (const list of input.doc.lists) {
      if (list.items <= limit || list.depth > 1) continue;
      // The list's first block: the first that starts at or after the list.
      const first = input.doc.blocks[firstBlockAfter(input.doc.blocks, list.start - 1)];
      if (!first) continue;
      out.push({
        rule: this.id,
        start: first.start,
        end: first.end,
        message: `This list has ${list.items} items (the rubric's limit is ${limit}). Group them or keep the few that matter most; long lists hide priorities.`,
      });
    }
  },
};

const longDocument: DocRule = {
  id: 'concision/long-document',
  dimension: 'concision',
  title: 'Long document',
  severity: 'information',
  doc: docPath('concision/long-document'),
  scope: 'document',
  check(input, out) {
    const limit = input.rubric.thresholds.documentWords;
    if (input.words <= limit) return;
    const [start, end] = documentAnchor(input);
    out.push({
      rule: this.id,
      start,
      end,
      message: `The document runs ${input.words} words; this rubric expects at most ${limit}. Cut to what the reader needs to decide, and move detail to an appendix or a link.`,
    });
  },
};

export const concisionRules = [activity, filler, buzzword, longSentence, longParagraph, narration, longList, longDocument];
