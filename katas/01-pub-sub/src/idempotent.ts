import { NotImplementedError } from '@eda/testkit'
import type { EventHandler, ProcessedEventsOptions } from './amqp-types.ts'

/** Step 14: the ids of the events whose effect is done, at most `capacity` of them. */
export class ProcessedEvents {
  /** Validate `capacity` (a positive integer, default 10,000) with `InvalidOptionError`. */
  constructor(options: ProcessedEventsOptions = {}) {
    void options
  }

  has(eventId: string): boolean {
    throw new NotImplementedError('ProcessedEvents.has', `tell whether ${eventId} was processed`)
  }

  /** Remember the id; beyond `capacity`, forget the oldest. */
  add(eventId: string): void {
    throw new NotImplementedError('ProcessedEvents.add', `remember ${eventId}`)
  }

  get size(): number {
    throw new NotImplementedError('ProcessedEvents.size', 'count the ids remembered')
  }
}

/**
 * Step 14: a handler that runs `handler` once per eventId, however often the event is delivered.
 * Remember an id only once its handler succeeded; a duplicate that arrives while the first copy is
 * being handled waits for it.
 */
export function idempotent(handler: EventHandler, processed: ProcessedEvents): EventHandler {
  void [handler, processed]
  throw new NotImplementedError('idempotent', 'skip the events already processed')
}
