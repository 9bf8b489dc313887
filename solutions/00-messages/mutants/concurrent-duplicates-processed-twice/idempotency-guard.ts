import type { EventEnvelope, EventHandler, HandleOutcome } from '../../src/types.ts'

export class IdempotencyGuard {
  readonly #handler: EventHandler
  readonly #processed = new Set<string>()

  constructor(handler: EventHandler) {
    this.#handler = handler
  }

  async handle(event: EventEnvelope): Promise<HandleOutcome> {
    if (this.#processed.has(event.eventId)) return 'duplicate'
    await this.#handler(event)
    this.#processed.add(event.eventId)
    return 'processed'
  }
}
