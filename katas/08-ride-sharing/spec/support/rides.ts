import type { Location, RideCommand, RideEvent } from '#impl'

// Fixtures shared by the spec files: places in Lisbon and a ride's commands and events.
export const BAIXA: Location = { lat: 38.7107, lng: -9.1366 }
export const ALFAMA: Location = { lat: 38.7115, lng: -9.13 }
export const BELEM: Location = { lat: 38.6979, lng: -9.2063 }
export const PORTO: Location = { lat: 41.1496, lng: -8.611 }

export function requestRide(rideId = 'ride-1', riderId = 'rider-1'): RideCommand {
  return { type: 'RequestRide', rideId, riderId, pickup: BAIXA, dropoff: BELEM }
}

export function rideRequested(rideId = 'ride-1', riderId = 'rider-1'): RideEvent {
  return { type: 'RideRequested', version: 2, data: { rideId, riderId, pickup: BAIXA, dropoff: BELEM } }
}

/** The events of a ride from request to `upTo` (inclusive), with `driverId` driving it. */
export function rideHistory(
  upTo: 'requested' | 'offered' | 'accepted' | 'started' | 'completed',
  rideId = 'ride-1',
  driverId = 'driver-1',
): RideEvent[] {
  const all: RideEvent[] = [
    rideRequested(rideId),
    { type: 'DriverAssigned', version: 1, data: { rideId, driverId } },
    { type: 'DriverAcceptedRide', version: 1, data: { rideId, driverId } },
    { type: 'TripStarted', version: 1, data: { rideId, driverId } },
    { type: 'RideCompleted', version: 1, data: { rideId, fare: 12.5 } },
  ]
  const count = { requested: 1, offered: 2, accepted: 3, started: 4, completed: 5 }[upTo]
  return all.slice(0, count)
}

/** Deep-freezes a value, so a spec sees any attempt to change its input. */
export function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) frozen(inner)
    Object.freeze(value)
  }
  return value
}
