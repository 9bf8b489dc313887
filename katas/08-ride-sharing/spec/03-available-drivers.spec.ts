import { describe, expect, it } from 'vitest'
import { AvailableDriversView, type DriverFeedEvent, type Location } from '#impl'
import { ALFAMA, BAIXA, BELEM, PORTO } from './support/rides.ts'

function located(driverId: string, at: Location, time: string): DriverFeedEvent {
  return { type: 'DriverLocationUpdated', version: 1, data: { driverId, lat: at.lat, lng: at.lng, at: time } }
}
const assigned = (rideId: string, driverId: string): DriverFeedEvent => ({
  type: 'DriverAssigned',
  version: 1,
  data: { rideId, driverId },
})

const T1 = '2026-11-27T10:00:00.000Z'
const T2 = '2026-11-27T10:00:05.000Z'

function ids(view: AvailableDriversView, pickup: Location = BAIXA, radiusKm = 5, limit?: number): string[] {
  return view.near(pickup, radiusKm, limit).map((driver) => driver.driverId)
}

describe('step 3: a CQRS read model of available drivers near a pickup', () => {
  it('lists free drivers within the radius, nearest first, with their distance', () => {
    const view = AvailableDriversView.rebuild([
      located('far', BELEM, T1),
      located('near', ALFAMA, T1),
      located('porto', PORTO, T1),
    ])
    const found = view.near(BAIXA, 10)
    expect(found.map((d) => d.driverId)).toEqual(['near', 'far'])
    expect(found[0]?.distanceKm).toBeCloseTo(0.58, 1)
    expect(ids(view, BAIXA, 10, 1)).toEqual(['near'])
  })

  it('keeps the latest position of a driver, and ignores an update older than the one it has', () => {
    const view = new AvailableDriversView()
    view.apply(located('d1', BAIXA, T2))
    view.apply(located('d1', PORTO, T1)) // delivered late: it happened before the Baixa fix
    expect(ids(view)).toEqual(['d1'])
    view.apply(located('d1', PORTO, '2026-11-27T10:00:09.000Z'))
    expect(ids(view)).toEqual([])
  })

  it('hides a driver while a ride holds them, and frees them on decline, completion or cancellation', () => {
    const view = AvailableDriversView.rebuild([located('d1', ALFAMA, T1), located('d2', BELEM, T1)])
    view.apply(assigned('ride-1', 'd1'))
    expect(ids(view, BAIXA, 10)).toEqual(['d2'])
    view.apply({ type: 'DriverAcceptedRide', version: 1, data: { rideId: 'ride-1', driverId: 'd1' } })
    expect(ids(view, BAIXA, 10)).toEqual(['d2'])
    view.apply({ type: 'RideCompleted', version: 1, data: { rideId: 'ride-1', fare: 10 } })
    expect(ids(view, BAIXA, 10)).toEqual(['d1', 'd2'])

    view.apply(assigned('ride-2', 'd2'))
    view.apply({ type: 'DriverDeclinedRide', version: 1, data: { rideId: 'ride-2', driverId: 'd2' } })
    view.apply(assigned('ride-3', 'd1'))
    view.apply({ type: 'RideCancelled', version: 1, data: { rideId: 'ride-3', reason: 'no-show' } })
    expect(ids(view, BAIXA, 10)).toEqual(['d1', 'd2'])
  })

  it('knows nothing of a driver who has never sent a position, even when a ride frees them', () => {
    const view = AvailableDriversView.rebuild([
      assigned('ride-1', 'ghost'),
      { type: 'RideCompleted', version: 1, data: { rideId: 'ride-1', fare: 1 } },
    ])
    expect(view.near(BAIXA, 20_000)).toEqual([])
  })

  it('rebuilds from the log to the same answers as the live view', () => {
    const log: DriverFeedEvent[] = [
      located('d1', ALFAMA, T1),
      located('d2', BELEM, T1),
      located('d3', BAIXA, T1),
      assigned('ride-1', 'd3'),
      located('d2', ALFAMA, T2),
      located('d2', BELEM, T1),
      assigned('ride-2', 'd1'),
      { type: 'RideCancelled', version: 1, data: { rideId: 'ride-2', reason: 'rider cancelled' } },
    ]
    const live = new AvailableDriversView()
    for (const event of log) live.apply(event)
    const rebuilt = AvailableDriversView.rebuild(log)
    expect(rebuilt.near(BAIXA, 10)).toEqual(live.near(BAIXA, 10))
    expect(ids(rebuilt, BAIXA, 10)).toEqual(['d1', 'd2'])
  })
})
