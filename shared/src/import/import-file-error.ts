/**
 * A file that cannot be imported at all (empty, wrong format, a shapefile missing its .dbf, no
 * coordinate columns …). `field` names the request part at fault, as the API's error body does.
 */
export class ImportFileError extends Error {
  readonly field: string;
  readonly tooLarge: boolean;

  constructor(message: string, field = 'file', options: { tooLarge?: boolean } = {}) {
    super(message);
    this.name = 'ImportFileError';
    this.field = field;
    this.tooLarge = options.tooLarge ?? false;
  }
}
