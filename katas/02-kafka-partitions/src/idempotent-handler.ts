import { NotImplementedError } from '@eda/testkit'
import type { EventHandler, ProcessedEvents } from './types.ts'

/**
 * Step 6: wraps a handler so that a redelivered event (same eventId) has no second effect. When
 * may an event count as processed: before its effect, or after it succeeded?
 */
export function idempotent(handler: EventHandler, processed: ProcessedEvents): EventHandler {
  void [handler, processed]
  throw new NotImplementedError('idempotent', 'skip events whose effect already happened')
}
