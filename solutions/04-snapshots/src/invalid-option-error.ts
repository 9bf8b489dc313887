/** An option out of range, caught when the object is created (or the call made) rather than later. */
export class InvalidOptionError extends Error {
  override readonly name = 'InvalidOptionError'
  constructor(
    readonly option: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`invalid option ${option}: ${String(value)} (expected ${expected})`)
  }
}
