/** A command named a service this tool does not know. */
export class UnknownServiceError extends Error {
  override readonly name = 'UnknownServiceError'
  constructor(
    readonly given: string,
    readonly expected: readonly string[],
  ) {
    super(`unknown service "${given}": expected one of ${expected.join(', ')}`)
  }
}
