// Word-sequence matching for word lists. Phrases are literal word sequences kept in a word trie: matching at a
// word walks one path, so it costs words × (longest phrase) however many phrases a rubric lists or how many
// of them share their first words.
import { segmentWords, type Word } from './sentences.js';

export interface PhraseMatch {
  /** Word indices [first, last + 1). */
  from: number;
  to: number;
  phrase: string;
}

/** A trie node: the phrases that end here (`ends`, in the order added) and the words that continue one. */
interface TrieNode<E> {
  next: Map<string, TrieNode<E>> | undefined;
  ends: E[] | undefined;
  depth: number;
}

class WordTrie<E> {
  private readonly root: TrieNode<E> = { next: undefined, ends: undefined, depth: 0 };
  /** Scratch for `endsFrom`: the nodes with ends on the current path. */
  private readonly path: Array<TrieNode<E>> = [];

  add(tokens: readonly string[], entry: E): void {
    let node = this.root;
    for (const t of tokens) {
      const next = (node.next ??= new Map());
      let child = next.get(t);
      if (!child) next.set(t, (child = { next: undefined, ends: undefined, depth: node.depth + 1 }));
      node = child;
    }
    (node.ends ??= []).push(entry);
  }

  /** The node of a phrase's first word. */
  first(word: string): TrieNode<E> | undefined {
    return this.root.next?.get(word);
  }

  /** Length in words of the longest phrase starting at word i, or 0. */
  longestAt(words: readonly Word[], i: number): number {
    const node = this.first(words[i].lower);
    const ends = node ? this.endsFrom(node, words, i) : [];
    return ends.length ? ends[ends.length - 1]!.depth : 0;
  }

  /**
   * The nodes where phrases starting at word i end, shortest first, given `node`, the node of word i. The
   * array is reused by the next call.
   */
  endsFrom(node: TrieNode<E>, words: readonly Word[], i: number): ReadonlyArray<TrieNode<E>> {
    const path = this.path;
    path.length = 0;
    for (let k = i + 1; ; k++) {
      if (node.ends) path.push(node);
      if (!node.next || k >= words.length) break;
      const next = node.next.get(words[k].lower);
      if (!next) break;
      node = next;
    }
    return path;
  }
}

export class PhraseMatcher {
  private readonly trie = new WordTrie<true>();
  readonly size: number;

  constructor(phrases: readonly string[]) {
    let size = 0;
    for (const p of phrases) {
      const tokens = segmentWords(p, 0).map((w) => w.lower);
      if (tokens.length === 0) continue;
      this.trie.add(tokens, true);
      size++;
    }
    this.size = size;
  }

  /** Non-overlapping matches, leftmost-longest ("a lot of" wins over "a lot"). */
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
    return this.trie.longestAt(words, i);
  }

  test(words: readonly Word[]): boolean {
    if (this.size === 0) return false;
    for (let i = 0; i < words.length; i++) if (this.trie.first(words[i].lower) && this.matchAt(words, i) > 0) return true;
    return false;
  }
}

interface ListEntry {
  list: number;
  tokens: string[];
  phrase: string;
}

/**
 * Every word list of a rubric in one trie, so a block's sentences are scanned once for all lists instead of
 * once per list. Matches per list are leftmost-longest and non-overlapping, as PhraseMatcher.matchAll; at one
 * word, longer phrases come first, then lower list ids.
 */
export class ListIndex {
  private readonly trie = new WordTrie<ListEntry>();
  readonly names: string[];
  private readonly ids: Map<string, number>;
  /** Per list, the first word index a new match may start at (scratch for matchAll). */
  private readonly nextFree: Int32Array;

  constructor(lists: Record<string, readonly string[]>) {
    this.names = Object.keys(lists);
    this.ids = new Map(this.names.map((n, i) => [n, i]));
    this.nextFree = new Int32Array(this.names.length);
    // Lists in id order, so each node's ends are in list order.
    this.names.forEach((name, list) => {
      for (const p of lists[name]) {
        const tokens = segmentWords(p, 0).map((w) => w.lower);
        if (tokens.length > 0) this.trie.add(tokens, { list, tokens, phrase: tokens.join(' ') });
      }
    });
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
      const first = this.trie.first(words[i].lower);
      if (!first) continue;
      // Longest first: a list that matched a longer phrase at i has nextFree past i, so its shorter ones are skipped.
      const ends = this.trie.endsFrom(first, words, i);
      for (let p = ends.length - 1; p >= 0; p--) {
        for (const e of ends[p]!.ends!) {
          if (nextFree[e.list] > i) continue;
          nextFree[e.list] = i + e.tokens.length;
          out.push({ list: e.list, sentence, from: i, to: i + e.tokens.length, phrase: e.phrase });
        }
      }
    }
  }
}

/** A match of one rubric word list in a block: the list's id, the sentence's number in the block, and its words. */
export interface ListMatch extends PhraseMatch {
  list: number;
  sentence: number;
}
