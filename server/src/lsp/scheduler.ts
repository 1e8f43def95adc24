// Debounces analysis per document and starts the analyses one at a time, yielding to the event loop between them,
// so an edit that supersedes a queued document's turn replaces it before it reaches the analysis worker.

/** `rev` identifies the document's text (see DocState.rev in documents.ts). */
export type Job = (uri: string, rev: number) => Promise<void>;

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queue = new Map<string, number>();
  private running = false;
  private disposed = false;

  constructor(
    private readonly job: Job,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** (Re)starts the quiet period for `uri`; a change arriving meanwhile replaces this text's turn. */
  schedule(uri: string, rev: number, delayMs: number): void {
    if (this.disposed) return;
    this.cancel(uri);
    if (delayMs <= 0) {
      // No quiet period: queue now (a zero timer still waits a millisecond or more).
      this.queue.set(uri, rev);
      this.pump();
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.queue.set(uri, rev);
        this.pump();
      }, delayMs),
    );
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.queue.delete(uri);
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.queue.clear();
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.queue.entries().next();
    if (next.done) return;
    const [uri, rev] = next.value;
    this.queue.delete(uri);
    this.running = true;
    // setImmediate lets pending I/O (new edits that supersede queued work) be read before the next analysis.
    setImmediate(() => {
      this.job(uri, rev)
        .catch(this.onError)
        .finally(() => {
          this.running = false;
          this.pump();
        });
    });
  }
}
