/**
 * What a kata's stub throws until the learner writes the body. The red check accepts a spec test
 * that fails with this error (or an assertion) and nothing else, so a stub never fails by accident.
 */
export class NotImplementedError extends Error {
  override readonly name = 'NotImplementedError'
  constructor(
    /** The function or method to write, e.g. `EventBus.publish`. */
    readonly what: string,
    /** What the step asks, in a sentence. */
    readonly todo: string,
  ) {
    super(`TODO: implement ${what}: ${todo}`)
  }
}
