import { createMessageFactory, type EventEnvelope } from '@eda/events'
import { FakeClock, sequentialIds } from '@eda/testkit'

/** Deterministic shop events for the specs: fixed clock, ids `evt-1`, `evt-2`, ... */
export function shopEvents() {
  const factory = createMessageFactory({ clock: new FakeClock().now, newId: sequentialIds('evt') })
  return {
    orderPlaced: (orderId: string): EventEnvelope =>
      factory.event(
        'OrderPlaced',
        {
          orderId,
          customerId: 'cust-456',
          items: [{ sku: 'book-1', quantity: 1, unitPrice: 99.99 }],
          totalAmount: 99.99,
          currency: 'USD',
        },
        { version: 2 },
      ),
    orderShipped: (orderId: string): EventEnvelope =>
      factory.event('OrderShipped', { orderId, carrier: 'DHL', trackingNumber: `trk-${orderId}` }),
    paymentProcessed: (orderId: string): EventEnvelope =>
      factory.event('PaymentProcessed', {
        orderId,
        paymentId: `pay-${orderId}`,
        amount: 99.99,
        currency: 'USD',
      }),
  }
}

/** The `data.orderId` of each event, for compact assertions. */
export const orderIds = (events: ReadonlyArray<{ data: unknown }>) =>
  events.map((e) => (e.data as { orderId: string }).orderId)
