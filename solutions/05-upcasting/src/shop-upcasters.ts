import { shop } from '@eda/events'
import type { RecordedEvent, UpcastingSchema } from './types.ts'

/**
 * OrderPlaced version 3, this kata's next change after the catalog's version 2: the customer is
 * an object (room for a name or a segment later), and who placed the order is part of the fact.
 */
export type OrderPlacedV3Data = {
  readonly orderId: string
  readonly customer: { readonly id: string }
  readonly items: readonly shop.OrderItem[]
  readonly totalAmount: number
  readonly currency: string
  /** The user who placed it: older events kept it in `metadata.userId`; null when they did not. */
  readonly placedBy: string | null
}

/**
 * v1 → v2, the seed's change: `total` became `totalAmount`, and a `currency` appeared. Before v2
 * the shop sold in US dollars only, so "USD" is a fact, not a guess. v1 recorded no line items,
 * and an upcaster cannot invent them: the list is empty.
 */
export function orderPlacedV1ToV2(data: shop.OrderPlacedV1Data): shop.OrderPlacedV2Data {
  return {
    orderId: data.orderId,
    customerId: data.customerId,
    items: [],
    totalAmount: data.total,
    currency: 'USD',
  }
}

/** v2 → v3: `customerId` moves into `customer: { id }`; `placedBy` comes from the envelope's metadata. */
export function orderPlacedV2ToV3(data: shop.OrderPlacedV2Data, event: RecordedEvent): OrderPlacedV3Data {
  const userId = event.metadata.userId
  // Every v3 field named: the shape is explicit, and V8 keeps the object fast (no rest or delete).
  return {
    orderId: data.orderId,
    customer: { id: data.customerId },
    items: data.items,
    totalAmount: data.totalAmount,
    currency: data.currency,
    placedBy: typeof userId === 'string' ? userId : null,
  }
}

/** The shop's event schemas as this code reads them: every catalog type, OrderPlaced at version 3. */
export const shopSchema: UpcastingSchema = {
  latest: { ...shop.SHOP_EVENT_VERSIONS, OrderPlaced: 3 },
  upcasters: [
    { eventType: 'OrderPlaced', fromVersion: 1, toVersion: 2, upcast: orderPlacedV1ToV2 },
    { eventType: 'OrderPlaced', fromVersion: 2, toVersion: 3, upcast: orderPlacedV2ToV3 },
  ],
  // The first release called the fact OrderSubmitted (with the v1 shape).
  renamed: { OrderSubmitted: 'OrderPlaced' },
}
