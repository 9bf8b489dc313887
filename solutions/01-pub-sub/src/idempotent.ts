import type { EventHandler, ProcessedEventsOptions } from './amqp-types.ts'
import { positiveInteger } from './positive-integer.ts'

/**
 * The ids of the events whose effect is done. Bounded: the oldest ids are forgotten first, so
 * memory stays flat; a duplicate older than the window would be handled again (size it to cover
 * the redelivery window, or keep the ids in the database, in the effect's own transaction).
 */
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
    // A Set iterates in insertion order: the first id is the oldest.
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
 * Wraps a handler so that duplicate deliveries of one eventId produce one effect. An id is
 * remembered only once its handler succeeded (a failed attempt must run again on retry), and a
 * duplicate arriving while the first copy is still being handled waits for that outcome instead
 * of running alongside it.
 */
export function idempotent(handler: EventHandler, processed: ProcessedEvents): EventHandler {
  const running = new Map<string, Promise<void>>()
  return async (event, delivery) => {
    const { eventId } = event
    for (let current = running.get(eventId); current !== undefined; current = running.get(eventId))
      await current.catch(() => undefined)
    if (processed.has(eventId)) return
    const run = (async () => handler(event, delivery))()
    running.set(eventId, run)
    try {
      await run
      processed.add(eventId)
    } finally {
      running.delete(eventId)
    }
  }
}
