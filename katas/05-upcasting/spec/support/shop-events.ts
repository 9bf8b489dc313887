import { createMessageFactory, type Metadata } from '@eda/events'
import { FakeClock, sequentialIds } from '@eda/testkit'
import type { NewStoredEvent, OrderPlacedV3Data, RecordedEvent } from '#impl'

/**
 * OrderPlaced as the shop wrote it over the years, straight into the log (never through the
 * upcasting store): v1 rows from before versions were recorded, the seed's v2, today's v3.
 */
export function shopHistory(prefix = 'evt') {
  const clock = new FakeClock()
  const newId = sequentialIds(prefix)
  const row = (
    eventType: string,
    data: NewStoredEvent['data'],
    version: number | undefined,
    metadata: Metadata,
  ) => {
    clock.advance(60_000)
    const eventId = newId()
    const event: NewStoredEvent = {
      eventId,
      eventType,
      timestamp: clock.now().toISOString(),
      correlationId: `corr-${eventId}`,
      causationId: null,
      data,
      metadata,
    }
    return version === undefined ? event : { ...event, version }
  }
  return {
    /** The seed's first example: `total`, no items, no currency, no version column yet. */
    v1: (orderId: string, total: number, metadata: Metadata = { userId: 'u-1' }) =>
      row('OrderPlaced', { orderId, customerId: 'cust-456', total }, undefined, metadata),
    /** The first release's name for the same fact, with the v1 shape. */
    submitted: (orderId: string, total: number, metadata: Metadata = { userId: 'u-1' }) =>
      row('OrderSubmitted', { orderId, customerId: 'cust-456', total }, undefined, metadata),
    /** The seed's "2.0" example, in the catalog's v2 shape. */
    v2: (orderId: string, totalAmount: number, metadata: Metadata = { userId: 'u-2' }) =>
      row(
        'OrderPlaced',
        {
          orderId,
          customerId: 'cust-456',
          items: [{ sku: 'book-1', quantity: 1, unitPrice: totalAmount }],
          totalAmount,
          currency: 'USD',
        },
        2,
        metadata,
      ),
    v3: (orderId: string, data: Omit<OrderPlacedV3Data, 'orderId'>) =>
      row('OrderPlaced', { orderId, ...data }, 3, {}),
    shipped: (orderId: string) =>
      row('OrderShipped', { orderId, carrier: 'DHL', trackingNumber: `trk-${orderId}` }, 1, {}),
  }
}

/** New events as the code writes them today, through the factory. */
export function newShopEvents() {
  const factory = createMessageFactory({
    clock: new FakeClock('2025-03-01T09:00:00.000Z').now,
    newId: sequentialIds('new'),
  })
  return {
    orderPlaced: (orderId: string, totalAmount: number, version = 3) =>
      factory.event(
        'OrderPlaced',
        {
          orderId,
          customer: { id: 'cust-789' },
          items: [{ sku: 'mug-1', quantity: 2, unitPrice: totalAmount / 2 }],
          totalAmount,
          currency: 'EUR',
          placedBy: 'u-9',
        },
        { version, metadata: { userId: 'u-9' } },
      ),
    orderShipped: (orderId: string) =>
      factory.event('OrderShipped', { orderId, carrier: 'UPS', trackingNumber: `trk-${orderId}` }),
  }
}

export interface OrderSummary {
  readonly orders: number
  readonly revenue: Readonly<Record<string, number>>
  readonly customers: readonly string[]
  readonly placedBy: readonly (string | null)[]
  readonly shipped: number
}

/** An aggregate that only understands today's shapes: OrderPlaced v3 and OrderShipped v1. */
export const orderSummary = {
  snapshotRevision: 1,
  initialState: (): OrderSummary => ({ orders: 0, revenue: {}, customers: [], placedBy: [], shipped: 0 }),
  evolve(state: OrderSummary, event: RecordedEvent): OrderSummary {
    if (event.eventType === 'OrderShipped') return { ...state, shipped: state.shipped + 1 }
    if (event.eventType !== 'OrderPlaced' || event.version !== 3)
      throw new Error(`the summary cannot fold ${event.eventType} v${event.version}`)
    const data = event.data as OrderPlacedV3Data
    return {
      ...state,
      orders: state.orders + 1,
      revenue: {
        ...state.revenue,
        [data.currency]: Math.round(((state.revenue[data.currency] ?? 0) + data.totalAmount) * 100) / 100,
      },
      customers: [...state.customers, data.customer.id],
      placedBy: [...state.placedBy, data.placedBy],
    }
  },
}
