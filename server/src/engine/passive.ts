// Passive voice: a form of "be" or "get", up to two adverbs, then a past participle. Adjectival uses ("we are
// excited", "the team is based in Berlin") and perfect tenses ("we have decided") are not passives.
import data from '../../../rubrics/data/participles.json';
import { segmentSentences, type Word } from './sentences.js';

const BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", "it's", "that's", "what's", "there's"]);
const GET = new Set(['get', 'gets', 'got', 'gotten', 'getting']);
const IRREGULAR = new Set(data.irregular);
const ADJECTIVAL = new Set(data.adjectival);
const NOT_PARTICIPLES = new Set(data.notParticiples);
const BETWEEN = new Set(['not', "n't", 'never', 'also', 'already', 'just', 'still', 'being', 'been', 'all', 'both', 'often', 'usually', 'rarely', 'always', 'then', 'now', 'soon', 'recently', 'later', 'first', 'currently', 'subsequently', 'eventually', 'finally', 'widely', 'generally', 'largely', 'mostly', 'partly', 'fully', 'only', 'even', 'ever', 'quickly', 'formally', 'officially']);
// "is excited about" / "are focused on": the preposition marks an adjective reading unless "by" follows.
const MEASURE = /^(?:\d.*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|about|around|roughly|nearly|almost|over|up|half|another)$/;
const PARTICLES = new Set(['over', 'along', 'around', 'across']);
const ADJ_PREPS = new Set(['about', 'with', 'in', 'on', 'to', 'for', 'at', 'of']);

export interface PassiveSpan {
  /** Word indices: the auxiliary and the participle. */
  aux: number;
  participle: number;
  /** An agent ("by …") follows within the clause. */
  agentless: boolean;
}

function isParticiple(w: string): boolean {
  if (IRREGULAR.has(w)) return true;
  if (NOT_PARTICIPLES.has(w)) return false;
  return w.length > 4 && w.endsWith('ed');
}

/** Splits contractions the word segmenter keeps whole ("it's" → aux). */
function auxOf(lower: string): boolean {
  return BE.has(lower) || lower.endsWith("'s") || lower.endsWith("'re");
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
    let j = i + 1;
    let skipped = 0;
    while (j < words.length && skipped < 2 && (BETWEEN.has(words[j].lower) || (words[j].lower.endsWith('ly') && words[j].lower.length > 3))) {
      j++;
      skipped++;
    }
    if (j >= words.length) continue;
    const p = words[j].lower;
    if (!isParticiple(p)) continue;
    if (text !== undefined && /[^\s\p{L}\p{N}'’-]/u.test(text.slice(words[i].end - base, words[j].start - base))) continue;
    // "Being" between aux and participle is a progressive passive; "been" alone after have is perfect, handled by BE.
    const next = words[j + 1]?.lower;
    let agent = -1;
    for (let k = j + 1; k < Math.min(words.length, j + 8); k++) {
      // "delayed by two weeks" / "by 20%" measures; "by the CFO" names the agent.
      if (words[k].lower === 'by' && !MEASURE.test(words[k + 1]?.lower ?? '')) {
        agent = k;
        break;
      }
    }
    if (ADJECTIVAL.has(p) && agent < 0) continue;
    // "are moved over", "was passed along": a phrasal verb describing a state of things, not a decision.
    if (PARTICLES.has(next ?? '') && agent < 0 && !isGet) continue;
    if (!isGet && next !== undefined && ADJ_PREPS.has(next) && agent < 0 && /ed$/.test(p) && ADJECTIVAL.has(p)) continue;
    out.push({ aux: i, participle: j, agentless: agent < 0 });
    i = j;
  }
  return out;
}

/** Passive spans in plain prose (used by the evaluation and tests): offsets into text. */
export function findPassives(text: string): Array<{ start: number; end: number; agentless: boolean }> {
  const out: Array<{ start: number; end: number; agentless: boolean }> = [];
  for (const s of segmentSentences(text, 0)) {
    for (const p of passivesInWords(s.words, text, 0)) out.push({ start: s.words[p.aux].start, end: s.words[p.participle].end, agentless: p.agentless });
  }
  return out;
}
