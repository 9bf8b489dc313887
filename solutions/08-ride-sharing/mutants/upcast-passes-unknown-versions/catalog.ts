import { UnknownEventVersionError } from '../../src/errors.ts'

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

function parsePoint(value: unknown, field: string): Location {
  if (typeof value !== 'string')
    throw new UnknownEventVersionError('RideRequested', 1, `${field} is not a string`)
  const parts = value.split(',').map((part) => part.trim())
  const [lat, lng] = parts.map(Number)
  if (
    parts.length !== 2 ||
    lat === undefined ||
    lng === undefined ||
    Number.isNaN(lat) ||
    Number.isNaN(lng)
  ) {
    throw new UnknownEventVersionError('RideRequested', 1, `${field} is not "lat,lng": ${value}`)
  }
  return { lat, lng }
}

/**
 * Step 1: brings a stored event to its current version, without touching the input. RideRequested
 * v1 kept the pickup and dropoff as "lat,lng" strings; v2 has `{ lat, lng }` objects. A type or
 * version the catalog does not know is an error, never passed through.
 */
export function upcast(stored: StoredEvent): RideEvent {
  const current = (CURRENT_VERSIONS as Record<string, number | undefined>)[stored.type]
  if (current === undefined) throw new UnknownEventVersionError(stored.type, stored.version, 'unknown type')
  if (stored.type === 'RideRequested' && stored.version === 1) {
    const { pickup, dropoff, ...rest } = stored.data
    return {
      type: 'RideRequested',
      version: 2,
      data: {
        ...(rest as { rideId: string; riderId: string }),
        pickup: parsePoint(pickup, 'pickup'),
        dropoff: parsePoint(dropoff, 'dropoff'),
      },
    }
  }
  return { type: stored.type, version: stored.version, data: { ...stored.data } } as RideEvent
}
