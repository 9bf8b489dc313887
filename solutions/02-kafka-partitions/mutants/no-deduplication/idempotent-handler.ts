import type { EventHandler, ProcessedEvents } from '../../src/types.ts'

/** Records each processed event id (and never looks at them). */
export function idempotent(handler: EventHandler, processed: ProcessedEvents): EventHandler {
  return async (event, position) => {
    await handler(event, position)
    await processed.add(event.eventId)
  }
}
