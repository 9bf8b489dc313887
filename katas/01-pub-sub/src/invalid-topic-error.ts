/** A topic or subscription pattern that cannot be matched: names the value and what is wrong. */
export class InvalidTopicError extends Error {
  override readonly name = 'InvalidTopicError'
  constructor(
    readonly value: string,
    readonly kind: 'pattern' | 'topic',
    readonly reason: string,
  ) {
    super(`invalid ${kind} "${value}": ${reason}`)
  }
}
