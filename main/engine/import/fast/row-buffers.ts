/** The typed arrays a converted chunk's rows go into, grown as rows come and reused from chunk to chunk. */
import type { ChunkResult, PlanLayout } from './fast-plan.js';

/** The buffers behind a chunk result's rows, handed back to be filled again (fewer allocations). */
export interface RowBufferSet {
  rowIndex: ArrayBuffer;
  ints: ArrayBuffer;
  reals: ArrayBuffer;
}

/** The buffers of a result's rows, once it has been read. */
export function rowBuffersOf(result: ChunkResult): RowBufferSet {
  return { rowIndex: result.rowIndex.buffer as ArrayBuffer, ints: result.ints.buffer as ArrayBuffer, reals: result.reals.buffer as ArrayBuffer };
}

/** The rows a chunk adds (the result's arrays are views of these). */
export class RowBuffers {
  rowIndex: Int32Array;
  ints: Int32Array;
  reals: Float64Array;

  /** `reuse`: the buffers of a result already read (rowIndex, ints, reals), filled again when large enough. */
  constructor(
    private readonly layout: PlanLayout,
    capacity = 1024,
    reuse?: RowBufferSet,
  ) {
    const intLength = capacity * Math.max(1, layout.intWidth);
    const realLength = capacity * Math.max(1, layout.realWidth);
    this.rowIndex = reuse && reuse.rowIndex.byteLength >= capacity * 4 ? new Int32Array(reuse.rowIndex) : new Int32Array(capacity);
    this.ints = reuse && reuse.ints.byteLength >= intLength * 4 ? new Int32Array(reuse.ints) : new Int32Array(intLength);
    this.reals = reuse && reuse.reals.byteLength >= realLength * 8 ? new Float64Array(reuse.reals) : new Float64Array(realLength);
  }

  ensure(rows: number): void {
    if (rows < this.rowIndex.length) return;
    const size = this.rowIndex.length * 2;
    const rowIndex = new Int32Array(size);
    rowIndex.set(this.rowIndex);
    this.rowIndex = rowIndex;
    const ints = new Int32Array(size * Math.max(1, this.layout.intWidth));
    ints.set(this.ints);
    this.ints = ints;
    const reals = new Float64Array(size * Math.max(1, this.layout.realWidth));
    reals.set(this.reals);
    this.reals = reals;
  }
}
