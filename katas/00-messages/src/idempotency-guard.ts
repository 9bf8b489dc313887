import { NotImplementedError } from '@eda/testkit'
import type { EventEnvelope, EventHandler, HandleOutcome } from './types.ts'

/**
 * Step 5. Wraps a handler so that each event id is processed once, on a broker that delivers at
 * least once: a redelivery after success is a `duplicate`; a duplicate arriving while the first
 * attempt still runs waits for it; a failed attempt is not remembered, so the next delivery retries.
 */
export class IdempotencyGuard {
  constructor(handler: EventHandler) {
    void handler
  }

  /** Step 5. Resolves `processed` or `duplicate`; rejects with the handler's error when it fails. */
  handle(event: EventEnvelope): Promise<HandleOutcome> {
    return Promise.reject(
      new NotImplementedError('IdempotencyGuard.handle', `process event ${event.eventId} once`),
    )
  }
}
