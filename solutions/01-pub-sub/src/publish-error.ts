/** The broker did not confirm an event: it is not known to be stored anywhere (step 13). */
export class PublishError extends Error {
  override readonly name = 'PublishError'
  constructor(
    readonly exchange: string,
    readonly routingKey: string,
    readonly eventId: string,
    override readonly cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause)
    super(`could not publish event ${eventId} to exchange "${exchange}" (routing key ${routingKey}): ${why}`)
  }
}
