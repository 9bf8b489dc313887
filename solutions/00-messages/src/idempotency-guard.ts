import type { EventEnvelope, EventHandler, HandleOutcome } from './types.ts'

/** How an attempt ended; never a rejection, so a waiting duplicate can read it. */
type Settled = { readonly ok: true } | { readonly ok: false; readonly error: unknown }

/**
 * Runs a handler at most once per event id, on an at-least-once delivery: a redelivery after
 * success is a `duplicate`; a duplicate that arrives while the first attempt is still running
 * waits for it and shares its end; a failed attempt is forgotten, so the next delivery retries.
 */
export class IdempotencyGuard {
  readonly #handler: EventHandler
  /** Ids handled successfully. In memory and unbounded here; see NOTES.md for a durable store. */
  readonly #processed = new Set<string>()
  readonly #inFlight = new Map<string, Promise<Settled>>()

  constructor(handler: EventHandler) {
    this.#handler = handler
  }

  async handle(event: EventEnvelope): Promise<HandleOutcome> {
    const id = event.eventId
    if (this.#processed.has(id)) return 'duplicate'
    const running = this.#inFlight.get(id)
    if (running !== undefined) {
      const settled = await running
      if (!settled.ok) throw settled.error
      return 'duplicate'
    }
    // Registered before anything is awaited, so a duplicate arriving meanwhile finds it.
    const attempt = this.#attempt(event)
    this.#inFlight.set(id, attempt)
    const settled = await attempt
    this.#inFlight.delete(id)
    if (!settled.ok) throw settled.error
    // Recorded only now: a failure must leave the id unrecorded so a redelivery runs it again.
    this.#processed.add(id)
    return 'processed'
  }

  async #attempt(event: EventEnvelope): Promise<Settled> {
    try {
      await this.#handler(event)
      return { ok: true }
    } catch (error) {
      return { ok: false, error }
    }
  }
}
