import { createMessageFactory, type EventEnvelope } from '@eda/events'
import { sequentialIds } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import {
  type DriverAnswer,
  type DriverBookings,
  InProcessEventBus,
  type PaymentGateway,
  startDispatchService,
  startDriverApp,
  startPaymentService,
  startRideService,
} from '#impl'

/** Card processor stand-in: records every call; declines the rides listed. */
class FakeGateway implements PaymentGateway {
  readonly authorized: string[] = []
  readonly voided: string[] = []
  constructor(private readonly declined: readonly string[] = []) {}
  async authorize(rideId: string) {
    if (this.declined.includes(rideId)) return { declined: 'insufficient funds' }
    this.authorized.push(rideId)
    return { authorizationId: `auth-${rideId}` }
  }
  async void(authorizationId: string) {
    this.voided.push(authorizationId)
  }
}

/** Driver bookings in memory: first free driver not excluded. */
class FakeBookings implements DriverBookings {
  readonly booked = new Map<string, string>()
  constructor(readonly drivers: readonly string[]) {}
  async assign(rideId: string, excluded: readonly string[]) {
    const driver = this.drivers.find((d) => !excluded.includes(d) && !this.booked.has(d))
    if (driver === undefined) return null
    this.booked.set(driver, rideId)
    return driver
  }
  async release(driverId: string, rideId: string) {
    if (this.booked.get(driverId) === rideId) this.booked.delete(driverId)
  }
}

function world(options: { drivers?: string[]; answer?: DriverAnswer; declinedCards?: string[] } = {}) {
  const bus = new InProcessEventBus()
  const gateway = new FakeGateway(options.declinedCards)
  const bookings = new FakeBookings(options.drivers ?? ['d-1', 'd-2', 'd-3'])
  const messages = createMessageFactory({ newId: sequentialIds('evt') })
  startPaymentService(bus, gateway, { messages })
  startDispatchService(bus, bookings, { messages, maxAttempts: 2 })
  startDriverApp(bus, options.answer ?? (() => 'accept'), { messages })
  startRideService(bus, { messages })
  const request = (rideId: string) =>
    messages.event('RideRequested', {
      rideId,
      riderId: 'rider-1',
      pickup: { lat: 52.52, lng: 13.4 },
      dropoff: { lat: 52.5, lng: 13.45 },
    })
  const chain = () => bus.published.map((e: EventEnvelope) => e.eventType)
  return { bus, gateway, bookings, messages, request, chain }
}

describe('step 6: choreography, the same flow with no coordinator', () => {
  it('books a ride by events alone: each service reacts to the previous one’s event', async () => {
    const { bus, request, chain, bookings } = world()
    const requested = request('ride-1')
    await bus.publish(requested)
    expect(chain()).toEqual([
      'RideRequested',
      'PaymentAuthorized',
      'DriverAssigned',
      'DriverAcceptedRide',
      'RideConfirmed',
    ])
    expect(bookings.booked.get('d-1')).toBe('ride-1')
    // One flow: every event carries the request's correlation id and points at its direct cause.
    const events = bus.published
    expect(new Set(events.map((e) => e.correlationId))).toEqual(new Set([requested.correlationId]))
    for (let i = 1; i < events.length; i++) expect(events[i]?.causationId).toBe(events[i - 1]?.eventId)
  })

  it('moves on to another driver after a decline, never back to one who declined', async () => {
    const { bus, request, chain } = world({
      answer: (driverId) => (driverId === 'd-1' ? 'decline' : 'accept'),
    })
    await bus.publish(request('ride-1'))
    expect(chain()).toEqual([
      'RideRequested',
      'PaymentAuthorized',
      'DriverAssigned',
      'DriverDeclinedRide',
      'DriverAssigned',
      'DriverAcceptedRide',
      'RideConfirmed',
    ])
    const assigned = bus.published
      .filter((e) => e.eventType === 'DriverAssigned')
      .map((e) => (e.data as { driverId: string }).driverId)
    expect(assigned).toEqual(['d-1', 'd-2'])
  })

  it('compensates by events: no driver, so the ride is cancelled and the payment service voids its hold', async () => {
    const { bus, request, chain, gateway, bookings } = world({ answer: () => 'decline' })
    await bus.publish(request('ride-1'))
    expect(chain()).toEqual([
      'RideRequested',
      'PaymentAuthorized',
      'DriverAssigned',
      'DriverDeclinedRide',
      'DriverAssigned',
      'DriverDeclinedRide',
      'NoDriverAvailable',
      'RideCancelled',
      'PaymentVoided',
    ])
    expect(gateway.voided).toEqual(['auth-ride-1'])
    expect(bookings.booked.size).toBe(0)
  })

  it('voids a hold once, however many times the ride is cancelled', async () => {
    const { bus, request, chain, gateway, messages } = world({ answer: () => 'decline' })
    const requested = request('ride-1')
    await bus.publish(requested)
    const afterCompensation = chain()
    // The rider cancels too (another event, another id), and the broker redelivers everything.
    await bus.publish(
      messages.event(
        'RideCancelled',
        { rideId: 'ride-1', by: 'rider', reason: 'waited too long' },
        { correlationId: requested.correlationId },
      ),
    )
    for (const event of [...bus.published]) await bus.redeliver(event)
    expect(gateway.voided).toEqual(['auth-ride-1'])
    expect(chain()).toEqual([...afterCompensation, 'RideCancelled'])
  })

  it('rejects the ride when the card is declined: nothing to compensate', async () => {
    const { bus, request, chain, gateway } = world({ declinedCards: ['ride-1'] })
    await bus.publish(request('ride-1'))
    expect(chain()).toEqual(['RideRequested', 'PaymentAuthorizationFailed', 'RideRejected'])
    expect(gateway.voided).toEqual([])
  })

  it('makes every participant idempotent: a redelivered event causes nothing new', async () => {
    const { bus, request, chain, gateway } = world()
    const requested = request('ride-1')
    await bus.publish(requested)
    const once = chain()
    for (const event of [...bus.published]) await bus.redeliver(event)
    expect(chain()).toEqual(once)
    expect(gateway.authorized).toEqual(['ride-1'])
  })

  it('tolerates a cancellation that overtakes the request: the hold is never taken, or voided', async () => {
    const { bus, request, chain, gateway, messages } = world()
    const requested = request('ride-1')
    await bus.publish(
      messages.event(
        'RideCancelled',
        { rideId: 'ride-1', by: 'rider', reason: 'changed plans' },
        {
          correlationId: requested.correlationId,
        },
      ),
    )
    await bus.publish(requested)
    expect(chain()).toEqual(['RideCancelled', 'RideRequested'])
    expect(gateway.authorized.length - gateway.voided.length).toBe(0)
  })
})
