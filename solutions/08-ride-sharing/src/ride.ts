import type { Location, RideEvent } from './catalog.ts'
import { RideRuleError } from './errors.ts'

export type RideStatus = 'none' | 'requested' | 'offered' | 'accepted' | 'started' | 'completed' | 'cancelled'

export interface RideState {
  readonly status: RideStatus
  readonly rideId?: string
  readonly riderId?: string
  readonly pickup?: Location
  /** The driver offered the ride (offered) or driving it (accepted, started, completed). */
  readonly driverId?: string
  readonly rated: boolean
}

export type RideCommand =
  | {
      readonly type: 'RequestRide'
      readonly rideId: string
      readonly riderId: string
      pickup: Location
      dropoff: Location
    }
  | { readonly type: 'OfferRide'; readonly driverId: string }
  | { readonly type: 'AcceptRide'; readonly driverId: string }
  | { readonly type: 'DeclineRide'; readonly driverId: string }
  | { readonly type: 'StartTrip' }
  | { readonly type: 'CompleteRide'; readonly fare: number }
  | { readonly type: 'CancelRide'; readonly reason: string }
  | { readonly type: 'RateDriver'; readonly rating: number }

export const initialRideState: RideState = { status: 'none', rated: false }

function reject(command: RideCommand, state: RideState, reason: string): never {
  throw new RideRuleError(command.type, state.status, reason)
}

/**
 * Step 2: the ride's rules, pure. Returns the events a command causes in this state, or throws
 * `RideRuleError`. Never changes `state`.
 */
export function decide(state: RideState, command: RideCommand): RideEvent[] {
  const rideId = state.rideId ?? ''
  switch (command.type) {
    case 'RequestRide':
      if (state.status !== 'none') reject(command, state, 'the ride already exists')
      return [
        {
          type: 'RideRequested',
          version: 2,
          data: {
            rideId: command.rideId,
            riderId: command.riderId,
            pickup: command.pickup,
            dropoff: command.dropoff,
          },
        },
      ]
    case 'OfferRide':
      if (state.status !== 'requested') reject(command, state, 'only a requested ride can be offered')
      return [{ type: 'DriverAssigned', version: 1, data: { rideId, driverId: command.driverId } }]
    case 'AcceptRide':
    case 'DeclineRide':
      if (state.status !== 'offered') reject(command, state, 'the ride is not on offer')
      if (state.driverId !== command.driverId)
        reject(command, state, `${command.driverId} was not offered the ride`)
      return [
        {
          type: command.type === 'AcceptRide' ? 'DriverAcceptedRide' : 'DriverDeclinedRide',
          version: 1,
          data: { rideId, driverId: command.driverId },
        },
      ]
    case 'StartTrip':
      if (state.status !== 'accepted') reject(command, state, 'no driver has accepted the ride')
      return [{ type: 'TripStarted', version: 1, data: { rideId, driverId: state.driverId ?? '' } }]
    case 'CompleteRide':
      if (state.status !== 'started') reject(command, state, 'the trip has not started')
      if (!(command.fare >= 0)) reject(command, state, 'the fare must be a non-negative number')
      return [{ type: 'RideCompleted', version: 1, data: { rideId, fare: command.fare } }]
    case 'CancelRide':
      if (state.status !== 'requested' && state.status !== 'offered' && state.status !== 'accepted') {
        reject(command, state, 'only a ride that has not started can be cancelled')
      }
      return [{ type: 'RideCancelled', version: 1, data: { rideId, reason: command.reason } }]
    case 'RateDriver':
      if (state.status !== 'completed') reject(command, state, 'only a completed ride can be rated')
      if (state.rated) reject(command, state, 'the ride is already rated')
      if (!Number.isInteger(command.rating) || command.rating < 1 || command.rating > 5) {
        reject(command, state, 'the rating must be an integer from 1 to 5')
      }
      return [
        {
          type: 'DriverRated',
          version: 1,
          data: { rideId, driverId: state.driverId ?? '', rating: command.rating },
        },
      ]
  }
}

/** Step 2: applies one event to the state, returning a new state. Never throws, never validates. */
export function evolve(state: RideState, event: RideEvent): RideState {
  switch (event.type) {
    case 'RideRequested':
      return {
        status: 'requested',
        rideId: event.data.rideId,
        riderId: event.data.riderId,
        pickup: event.data.pickup,
        rated: false,
      }
    case 'DriverAssigned':
      return { ...state, status: 'offered', driverId: event.data.driverId }
    case 'DriverAcceptedRide':
      return { ...state, status: 'accepted' }
    case 'DriverDeclinedRide': {
      const { driverId: _declined, ...rest } = state
      return { ...rest, status: 'requested' }
    }
    case 'TripStarted':
      return { ...state, status: 'started' }
    case 'RideCompleted':
      return { ...state, status: 'completed' }
    case 'RideCancelled':
      return { ...state, status: 'cancelled' }
    case 'DriverRated':
      return { ...state, rated: true }
  }
}

/** Folds a ride's events into its state. */
export function replay(events: readonly RideEvent[]): RideState {
  return events.reduce(evolve, initialRideState)
}
