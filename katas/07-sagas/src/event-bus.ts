import type { EventEnvelope } from '@eda/events'

export type EventHandler = (event: EventEnvelope) => Promise<void> | void

/**
 * The minimal bus the choreography runs on (kata 01 builds a real one): every event goes to the
 * subscribers of its type, one at a time, in publish order, and into `published` for inspection.
 * A broker may deliver an event twice; `redeliver` does that on purpose.
 */
export class InProcessEventBus {
  readonly published: EventEnvelope[] = []
  readonly #handlers = new Map<string, EventHandler[]>()
  readonly #queue: EventEnvelope[] = []
  #draining: Promise<void> | undefined
  #delivering = false

  subscribe(eventType: string, handler: EventHandler): void {
    this.#handlers.set(eventType, [...(this.#handlers.get(eventType) ?? []), handler])
  }

  /**
   * Queues the event; resolves once it and everything it caused has been handled. Called from a
   * handler, it resolves at once (the event is handled after the current one).
   */
  publish(event: EventEnvelope): Promise<void> {
    this.published.push(event)
    return this.redeliver(event)
  }

  /** Delivers an event again, without logging it as published again. */
  redeliver(event: EventEnvelope): Promise<void> {
    this.#queue.push(event)
    if (this.#delivering) return Promise.resolve()
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = undefined
    })
    return this.#draining
  }

  async #drain(): Promise<void> {
    for (let event = this.#queue.shift(); event; event = this.#queue.shift())
      for (const handler of this.#handlers.get(event.eventType) ?? []) {
        this.#delivering = true
        try {
          await handler(event)
        } finally {
          this.#delivering = false
        }
      }
  }
}
