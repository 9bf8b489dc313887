import { FakeClock } from '@eda/testkit'
import { connectPostgres, createSchema, describeWithService, useCleanup } from '@eda/testkit/services'
import type pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Location, PostgresRideStore, type RideEvent, RideSharingApp } from '#impl'
import { ALFAMA, BAIXA, BELEM, PORTO } from './support/rides.ts'
import { FakePayments } from './support/saga.ts'

/** FakePayments that can also capture: the last step of a trip. */
class TripPayments extends FakePayments {
  async capture(authorizationId: string, amount: number) {
    this.calls.push(`capture ${authorizationId} ${amount}`)
  }
}

const OFFER_TIMEOUT_MS = 20_000

function story(events: readonly RideEvent[]): string[] {
  return events.map((e) => ('driverId' in e.data ? `${e.type} ${e.data.driverId}` : e.type))
}

describeWithService('postgres', 'step 8: the whole system, end to end', () => {
  const cleanup = useCleanup()
  let db: pg.Client

  beforeAll(async () => {
    db = await connectPostgres()
  })
  afterAll(async () => {
    await db?.end()
  })

  async function system(options: { declines?: boolean; drivers?: ReadonlyArray<[string, Location]> } = {}) {
    const schema = await createSchema(db, { prefix: 'rides_e2e', cleanup })
    const store = new PostgresRideStore(db, schema)
    await store.init()
    const clock = new FakeClock('2026-11-27T10:00:00.000Z')
    const payments = new TripPayments(options.declines)
    const app = new RideSharingApp({
      store,
      payments,
      clock: clock.now,
      offerTimeoutMs: OFFER_TIMEOUT_MS,
      maxOffers: 3,
      radiusKm: 10,
    })
    for (const [driverId, at] of options.drivers ?? []) {
      app.locationReceived({ driverId, lat: at.lat, lng: at.lng, at: clock.now().toISOString() })
    }
    return { app, store, clock, payments }
  }

  const request = (rideId: string, riderId = 'rider-1') => ({
    rideId,
    riderId,
    pickup: BAIXA,
    dropoff: BELEM,
    fare: 15,
  })
  const notified = (app: RideSharingApp, audience: 'rider' | 'driver') =>
    app.notifications.filter((n) => n.audience === audience).map((n) => `${n.recipientId} ${n.kind}`)

  it('request → match → decline → accept → trip → payment → rating', async () => {
    const { app, store, payments } = await system({
      drivers: [
        ['near', ALFAMA],
        ['far', BELEM],
        ['porto', PORTO],
      ],
    })
    await app.requestRide(request('ride-1'))
    await app.declineRide('ride-1', 'near')
    expect(await app.acceptRide('ride-1', 'far')).toBe(true)
    expect(app.drivers.near(BAIXA, 10).map((d) => d.driverId)).toEqual(['near'])
    await app.startTrip('ride-1')
    await app.completeRide('ride-1', 14)
    await app.rateDriver('ride-1', 5)

    expect(story(await store.events('ride-1'))).toEqual([
      'RideRequested',
      'DriverAssigned near',
      'DriverDeclinedRide near',
      'DriverAssigned far',
      'DriverAcceptedRide far',
      'TripStarted far',
      'RideCompleted',
      'DriverRated far',
    ])
    expect(payments.calls).toEqual(['authorize ride-1 15', 'capture auth-ride-1 14'])
    expect(app.drivers.near(BAIXA, 10).map((d) => d.driverId)).toEqual(['near', 'far'])
    expect(notified(app, 'rider')).toEqual(['rider-1 driver-on-the-way'])
    expect(notified(app, 'driver')).toEqual(['near ride-offered', 'far ride-offered', 'far ride-confirmed'])
  })

  it('never offers a driver who is on another ride: the read model follows the rides', async () => {
    const { app, store } = await system({
      drivers: [
        ['near', ALFAMA],
        ['far', BELEM],
      ],
    })
    await app.requestRide(request('ride-1'))
    expect(await app.acceptRide('ride-1', 'near')).toBe(true)
    await app.requestRide(request('ride-2', 'rider-2'))
    expect(story(await store.events('ride-2'))).toEqual(['RideRequested', 'DriverAssigned far'])
  })

  it('no driver nearby: the authorization is voided and the ride cancelled', async () => {
    const { app, store, payments } = await system({ drivers: [['porto', PORTO]] })
    await app.requestRide(request('ride-1'))
    expect(story(await store.events('ride-1'))).toEqual(['RideRequested', 'RideCancelled'])
    expect((await store.load('ride-1')).state.status).toBe('cancelled')
    expect(payments.calls).toEqual(['authorize ride-1 15', 'void auth-ride-1'])
    expect(notified(app, 'rider')).toEqual(['rider-1 payment-released', 'rider-1 ride-cancelled'])
  })

  it('payment declined: the ride is cancelled, nobody is offered it, nothing is voided', async () => {
    const { app, store, payments } = await system({ declines: true, drivers: [['near', ALFAMA]] })
    await app.requestRide(request('ride-1'))
    expect(story(await store.events('ride-1'))).toEqual(['RideRequested', 'RideCancelled'])
    expect(payments.calls).toEqual(['authorize ride-1 15'])
    expect(notified(app, 'driver')).toEqual([])
  })

  it('the driver app crashes mid-flow: the offer times out, the next driver gets it, the late accept is refused', async () => {
    const { app, store, clock } = await system({
      drivers: [
        ['near', ALFAMA],
        ['far', BELEM],
      ],
    })
    await app.requestRide(request('ride-1'))
    clock.advance(OFFER_TIMEOUT_MS)
    await app.tick()
    expect(await app.acceptRide('ride-1', 'near')).toBe(false)
    expect(await app.acceptRide('ride-1', 'far')).toBe(true)
    expect(story(await store.events('ride-1'))).toEqual([
      'RideRequested',
      'DriverAssigned near',
      'DriverDeclinedRide near',
      'DriverAssigned far',
      'DriverAcceptedRide far',
    ])
    expect(app.drivers.near(BAIXA, 10).map((d) => d.driverId)).toEqual(['near'])
  })
})
