/** What the importer reads records from: a plain file, a decompressed gzip, a zip entry, a Parquet file. */
export interface RecordSource {
  /** Name in the report: `bill.csv`, `archive.zip › inner.csv`. */
  readonly name: string;
  /** How many bytes `records` will pass to `onBytes` (for progress; 0 when unknown). */
  readonly size: number;
  /**
   * The records in batches, the header first. `onBytes` sees the bytes whose SHA-256 identifies
   * the source: the file's own bytes (compressed, for a gzip), a zip entry's content. It can be
   * called again for a second pass, then with `onBytes` null. Reading notes (the encoding
   * assumed) are pushed to `warnings`.
   */
  records(onBytes: ((chunk: Uint8Array) => void) | null, warnings: string[]): AsyncIterable<string[][]>;
  /**
   * For text sources whose bytes are also the bytes hashed (a plain file, a zip entry; not a
   * gzip): the bytes, and the reader of records from them, so that the importer can read the
   * file once while it decides how (import/load/load-source.ts), and the byte-level loader
   * (../fast/) can read CSV from the bytes directly. `records(onBytes, w)` is
   * `text.records(tap(text.chunks(), onBytes), w)`.
   */
  readonly text?: TextBytes;
}

export interface TextBytes {
  chunks(): AsyncIterable<Uint8Array>;
  records(chunks: AsyncIterable<Uint8Array>, warnings: string[]): AsyncIterable<string[][]>;
}
