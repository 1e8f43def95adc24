// Word-sequence matching for word lists. Phrases are literal word sequences kept in a word trie: matching at a
// word walks one path, so it costs words × (longest phrase) however many phrases a rubric lists or how many
// of them share their first words.
import { segmentWords, type Sentence, type Word } from './sentences.js';

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

/** What a rule asks of one word list: does a sentence hold one of its phrases, and how long is the one at a word. */
export interface PhraseList {
  readonly size: number;
  test(words: readonly Word[]): boolean;
  /** `test` of a sentence's words, answered from what the sentence keeps where it can. */
  holds(s: Sentence): boolean;
  /** Length in words of the longest phrase starting at word i, or 0. */
  matchAt(words: readonly Word[], i: number): number;
  /** Non-overlapping matches, leftmost-longest ("a lot of" wins over "a lot"). */
  matchAll(words: readonly Word[]): PhraseMatch[];
}

function matchAllOf(list: PhraseList, words: readonly Word[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const len = list.matchAt(words, i);
    if (len > 0) {
      out.push({
        from: i,
        to: i + len,
        phrase: words
          .slice(i, i + len)
          .map((w) => w.lower)
          .join(' '),
      });
      i += len - 1;
    }
  }
  return out;
}

export class PhraseMatcher implements PhraseList {
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

  matchAll(words: readonly Word[]): PhraseMatch[] {
    return this.size === 0 ? [] : matchAllOf(this, words);
  }

  /** Length in words of the longest phrase starting at word i, or 0. */
  matchAt(words: readonly Word[], i: number): number {
    return this.trie.longestAt(words, i);
  }

  holds(s: Sentence): boolean {
    return this.test(s.words);
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
  /** Phrases per list. */
  private readonly sizes: Int32Array;
  /** listsIn's memory: the last word arrays asked about and their answers, a small ring. */
  private readonly seen: Array<readonly Word[] | undefined> = [undefined, undefined, undefined, undefined];
  private readonly seenLists: Uint8Array[] = [];
  private nextSeen = 0;
  /** The lists of a sentence that holds none (shared, never written). */
  private none: Uint8Array | undefined;

  constructor(lists: Record<string, readonly string[]>) {
    this.names = Object.keys(lists);
    this.ids = new Map(this.names.map((n, i) => [n, i]));
    this.nextFree = new Int32Array(this.names.length);
    this.sizes = new Int32Array(this.names.length);
    // Lists in id order, so each node's ends are in list order.
    this.names.forEach((name, list) => {
      for (const p of lists[name]) {
        const tokens = segmentWords(p, 0).map((w) => w.lower);
        if (tokens.length === 0) continue;
        this.trie.add(tokens, { list, tokens, phrase: tokens.join(' ') });
        this.sizes[list]++;
      }
    });
  }

  /** Id of a list name (its index in `names`), -1 for no such list. */
  idOf(name: string): number {
    return this.ids.get(name) ?? -1;
  }

  /** One list of the index, answering through it (see `listsIn`). */
  list(name: string): PhraseList {
    const id = this.ids.get(name)!;
    return new IndexedList(this, id, this.sizes[id]!);
  }

  /**
   * Which lists have a phrase somewhere in `words` (1 at a list's id), from one walk of the index. Rules and the
   * credit tally test a sentence against ten or more lists in a row; each test was a walk of its own. The last
   * few word arrays asked about are remembered by identity (no per-sentence map entry for the collector to trace).
   */
  listsIn(words: readonly Word[]): Uint8Array {
    const seen = this.seen;
    for (let k = 0; k < seen.length; k++) if (seen[k] === words) return this.seenLists[k]!;
    const found = new Uint8Array(this.names.length);
    for (let i = 0; i < words.length; i++) {
      const first = this.trie.first(words[i].lower);
      if (!first) continue;
      for (const node of this.trie.endsFrom(first, words, i)) for (const e of node.ends!) found[e.list] = 1;
    }
    const slot = this.nextSeen;
    this.nextSeen = (slot + 1) % seen.length;
    seen[slot] = words;
    this.seenLists[slot] = found;
    return found;
  }

  /**
   * `listsIn` of a sentence's words, kept on the sentence: the moved copies a document rule reads (engine) share it,
   * where the few remembered word arrays are the block's own.
   */
  listsOf(s: Sentence): Uint8Array {
    if (s.listIndex !== this || !s.lists) {
      s.lists = this.listsIn(s.words);
      s.listIndex = this;
    }
    return s.lists;
  }

  /**
   * `matchAll` over a block's sentences (sentence numbers are their indices), and each sentence keeps the lists it
   * holds: a list with a phrase in a sentence has a match there, its leftmost one, so no sentence is walked twice.
   */
  matchSentences(sentences: readonly Sentence[], out: ListMatch[]): void {
    const none = (this.none ??= new Uint8Array(this.names.length));
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i]!;
      const from = out.length;
      this.matchAll(s.words, i, out);
      let lists = none;
      for (let k = from; k < out.length; k++) {
        if (lists === none) lists = new Uint8Array(this.names.length);
        lists[out[k]!.list] = 1;
      }
      s.lists = lists;
      s.listIndex = this;
    }
  }

  /** Length of the longest phrase of list `list` starting at word i, or 0. */
  matchAt(list: number, words: readonly Word[], i: number): number {
    const first = this.trie.first(words[i].lower);
    if (!first) return 0;
    const path = this.trie.endsFrom(first, words, i);
    for (let p = path.length - 1; p >= 0; p--) for (const e of path[p]!.ends!) if (e.list === list) return path[p]!.depth;
    return 0;
  }

  /** Appends the matches in one sentence's words (sentence number `sentence` of its block) to `out`. */
  private matchAll(words: readonly Word[], sentence: number, out: ListMatch[]): void {
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

/** A rubric's word list as a view of the rubric's one index: the same phrases, matched in the same walk. */
class IndexedList implements PhraseList {
  constructor(
    private readonly index: ListIndex,
    private readonly id: number,
    readonly size: number,
  ) {}

  test(words: readonly Word[]): boolean {
    return this.size > 0 && this.index.listsIn(words)[this.id] === 1;
  }

  holds(s: Sentence): boolean {
    return this.size > 0 && this.index.listsOf(s)[this.id] === 1;
  }

  matchAt(words: readonly Word[], i: number): number {
    return this.size > 0 ? this.index.matchAt(this.id, words, i) : 0;
  }

  matchAll(words: readonly Word[]): PhraseMatch[] {
    return this.test(words) ? matchAllOf(this, words) : [];
  }
}
