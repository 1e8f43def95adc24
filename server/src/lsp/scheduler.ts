// Debounces analysis per document and runs the analyses one at a time, yielding to the event loop between them,
// so incoming edits and requests are read while a batch of documents is re-analysed.

export type Job = (uri: string, version: number) => Promise<void>;

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queue = new Map<string, number>();
  private running = false;
  private disposed = false;

  constructor(
    private readonly job: Job,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** (Re)starts the quiet period for `uri`; a change arriving meanwhile replaces this version's turn. */
  schedule(uri: string, version: number, delayMs: number): void {
    if (this.disposed) return;
    this.cancel(uri);
    if (delayMs <= 0) {
      // No quiet period: queue now (a zero timer still waits a millisecond or more).
      this.queue.set(uri, version);
      this.pump();
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.queue.set(uri, version);
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
    const [uri, version] = next.value;
    this.queue.delete(uri);
    this.running = true;
    // setImmediate lets pending I/O (new edits that supersede queued work) be read before the next analysis.
    setImmediate(() => {
      this.job(uri, version)
        .catch(this.onError)
        .finally(() => {
          this.running = false;
          this.pump();
        });
    });
  }
}
