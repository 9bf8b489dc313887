import { createMessageFactory, type EventEnvelope } from '@eda/events'
import { FakeClock, sequentialIds } from '@eda/testkit'
import { expect } from 'vitest'
import type { RecordedEvent } from '#impl'

/**
 * Deterministic shop events for one test: a fixed clock and ids `evt-1`, `evt-2`... Each test
 * makes its own (and has its own store), so ids never meet another test's.
 */
export function shopEvents(prefix = 'evt') {
  const clock = new FakeClock()
  const factory = createMessageFactory({ clock: clock.now, newId: sequentialIds(prefix) })
  return {
    clock,
    orderPlaced: (orderId: string, metadata: Record<string, string> = {}): EventEnvelope =>
      factory.event(
        'OrderPlaced',
        {
          orderId,
          customerId: 'cust-456',
          items: [{ sku: 'book-1', quantity: 1, unitPrice: 99.99 }],
          totalAmount: 99.99,
          currency: 'USD',
        },
        { version: 2, metadata },
      ),
    paymentProcessed: (orderId: string): EventEnvelope =>
      factory.event('PaymentProcessed', {
        orderId,
        paymentId: `pay-${orderId}`,
        amount: 99.99,
        currency: 'USD',
      }),
    orderShipped: (orderId: string): EventEnvelope =>
      factory.event('OrderShipped', { orderId, carrier: 'DHL', trackingNumber: `trk-${orderId}` }),
    /** Any event type with any data, for the specs about payloads. */
    custom: (eventType: string, data: unknown): EventEnvelope => factory.event(eventType, data),
  }
}

/** `data.orderId` of each event, for compact assertions. */
export const orderIdsOf = (events: readonly RecordedEvent[]) =>
  events.map((e) => (e.event.data as { orderId?: string }).orderId)

export const streamPositionsOf = (events: readonly RecordedEvent[]) => events.map((e) => e.streamPosition)

export const globalPositionsOf = (events: readonly RecordedEvent[]) => events.map((e) => e.globalPosition)

export const eventIdsOf = (events: readonly RecordedEvent[]) => events.map((e) => e.event.eventId)

/** True when each position is greater than the one before. */
export const strictlyIncreasing = (positions: readonly bigint[]) =>
  positions.every((p, i) => i === 0 || p > positions[i - 1]!)

/** The rejection of a promise that must reject (fails the test if it fulfils). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  return expect.fail('expected the call to reject, but it fulfilled')
}
