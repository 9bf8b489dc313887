import { NotImplementedError } from '@eda/testkit'
import type { Location, RideEvent } from './catalog.ts'
import type { DriverLocationUpdate } from './driver-locations.ts'

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
  /** Applies one location update or ride event. */
  apply(event: DriverFeedEvent): void {
    throw new NotImplementedError(
      'AvailableDriversView.apply',
      `apply ${event.type} to the read model (step 3)`,
    )
  }

  /**
   * Free drivers with a known position within `radiusKm` of `pickup`, nearest first (ties by
   * driver id), at most `limit`.
   */
  near(_pickup: Location, _radiusKm: number, _limit = 10): NearbyDriver[] {
    throw new NotImplementedError('AvailableDriversView.near', 'list the free drivers near a pickup (step 3)')
  }

  /** A fresh view fed every event in order: what a rebuild from the log produces. */
  static rebuild(_events: Iterable<DriverFeedEvent>): AvailableDriversView {
    throw new NotImplementedError(
      'AvailableDriversView.rebuild',
      'rebuild the read model from the log (step 3)',
    )
  }
}
