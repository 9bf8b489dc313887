/**
 * A stream id, position, option or batch the store refuses before doing any I/O. Events
 * themselves are validated with `@eda/events` and rejected with its `MessageValidationError`.
 */
export class InvalidArgumentError extends Error {
  override readonly name = 'InvalidArgumentError'

  constructor(
    /** Which argument, e.g. `streamId`, `options.from`, `events`. */
    readonly argument: string,
    /** What is wrong with it, e.g. `must be an integer ≥ 1 (got 0)`. */
    readonly reason: string,
  ) {
    super(`Invalid ${argument}: ${reason}`)
  }
}
