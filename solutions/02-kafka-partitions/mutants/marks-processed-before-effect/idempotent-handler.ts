import type { EventHandler, ProcessedEvents } from '../../src/types.ts'

/** Skips events already seen; marks an event seen as soon as it arrives. */
export function idempotent(handler: EventHandler, processed: ProcessedEvents): EventHandler {
  return async (event, position) => {
    if (await processed.has(event.eventId)) return
    await processed.add(event.eventId)
    await handler(event, position)
  }
}
