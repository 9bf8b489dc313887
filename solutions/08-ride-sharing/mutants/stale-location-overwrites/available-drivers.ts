import type { Location, RideEvent } from '../../src/catalog.ts'
import type { DriverLocationUpdate } from '../../src/driver-locations.ts'

/** What the read model consumes: the ride events and the driver location feed. */
export type DriverFeedEvent =
  | RideEvent
  | { readonly type: 'DriverLocationUpdated'; readonly version: 1; readonly data: DriverLocationUpdate }

export interface NearbyDriver {
  readonly driverId: string
  readonly distanceKm: number
}

/** Great-circle distance in kilometres (haversine). Given: geometry, not the exercise. */
export function distanceKm(a: Location, b: Location): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

/**
 * Step 3: the CQRS read model "available drivers near a pickup". Fed by location updates and ride
 * events, in any interleaving; disposable: `rebuild` from the same events gives the same answers.
 */
export class AvailableDriversView {
  readonly #positions = new Map<string, { location: Location; at: number }>()
  /** rideId → the driver that ride holds (offered, accepted or driving). */
  readonly #rides = new Map<string, string>()

  apply(event: DriverFeedEvent): void {
    switch (event.type) {
      case 'DriverLocationUpdated': {
        const { driverId, lat, lng, at } = event.data
        const time = Date.parse(at)
        const known = this.#positions.get(driverId)
        if (known !== undefined && Number.isNaN(time)) return
        this.#positions.set(driverId, { location: { lat, lng }, at: time })
        return
      }
      case 'DriverAssigned':
        this.#rides.set(event.data.rideId, event.data.driverId)
        return
      case 'DriverDeclinedRide':
      case 'RideCompleted':
      case 'RideCancelled':
        this.#rides.delete(event.data.rideId)
        return
      default:
        return
    }
  }

  /**
   * Free drivers with a known position within `radiusKm` of `pickup`, nearest first (ties by
   * driver id), at most `limit`.
   */
  near(pickup: Location, radiusKm: number, limit = 10): NearbyDriver[] {
    const busy = new Set(this.#rides.values())
    const found: NearbyDriver[] = []
    for (const [driverId, { location }] of this.#positions) {
      if (busy.has(driverId)) continue
      const distance = distanceKm(pickup, location)
      if (distance <= radiusKm) found.push({ driverId, distanceKm: distance })
    }
    found.sort((a, b) => a.distanceKm - b.distanceKm || a.driverId.localeCompare(b.driverId))
    return found.slice(0, limit)
  }

  /** A fresh view fed every event in order: what a rebuild from the log produces. */
  static rebuild(events: Iterable<DriverFeedEvent>): AvailableDriversView {
    const view = new AvailableDriversView()
    for (const event of events) view.apply(event)
    return view
  }
}
