import { shop } from '@eda/events'
import { NotImplementedError } from '@eda/testkit'
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
 * Step 4. v1 → v2, the seed's change: `total` became `totalAmount` and `currency` appeared. Before
 * v2 the shop sold in US dollars only. What should `items` be, when v1 never recorded them?
 */
export function orderPlacedV1ToV2(data: shop.OrderPlacedV1Data): shop.OrderPlacedV2Data {
  throw new NotImplementedError('orderPlacedV1ToV2', `read OrderPlaced ${data.orderId} v1 as v2`)
}

/** Step 4. v2 → v3: `customerId` moves into `customer: { id }`; `placedBy` is the envelope's `metadata.userId`. */
export function orderPlacedV2ToV3(data: shop.OrderPlacedV2Data, event: RecordedEvent): OrderPlacedV3Data {
  void event
  throw new NotImplementedError('orderPlacedV2ToV3', `read OrderPlaced ${data.orderId} v2 as v3`)
}

/** The shop's event schemas as this code reads them: every catalog type, OrderPlaced at version 3. */
export const shopSchema: UpcastingSchema = {
  latest: { ...shop.SHOP_EVENT_VERSIONS, OrderPlaced: 3 },
  upcasters: [
    { eventType: 'OrderPlaced', fromVersion: 1, toVersion: 2, upcast: orderPlacedV1ToV2 },
    { eventType: 'OrderPlaced', fromVersion: 2, toVersion: 3, upcast: orderPlacedV2ToV3 },
  ],
  // Step 4: the first release stored this fact as OrderSubmitted (with the v1 shape).
  renamed: {},
}
