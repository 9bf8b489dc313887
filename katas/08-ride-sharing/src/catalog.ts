import { NotImplementedError } from '@eda/testkit'

export interface Location {
  readonly lat: number
  readonly lng: number
}

/** The ride's facts at their current versions: what the aggregate and the read model consume. */
export type RideEvent =
  | {
      readonly type: 'RideRequested'
      readonly version: 2
      readonly data: { rideId: string; riderId: string; pickup: Location; dropoff: Location }
    }
  | {
      readonly type: 'DriverAssigned'
      readonly version: 1
      readonly data: { rideId: string; driverId: string }
    }
  | {
      readonly type: 'DriverAcceptedRide'
      readonly version: 1
      readonly data: { rideId: string; driverId: string }
    }
  | {
      readonly type: 'DriverDeclinedRide'
      readonly version: 1
      readonly data: { rideId: string; driverId: string }
    }
  | { readonly type: 'TripStarted'; readonly version: 1; readonly data: { rideId: string; driverId: string } }
  | { readonly type: 'RideCompleted'; readonly version: 1; readonly data: { rideId: string; fare: number } }
  | { readonly type: 'RideCancelled'; readonly version: 1; readonly data: { rideId: string; reason: string } }
  | {
      readonly type: 'DriverRated'
      readonly version: 1
      readonly data: { rideId: string; driverId: string; rating: number }
    }

export type RideEventType = RideEvent['type']

/** An event as it was stored or received: any type, any version, untyped data. */
export interface StoredEvent {
  readonly type: string
  readonly version: number
  readonly data: Readonly<Record<string, unknown>>
}

/** The version each event type is written at today. Given: the catalog, not the exercise. */
export const CURRENT_VERSIONS: Readonly<Record<RideEventType, number>> = {
  RideRequested: 2,
  DriverAssigned: 1,
  DriverAcceptedRide: 1,
  DriverDeclinedRide: 1,
  TripStarted: 1,
  RideCompleted: 1,
  RideCancelled: 1,
  DriverRated: 1,
}

/**
 * Step 1: brings a stored event to its current version, without touching the input. RideRequested
 * v1 kept the pickup and dropoff as "lat,lng" strings; v2 has `{ lat, lng }` objects. A type or
 * version the catalog does not know is an error, never passed through.
 */
export function upcast(_stored: StoredEvent): RideEvent {
  throw new NotImplementedError('upcast', 'bring a stored ride event to its current version (step 1)')
}
