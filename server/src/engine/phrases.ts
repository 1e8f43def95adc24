// Word-sequence matching for word lists. Phrases are literal word sequences matched word by word through a
// map keyed by the first word: linear in the number of words, so no rubric data can make matching slow.
import { segmentWords, type Word } from './sentences.js';

export interface PhraseMatch {
  /** Word indices [first, last + 1). */
  from: number;
  to: number;
  phrase: string;
}

export class PhraseMatcher {
  private readonly byFirst = new Map<string, string[][]>();
  readonly size: number;

  constructor(phrases: readonly string[]) {
    let size = 0;
    for (const p of phrases) {
      const tokens = segmentWords(p, 0).map((w) => w.lower);
      if (tokens.length === 0) continue;
      const list = this.byFirst.get(tokens[0]) ?? [];
      list.push(tokens);
      this.byFirst.set(tokens[0], list);
      size++;
    }
    // Longest phrase first, so "a lot of" wins over "a lot".
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
    this.size = size;
  }

  /** Non-overlapping matches, leftmost-longest. */
  matchAll(words: readonly Word[]): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    if (this.size === 0) return out;
    for (let i = 0; i < words.length; i++) {
      const len = this.matchAt(words, i);
      if (len > 0) {
        out.push({ from: i, to: i + len, phrase: words.slice(i, i + len).map((w) => w.lower).join(' ') });
        i += len - 1;
      }
    }
    return out;
  }

  /** Length in words of the longest phrase starting at word i, or 0. */
  matchAt(words: readonly Word[], i: number): number {
    const candidates = this.byFirst.get(words[i].lower);
    if (!candidates) return 0;
    outer: for (const tokens of candidates) {
      if (i + tokens.length > words.length) continue;
      for (let k = 1; k < tokens.length; k++) if (words[i + k].lower !== tokens[k]) continue outer;
      return tokens.length;
    }
    return 0;
  }

  test(words: readonly Word[]): boolean {
    if (this.size === 0) return false;
    for (let i = 0; i < words.length; i++) if (this.byFirst.has(words[i].lower) && this.matchAt(words, i) > 0) return true;
    return false;
  }
}

interface ListEntry {
  list: number;
  tokens: string[];
  phrase: string;
}

/** Phrases of all lists that start with one word: one-word phrases, and longer ones by their second word. */
interface FirstWord {
  single: ListEntry[];
  bySecond: Map<string, ListEntry[]>;
}

/**
 * Every word list of a rubric in one index, so a block's sentences are scanned once for all lists instead of
 * once per list. Matches per list are leftmost-longest and non-overlapping, as PhraseMatcher.matchAll. Longer
 * phrases are indexed by their first two words: "we" starts over a hundred phrases, and a memo says "we" often.
 */
export class ListIndex {
  private readonly byFirst = new Map<string, FirstWord>();
  readonly names: string[];
  private readonly ids: Map<string, number>;
  /** Per list, the first word index a new match may start at (scratch for matchAll). */
  private readonly nextFree: Int32Array;

  constructor(lists: Record<string, readonly string[]>) {
    this.names = Object.keys(lists);
    this.ids = new Map(this.names.map((n, i) => [n, i]));
    this.nextFree = new Int32Array(this.names.length);
    this.names.forEach((name, list) => {
      for (const p of lists[name]) {
        const tokens = segmentWords(p, 0).map((w) => w.lower);
        if (tokens.length === 0) continue;
        let first = this.byFirst.get(tokens[0]);
        if (!first) this.byFirst.set(tokens[0], (first = { single: [], bySecond: new Map() }));
        const entry = { list, tokens, phrase: tokens.join(' ') };
        if (tokens.length === 1) first.single.push(entry);
        else {
          const group = first.bySecond.get(tokens[1]);
          if (group) group.push(entry);
          else first.bySecond.set(tokens[1], [entry]);
        }
      }
    });
    for (const first of this.byFirst.values()) for (const group of first.bySecond.values()) group.sort((a, b) => b.tokens.length - a.tokens.length || a.list - b.list);
  }

  /** Id of a list name (its index in `names`), -1 for no such list. */
  idOf(name: string): number {
    return this.ids.get(name) ?? -1;
  }

  /** Appends the matches in one sentence's words (sentence number `sentence` of its block) to `out`. */
  matchAll(words: readonly Word[], sentence: number, out: ListMatch[]): void {
    const nextFree = this.nextFree;
    nextFree.fill(0);
    for (let i = 0; i < words.length; i++) {
      const first = this.byFirst.get(words[i].lower);
      if (!first) continue;
      // Longest first: a list that matched a longer phrase at i has nextFree past i, so its shorter ones are skipped.
      if (i + 1 < words.length && first.bySecond.size > 0) {
        const group = first.bySecond.get(words[i + 1].lower);
        if (group) {
          outer: for (const e of group) {
            if (nextFree[e.list] > i || i + e.tokens.length > words.length) continue;
            for (let k = 2; k < e.tokens.length; k++) if (words[i + k].lower !== e.tokens[k]) continue outer;
            this.add(out, e, sentence, i);
          }
        }
      }
      for (const e of first.single) if (nextFree[e.list] <= i) this.add(out, e, sentence, i);
    }
  }

  private add(out: ListMatch[], e: ListEntry, sentence: number, i: number): void {
    this.nextFree[e.list] = i + e.tokens.length;
    out.push({ list: e.list, sentence, from: i, to: i + e.tokens.length, phrase: e.phrase });
  }
}

/** A match of one rubric word list in a block: the list's id, the sentence's number in the block, and its words. */
export interface ListMatch extends PhraseMatch {
  list: number;
  sentence: number;
}
