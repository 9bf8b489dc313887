import type { EventHandler, ProcessedEventsOptions } from '../../src/amqp-types.ts'
import { positiveInteger } from '../../src/positive-integer.ts'

export class ProcessedEvents {
  readonly #ids = new Set<string>()
  readonly #capacity: number

  constructor(options: ProcessedEventsOptions = {}) {
    this.#capacity = positiveInteger('capacity', options.capacity ?? 10_000)
  }

  has(eventId: string): boolean {
    return this.#ids.has(eventId)
  }

  add(eventId: string): void {
    if (this.#ids.has(eventId)) return
    this.#ids.add(eventId)
    if (this.#ids.size > this.#capacity) {
      const oldest = this.#ids.values().next()
      if (!oldest.done) this.#ids.delete(oldest.value)
    }
  }

  get size(): number {
    return this.#ids.size
  }
}

/**
 * BUG: no deduplication. The ids are recorded but never checked: every redelivery and every
 * duplicate publish of an event runs its effect again (a customer charged twice).
 */
export function idempotent(handler: EventHandler, processed: ProcessedEvents): EventHandler {
  return async (event, delivery) => {
    await handler(event, delivery)
    processed.add(event.eventId)
  }
}
