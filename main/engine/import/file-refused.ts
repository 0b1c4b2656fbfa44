import type { ClosestFormat } from '../../../shared/model.js';

/** What the format choice knew of a file no known format reads (so it can be mapped by hand). */
export interface Unrecognised {
  header: string[];
  closestFormats: ClosestFormat[];
}

/** A whole file that cannot be imported, with a reason a user can act on. */
export class FileRefused extends Error {
  constructor(
    message: string,
    readonly missingColumns?: string[],
    readonly unrecognised?: Unrecognised,
  ) {
    super(message);
    this.name = 'FileRefused';
  }
}
