/**
 * One read of a file, shared by the look at its first bytes that decides how to load it and the
 * loader that then reads it all: the first pieces are kept while they are looked at (`peek`)
 * and handed again, followed by the rest of the same read, to the loader (`read`). A file is
 * thus read once, whichever loader takes it.
 */
export class SharedRead {
  private readonly kept: Uint8Array[] = [];
  private iterator: AsyncIterator<Uint8Array> | null = null;
  private ended = false;
  private taken = false;

  constructor(private readonly open: () => AsyncIterable<Uint8Array>) {}

  /** The file from its start, as far as the caller reads: kept pieces first, then more (kept too). */
  async *peek(): AsyncGenerator<Uint8Array> {
    if (this.taken) throw new Error('the shared read was already handed to a loader');
    for (let i = 0; ; i++) {
      if (i >= this.kept.length) {
        if (this.ended) return;
        this.iterator ??= this.open()[Symbol.asyncIterator]();
        const next = await this.iterator.next();
        if (next.done) {
          this.ended = true;
          return;
        }
        this.kept.push(next.value);
      }
      yield this.kept[i] as Uint8Array;
    }
  }

  /** The whole file: the kept pieces, then the rest of the same read. A second call reads the file again. */
  async *read(): AsyncGenerator<Uint8Array> {
    if (this.taken) {
      yield* this.open();
      return;
    }
    this.taken = true;
    const kept = this.kept.splice(0);
    const iterator = this.iterator;
    try {
      for (const piece of kept) yield piece;
      if (this.ended) return;
      const rest = iterator ?? this.open()[Symbol.asyncIterator]();
      this.iterator = rest;
      for (;;) {
        const next = await rest.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await this.close();
    }
  }

  /** Ends the underlying read (when no loader took it). */
  async close(): Promise<void> {
    const iterator = this.iterator;
    this.iterator = null;
    this.ended = true;
    this.kept.length = 0;
    await iterator?.return?.();
  }
}
