import { createMessageFactory, type EventEnvelope } from '@eda/events'
import { FakeClock, sequentialIds, uniqueName } from '@eda/testkit'

export interface ItemAdded {
  readonly cartId: string
  readonly sku: string
  readonly quantity: number
  readonly unitPrice: number
}

/**
 * ItemAddedToCart events, one second apart on a clock that starts `ageMs` ago (default 10 min).
 * Keep event times recent: the producer stamps records with them, and the broker deletes
 * segments whose newest record is older than the topic's retention (7 days by default).
 */
export function cartEvents(ageMs = 600_000) {
  const clock = new FakeClock(new Date(Date.now() - ageMs))
  const factory = createMessageFactory({ clock: clock.now, newId: sequentialIds(uniqueName('evt')) })
  const counts = new Map<string, number>()
  return {
    /** The next item of a cart: `item-1`, `item-2`, ... per cart, so order is visible. */
    itemAdded(cartId: string): EventEnvelope<'ItemAddedToCart', ItemAdded> {
      const n = (counts.get(cartId) ?? 0) + 1
      counts.set(cartId, n)
      clock.advance(1_000)
      return factory.event('ItemAddedToCart', { cartId, sku: `item-${n}`, quantity: n, unitPrice: 2.5 })
    },
    /** `perCart` items for each cart, interleaved: c1 i1, c2 i1, ..., c1 i2, ... */
    interleaved(cartIds: readonly string[], perCart: number): EventEnvelope<'ItemAddedToCart', ItemAdded>[] {
      return Array.from({ length: perCart }, () => cartIds.map((id) => this.itemAdded(id))).flat()
    },
  }
}

export const itemOf = (event: EventEnvelope): ItemAdded => event.data as ItemAdded

/** The partition key the specs use: the cart (the aggregate) the event belongs to. */
export const byCart = (event: EventEnvelope): string => itemOf(event).cartId

/** `n` distinct cart ids. */
export const cartIds = (n: number, prefix = 'cart'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`)

/** A read model: each cart's skus in the order they were handled. */
export function cartLines(events: Iterable<EventEnvelope>): Record<string, string[]> {
  const lines: Record<string, string[]> = {}
  for (const event of events) {
    const { cartId, sku } = itemOf(event)
    lines[cartId] = [...(lines[cartId] ?? []), sku]
  }
  return lines
}
