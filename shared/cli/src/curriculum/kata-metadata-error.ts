/** A kata's `kata.json` is missing or says something the CLI cannot use. */
export class KataMetadataError extends Error {
  override readonly name = 'KataMetadataError'
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${file} ${reason}`, options)
  }
}
