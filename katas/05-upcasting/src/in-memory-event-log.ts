import { LiveFeed } from './live-feed.ts'
import type {
  EventLog,
  NewStoredEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from './types.ts'

/**
 * Given, complete: an event log in memory. It keeps each event exactly as written (whatever its
 * version) and hands out copies, as a database would.
 */
export class InMemoryEventLog implements EventLog {
  readonly #events: StoredEvent[] = []
  readonly #feed = new LiveFeed()

  async append(streamId: string, events: readonly NewStoredEvent[]): Promise<readonly StoredEvent[]> {
    const before = this.#events.filter((e) => e.streamId === streamId).length
    const stored = events.map(
      (event, i): StoredEvent => ({
        ...structuredClone(event),
        streamId,
        streamPosition: before + i + 1,
        globalPosition: this.#events.length + i + 1,
      }),
    )
    this.#events.push(...stored)
    this.#feed.publish(structuredClone(stored))
    return structuredClone(stored)
  }

  async readStream(streamId: string, { from = 1 }: ReadStreamOptions = {}): Promise<readonly StoredEvent[]> {
    return structuredClone(this.#events.filter((e) => e.streamId === streamId && e.streamPosition >= from))
  }

  async readAll({ after = 0 }: ReadAllOptions = {}): Promise<readonly StoredEvent[]> {
    return structuredClone(this.#events.slice(after))
  }

  subscribe(
    handler: (event: StoredEvent) => void | Promise<void>,
    options: SubscribeOptions = {},
  ): Subscription {
    return this.#feed.subscribe(handler, options, (after) => this.readAll({ after }))
  }
}
