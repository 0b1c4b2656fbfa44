/**
 * The part of papaparse the engine uses: the low-level `Parser`, which parses a string and
 * reports where the last complete row ended, so that a stream can be fed to it chunk by chunk.
 * Declared here because @types/papaparse pulls in Node's types.
 */
export interface ParserConfig {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  quoteChar?: string;
  fastMode?: boolean;
}

export interface ParserResult {
  data: string[][];
  errors: Array<{ type: string; code: string; message: string; row?: number }>;
  meta: { cursor: number; aborted: boolean; truncated?: boolean };
}

export class Parser {
  constructor(config: ParserConfig);
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): ParserResult;
}

declare const Papa: { Parser: typeof Parser };
export default Papa;
