// Concision: outcomes instead of activity, no filler or buzzwords, sentences, paragraphs, lists and documents
// short enough to read in one pass.
import type { BlockRule, DocRule } from '../engine/rule.js';
import { docPath } from '../engine/rule.js';
import { matchList, replaceEdit, removalEdits, plural, listRule } from './util.js';
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
      const original = input.text.slice(m.start, m.end);
      const edits = replacement === '' ? removalEdits(input.text, m.sentence, m.start, m.end) : [replaceEdit(input.text, m.start, m.end, replacement)];
      out.push({
        rule: this.id,
        start: m.start,
        end: m.end,
        message: replacement === '' ? `"${original}" adds words, not meaning.` : `"${original}" says in ${plural(m.to - m.from, 'word')} what "${replacement}" says in one.`,
        fixes: [{ title: replacement === '' ? `Drop "${original}"` : `Replace with "${replacement}"`, safe: true, edits }],
        unnecessary: replacement === '',
      });
    }
  },
};

const buzzword = listRule({
  id: 'concision/buzzword',
  dimension: 'concision',
  title: 'Buzzword',
  severity: 'information',
  list: 'buzzwords',
  message: (p) => `"${p}" is jargon that executives skim past. Say the concrete thing it stands for.`,
});

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
      if (s.words.length <= limit) continue;
      out.push({
        rule: this.id,
        start: s.start,
        end: s.end,
        message: `This sentence runs ${s.words.length} words (the rubric's limit is ${limit}). Split it so each sentence carries one point.`,
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
    const words = input.sentences.reduce((n, s) => n + s.words.length, 0);
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
      const first = input.doc.blocks.find((b) => b.start >= list.start);
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
