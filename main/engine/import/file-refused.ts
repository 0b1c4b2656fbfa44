/** A whole file that cannot be imported, with a reason a user can act on. */
export class FileRefused extends Error {
  constructor(
    message: string,
    readonly missingColumns?: string[],
  ) {
    super(message);
    this.name = 'FileRefused';
  }
}
