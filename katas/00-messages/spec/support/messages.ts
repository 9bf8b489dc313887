import { type Command, createMessageFactory, type EventEnvelope, type Query } from '@eda/events'
import { FakeClock, sequentialIds } from '@eda/testkit'

/**
 * Fixtures built with @eda/events' own factory (fixed clock, ids `msg-1`, `msg-2`...), so a step's
 * specs do not depend on your factory from step 2.
 */
export function shopMessages() {
  const factory = createMessageFactory({ clock: new FakeClock().now, newId: sequentialIds('msg') })
  return {
    factory,
    placeOrder: (orderId: string, options: { correlationId?: string; causationId?: string } = {}): Command =>
      factory.command('PlaceOrder', { orderId, customerId: 'cust-456', currency: 'USD' }, options),
    orderPlaced: (orderId: string, options: { eventId?: string; metadata?: Record<string, string> } = {}) =>
      factory.event(
        'OrderPlaced',
        { orderId, customerId: 'cust-456', totalAmount: 99.99, currency: 'USD' },
        { version: 2, ...options },
      ) as EventEnvelope,
    getOrderSummary: (orderId: string): Query => factory.query('GetOrderSummary', { orderId }),
  }
}

/** A valid envelope as plain JSON, as it would arrive off the wire (the seed's example, completed). */
export function wireEnvelope(): Record<string, unknown> {
  return {
    eventId: 'evt-1',
    eventType: 'OrderPlaced',
    version: 2,
    timestamp: '2024-01-15T10:30:00Z',
    correlationId: 'req-12345',
    causationId: 'cmd-67890',
    data: {
      orderId: 'order-123',
      items: [{ sku: 'book-1', quantity: 1, unitPrice: 99.99 }],
      customerId: 'cust-456',
      totalAmount: 99.99,
      currency: 'USD',
    },
    metadata: { tenant: 'acme' },
  }
}

/** A clock that moves one second each time it is read: reading it twice shows. */
export function tickingClock(start = '2024-01-15T10:30:00.000Z') {
  let now = Date.parse(start)
  return (): Date => {
    const date = new Date(now)
    now += 1000
    return date
  }
}
