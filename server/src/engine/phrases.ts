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

/**
 * Every word list of a rubric in one index, so a block's sentences are scanned once for all lists instead of
 * once per list. Matches per list are leftmost-longest and non-overlapping, as PhraseMatcher.matchAll.
 */
export class ListIndex {
  private readonly byFirst = new Map<string, Array<{ list: number; tokens: string[] }>>();
  readonly names: string[];

  constructor(lists: Record<string, readonly string[]>) {
    this.names = Object.keys(lists);
    this.names.forEach((name, list) => {
      for (const p of lists[name]) {
        const tokens = segmentWords(p, 0).map((w) => w.lower);
        if (tokens.length === 0) continue;
        const entry = this.byFirst.get(tokens[0]) ?? [];
        entry.push({ list, tokens });
        this.byFirst.set(tokens[0], entry);
      }
    });
    for (const entry of this.byFirst.values()) entry.sort((a, b) => a.list - b.list || b.tokens.length - a.tokens.length);
  }

  /** Matches in one sentence's words, by list name. */
  matchAll(words: readonly Word[], out: Map<string, PhraseMatch[]>): void {
    const nextFree = new Array<number>(this.names.length).fill(0);
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirst.get(words[i].lower);
      if (!candidates) continue;
      let lastList = -1;
      outer: for (const { list, tokens } of candidates) {
        // Longest first within a list: the first that matches at i wins for that list.
        if (list === lastList || nextFree[list] > i || i + tokens.length > words.length) continue;
        for (let k = 1; k < tokens.length; k++) if (words[i + k].lower !== tokens[k]) continue outer;
        lastList = list;
        nextFree[list] = i + tokens.length;
        const name = this.names[list];
        let arr = out.get(name);
        if (!arr) out.set(name, (arr = []));
        arr.push({ from: i, to: i + tokens.length, phrase: tokens.join(' ') });
      }
    }
  }
}
