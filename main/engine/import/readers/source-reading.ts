/**
 * One source read for import: its record batches, with the file's date reader decided before the
 * first batch is handed out (see date-order.ts), and the notes of reading for the report.
 */
import { DateReader } from '../values.js';
import { decideDateOrder } from './date-order.js';
import type { RecordSource } from './record-source.js';

export class SourceReading {
  /** Decided before `batches` yields its first batch; pass it to the row converter up front. */
  readonly dates = new DateReader();
  readonly warnings: string[] = [];

  /** `pause` runs between the batches of a pre-pass (yield to the host, notice a cancel). */
  constructor(
    private readonly source: RecordSource,
    private readonly onBytes: (chunk: Uint8Array) => void,
    private readonly pause?: () => Promise<void>,
  ) {}

  async *batches(): AsyncGenerator<string[][]> {
    const iterator = this.source.records(this.onBytes, this.warnings)[Symbol.asyncIterator]();
    try {
      const first = await iterator.next();
      if (first.done) return;
      // One batch of lookahead tells whether the first batch is the whole file.
      const second = await iterator.next();
      const decision = await decideDateOrder(first.value, !second.done, () => this.source.records(null, []), this.pause);
      this.dates.decide(decision.order);
      this.warnings.push(...decision.warnings);
      yield first.value;
      if (second.done) return;
      yield second.value;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
}
