import type { EventEnvelope, EventHandler, HandleOutcome } from '../../src/types.ts'

export class IdempotencyGuard {
  readonly #handler: EventHandler
  readonly #processed = new Set<string>()

  constructor(handler: EventHandler) {
    this.#handler = handler
  }

  async handle(event: EventEnvelope): Promise<HandleOutcome> {
    if (this.#processed.has(event.eventId)) return 'duplicate'
    this.#processed.add(event.eventId)
    await this.#handler(event)
    return 'processed'
  }
}
