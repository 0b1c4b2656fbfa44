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
}
