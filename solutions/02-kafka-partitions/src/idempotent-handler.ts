import type { EventHandler, ProcessedEvents } from './types.ts'

/**
 * Wraps a handler so that a redelivered event has no second effect: at-least-once delivery plus
 * deduplication by eventId gives effects that happen once. The id is recorded only after the
 * effect succeeded, so an event whose handler failed is applied when it comes back. In a real
 * system the record of processed ids lives in the same transaction as the effect.
 */
export function idempotent(handler: EventHandler, processed: ProcessedEvents): EventHandler {
  return async (event, position) => {
    if (await processed.has(event.eventId)) return
    await handler(event, position)
    await processed.add(event.eventId)
  }
}
