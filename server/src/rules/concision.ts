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

const filler: BlockRule = {
  id: 'concision/filler',
  dimension: 'concision',
  title: 'Filler phrase',
  severity: 'information',
  doc: docPath('concision/filler'),
  scope: 'block',
  check(input, out) {
    const replacements = input.rubric.replacements.filler;
    for (const m of matchList(input, 'filler')) {
      const replacement = replacements.get(m.phrase) ?? replacements.get(input.text.slice(m.start, m.end).toLowerCase());
      if (replacement === undefined) continue;
      const original = quoteText(input.text, m.start, m.end);
      const edits = replacement === '' ? removalEdits(input.text, m.sentence, m.start, m.end) : [replaceEdit(input.text, m.start, m.end, replacement)];
      const replacementWords = replacement.split(' ').length;
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message:
          replacement === ''
            ? `"${original}" adds words, not meaning.`
            : m.to - m.from > replacementWords
              ? `"${original}" says in ${plural(m.to - m.from, 'word')} what "${replacement}" says in ${replacementWords === 1 ? 'one' : replacementWords}.`
              : `"${original}" is a longer way to say "${replacement}".`,
        fixes: [{ title: replacement === '' ? `Drop "${original}"` : `Replace with "${replacement}"`, safe: true, edits }],
        unnecessary: replacement === '',
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

// Lengths are counted the way a reader sees the text, not the way the segmenter splits it:
// - "4.5.1", "Node.js", "1,500", "dev@list" are one word each, not three or two;
// - a full stop before a name written in lower case ("… the ubuntu SDK. cordova-windows had …", "… of Android.
//   iOS released …") ends a sentence, although the segmenter keeps lowercase continuations together;
// - a line that starts with a capitalised function word ("… (Healthy)⏎That said, …") starts a sentence even
//   when the line before has no full stop: mid-sentence, "That" or "We" would not be capitalised.
// Each is a look at one gap between two words, so the count stays linear in the sentence.

/** Characters that join two words into one token when nothing else separates them. */
const JOINERS = /^[.,@/:_+#&]+$/;
/** Words before a full stop that do not end a sentence (lowercase, without the period). */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'cf', 'al', 'approx', 'incl', 'excl', 'est', 'ca', 'resp', 'no', 'nos', 'fig', 'figs', 'vol', 'dept', 'st', 'dr', 'mr', 'mrs', 'ms', 'prof', 'jr', 'sr', 'inc', 'ltd', 'corp', 'co', 'min', 'max', 'avg']);
/** Words that are capitalised only when they open a sentence ("I" is always capitalised, so it is not here). */
const SENTENCE_OPENERS = new Set(['the', 'a', 'an', 'we', 'our', 'they', 'their', 'this', 'that', 'these', 'those', 'it', 'its', 'there', 'he', 'she', 'you', 'your', 'but', 'and', 'so', 'if', 'when', 'while', 'since', 'also', 'however', 'then', 'all', 'some', 'most', 'many', 'no', 'as', 'in', 'on', 'at', 'for', 'with', 'what', 'which']);

interface Span {
  start: number;
  end: number;
  words: number;
}

/** The sentences a reader sees inside one segmenter sentence, with their word counts. */
function readerSentences(s: Sentence): Span[] {
  const spans: Span[] = [];
  const w = s.words;
  if (w.length === 0) return [{ start: s.start, end: s.end, words: 0 }];
  let start = s.start;
  let words = 1;
  let token = w[0].lower;
  for (let k = 1; k < w.length; k++) {
    const gap = s.text.slice(w[k - 1].end - s.start, w[k].start - s.start);
    if (JOINERS.test(gap)) {
      token += gap + w[k].lower;
      continue;
    }
    if (endsReaderSentence(gap, token, w[k].text)) {
      const ws = gap.search(/\s/);
      spans.push({ start, end: w[k - 1].end + (ws < 0 ? gap.length : ws), words });
      start = w[k].start;
      words = 0;
    }
    words++;
    token = w[k].lower;
  }
  spans.push({ start, end: s.end, words });
  return spans;
}

function endsReaderSentence(gap: string, before: string, next: string): boolean {
  const stop = /[.!?]["'”’)\]]*\s/.test(gap);
  if (stop) {
    // The segmenter already splits before a capital; what it leaves together is a lowercase continuation.
    // A lowercase word with a capital or a hyphen inside is a name ("iOS", "cordova-android"), not a continuation.
    return before.length > 1 && !ABBREVIATIONS.has(before) && /^\p{Ll}/u.test(next) && /[\p{Lu}-]/u.test(next);
  }
  return /\n/.test(gap) && !/[,;:(\-–—]/.test(gap) && /^\p{Lu}\p{Ll}/u.test(next) && SENTENCE_OPENERS.has(next.toLowerCase());
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
      // Fewer segmenter words than the limit: no reader sentence inside can be longer.
      if (s.words.length <= limit) continue;
      for (const span of readerSentences(s)) {
        if (span.words <= limit) continue;
        out.push({
          rule: this.id,
          start: span.start,
          end: span.end,
          message: `This sentence runs ${span.words} words (the rubric's limit is ${limit}). Split it so each sentence carries one point.`,
        });
      }
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
    const words = input.sentences.reduce((n, s) => n + readerSentences(s).reduce((m, x) => m + x.words, 0), 0);
    if (words <= limit || input.sentences.length === 0) return;
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
