// Whether a sentence carries the point: an ask, a recommendation, a proposal in the imperative, what the document
// changes, or a result (a number or a reported outcome) that is not told as history. The opening rules and the
// score's opening credit ask the same question.
import type { DocInput } from './rule.js';
import type { Sentence } from '../core/sentences.js';
import { hasNumber } from './util.js';
import { isImperative, isLinkOnly, isMetadata, reportsOutcome } from './grammar.js';
import { roleOfTitle } from '../core/sectionRoles.js';
import data from '../../../rubrics/data/grammar.json';

// After "This proposal …", a verb that states the change: "This proposal adds a config option."
const STATES_CHANGE = new Set(data.statesChange);

export function carriesPoint(input: DocInput, s: Sentence): boolean {
  const { lists } = input.rubric;
  // "I think we should…", "Maybe the release slipped": a point opened by a hedge is not stated yet.
  if (s.words.length > 0 && lists.hedges.matchAt(s.words, 0) > 0) return false;
  if (lists.ask.holds(s) || lists.recommendation.holds(s)) return true;
  // "**Bottom line:** …", "TL;DR: …": a summary's label says a point follows; whether one does is in what follows.
  // ("Decision: …" and "Recommendation: …" name what follows, and the ask list holds them.)
  const labelled = splitLabel(s);
  if (labelled) return carriesPoint(input, labelled.rest);
  // A proposal stated as an imperative ("Add socket timeouts to std::net.") or as what the document changes.
  if (isImperative(s.words, s.text)) return true;
  const meta = lists.metaOpeners.matchAt(s.words, 0);
  if (meta > 0) return s.words.slice(meta, meta + 2).some((w) => STATES_CHANGE.has(w.lower));
  // After "Last quarter…", even a number or a result is the story so far, not the point.
  if (s.words.length > 0 && lists.chronologyOpeners.matchAt(s.words, 0) > 0) return false;
  return hasNumber(input.text, s) || reportsOutcome(s.words);
}

// A label of up to LABEL_WORDS words and a colon opening a sentence: "Bottom line:", "TL;DR:", "Summary:".
const LABEL = /^\s*\p{Lu}[\p{L} ;'-]{0,30}?:\s+/u;
/** Where LABEL's colon can be at the latest (leading space from masked bold markers included). */
const LABEL_CHARS = 64;

/** A sentence's opening label and the sentence after it; undefined without one, or with nothing after it. */
function splitLabel(s: Sentence): { label: string; rest: Sentence } | undefined {
  // Most sentences have no colon near their start: no regular expression for them (this runs on every opening).
  const colon = s.text.indexOf(':');
  if (colon < 0 || colon > LABEL_CHARS) return undefined;
  const m = LABEL.exec(s.text);
  if (!m) return undefined;
  const at = s.start + m[0].length;
  const words = s.words.filter((w) => w.start >= at);
  const label = s.words.length - words.length;
  if (label === 0 || label > LABEL_WORDS || words.length < 2) return undefined;
  return { label: m[0].replace(/:\s*$/, '').trim(), rest: { start: at, end: s.end, text: s.text.slice(m[0].length), words } };
}

function opensWithSummaryLabel(s: Sentence | undefined): boolean {
  const label = s && splitLabel(s)?.label;
  return label !== undefined && roleOfTitle(label) === 'summary';
}

// "Created by …", "Report from the … committee", "Submitted by …": who wrote it, not what it says.
const BYLINE =
  /^\s*(?:[-*+]\s+)?(?:created|report|reported|submitted|prepared|written|authored|compiled|last (?:modified|updated)|posted)\b[^.]{0,40}?\b(?:by|from)\b/i;
/** A label line states nothing: a few words and no end of a sentence ("Jonah Stiennon (@jonahss)"). */
const LABEL_WORDS = 4;

/**
 * Where the writer starts talking: not a `Key: value` header, a byline, the authors' linked names, a tracking link,
 * a label line, a template's prompt, or a section a template fills with metadata ("Status: Accepted", the project's
 * standing description). The opening rules and the score's opening credit start from the same block.
 */
export function isOpeningProse(input: DocInput, b: number): boolean {
  const block = input.doc.blocks[b];
  if (block.kind !== 'paragraph' || block.quoted || input.doc.sections[block.section]?.role === 'metadata') return false;
  const source = input.text.slice(block.start, block.end);
  const sentences = input.sentences(b);
  // "**Bottom line:** we exceeded plan." has the shape of a header line but is the point itself, and a summary's label
  // ("Bottom line:", "TL;DR:") makes the line the writer's opening whether or not what follows states the point.
  if (isMetadata(source) && !opensWithSummaryLabel(sentences[0]) && !sentences.some((s) => carriesPoint(input, s))) return false;
  // A line of its own, not a list the reader reads through: "[Edzer Pebesma](…), [Michael Sumner](…)",
  // "Tracked by https://…" (links and a word or two around them), or a label.
  if (block.list < 0) {
    if (isLinkOnly(source)) return false;
    const only = sentences.length === 1 ? sentences[0] : undefined;
    if (only && only.words.length <= LABEL_WORDS && !/[.!?]\s*$/.test(only.text) && !carriesPoint(input, only)) return false;
    // "In rough order of priority:" and the list under it: the lead-in is the list's label, and the list is the opening.
    if (only && /:\s*$/.test(only.text) && (input.doc.blocks[b + 1]?.list ?? -1) >= 0 && !carriesPoint(input, only)) return false;
  } else if (isLinkOnly(source) && (input.doc.blocks[b + 1]?.listDepth ?? 0) > block.listDepth) {
    // "- [External DNS](…)" over its own sub-list: the item names what the items under it are about.
    return false;
  }
  return !BYLINE.test(block.masked) && !isPromptQuestion(input, b) && !isPromptInstruction(source);
}

// A paragraph wholly in italics that speaks to "you": a template's guidance to whoever fills it in ("*Describe your
// project's progress in the last year.*"), not the writer's own words.
const ITALIC_PARAGRAPH = /^\s*([*_])(?![*_\s])[\s\S]*[^*_\s]\1\s*$/;
const ADDRESSES_WRITER = /\b(?:you|your|please)\b/i;
const isPromptInstruction = (source: string): boolean => ITALIC_PARAGRAPH.test(source) && ADDRESSES_WRITER.test(source);

/** A template's prompt: a block that is one question, with its answer in the next block. */
function isPromptQuestion(input: DocInput, b: number): boolean {
  const sentences = input.sentences(b);
  return (
    sentences.length === 1 &&
    sentences[0].text.trimEnd().endsWith('?') &&
    b + 1 < input.doc.blocks.length &&
    input.doc.blocks[b + 1].kind !== 'heading'
  );
}
