import { createMessageFactory, type EventEnvelope } from '@eda/events'
import { FakeClock, sequentialIds } from '@eda/testkit'
import { type CartState, cartAggregate } from '#impl'

/** Deterministic cart events for the specs: fixed clock, ids `evt-1`, `evt-2`, ... */
export function cartEvents() {
  const factory = createMessageFactory({ clock: new FakeClock().now, newId: sequentialIds('evt') })
  return {
    itemAdded: (cartId: string, sku: string, quantity = 1, unitPrice = 10): EventEnvelope =>
      factory.event('ItemAddedToCart', { cartId, sku, quantity, unitPrice }),
    itemRemoved: (cartId: string, sku: string, quantity = 1): EventEnvelope =>
      factory.event('ItemRemovedFromCart', { cartId, sku, quantity }),
  }
}

export type CartEvents = ReturnType<typeof cartEvents>

/** `count` ItemAddedToCart events with varied skus, quantities and prices. */
export function someItems(events: CartEvents, cartId: string, count: number, offset = 0): EventEnvelope[] {
  return Array.from({ length: count }, (_, i) => {
    const n = offset + i
    return events.itemAdded(cartId, `sku-${n % 4}`, (n % 3) + 1, 5 + (n % 7))
  })
}

/** The state a full replay of `events` gives: what every load must agree with. */
export function replay(events: readonly EventEnvelope[]): CartState {
  return events.reduce((state, event) => cartAggregate.evolve(state, event), cartAggregate.initialState())
}
