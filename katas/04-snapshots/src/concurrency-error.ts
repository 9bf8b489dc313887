/** The stream moved on since the writer read it: the append was refused, nothing was written. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError'
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, the append expected ${expected}`)
  }
}
