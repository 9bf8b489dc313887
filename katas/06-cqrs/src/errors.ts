/** A command broke a business rule: nothing was written. */
export class OrderDomainError extends Error {
  override readonly name = 'OrderDomainError'
  constructor(
    readonly code:
      | 'order-already-placed'
      | 'order-not-placed'
      | 'order-cancelled'
      | 'order-shipped'
      | 'order-not-paid'
      | 'payment-mismatch',
    readonly orderId: string,
  ) {
    super(`order ${orderId}: ${code}`)
  }
}

/** Another rebuild of this projection is running; two at once would interleave truncate and replay. */
export class RebuildInProgressError extends Error {
  override readonly name = 'RebuildInProgressError'
  constructor(readonly projection: string) {
    super(`a rebuild of ${projection} is already running`)
  }
}

/** A projection could not apply an event: it stopped just before it (other projections go on). */
export class ProjectionFailedError extends Error {
  override readonly name = 'ProjectionFailedError'
  constructor(
    readonly projection: string,
    readonly position: number,
    readonly eventId: string,
    override readonly cause: unknown,
  ) {
    super(
      `projection ${projection} failed on event ${eventId} at position ${position}: ${cause instanceof Error ? cause.message : String(cause)}`,
    )
  }
}
