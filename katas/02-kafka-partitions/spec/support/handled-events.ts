import type { EventEnvelope } from '@eda/events'
import { waitFor } from '@eda/testkit'
import type { RecordPosition } from '#impl'

export interface Handled {
  readonly event: EventEnvelope
  readonly position: RecordPosition
}

/** Records what a consumer's handler was given, and waits for it. */
export class HandledEvents {
  readonly items: Handled[] = []

  /** An EventHandler that returns at once (so another handler may call it without awaiting). */
  readonly handler = (event: EventEnvelope, position: RecordPosition): void => {
    this.items.push({ event, position })
  }

  get eventIds(): string[] {
    return this.items.map((h) => h.event.eventId)
  }

  /** Waits until every one of `eventIds` was handled at least once. */
  async waitForAll(eventIds: readonly string[], what: string, timeoutMs = 15_000): Promise<void> {
    await waitFor(
      () => {
        const seen = new Set(this.eventIds)
        return eventIds.every((id) => seen.has(id))
      },
      {
        what: `${what}: all ${eventIds.length} events handled`,
        timeoutMs,
        intervalMs: 20,
      },
    )
  }
}

/** How many times each id occurs. */
export function countById(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1)
  return counts
}
