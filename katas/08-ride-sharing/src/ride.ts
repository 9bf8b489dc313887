import { NotImplementedError } from '@eda/testkit'
import type { Location, RideEvent } from './catalog.ts'

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

/**
 * Step 2: the ride's rules, pure. Returns the events a command causes in this state, or throws
 * `RideRuleError` (from ./errors.ts). Never changes `state`.
 */
export function decide(_state: RideState, command: RideCommand): RideEvent[] {
  throw new NotImplementedError('decide', `decide what ${command.type} causes in this state (step 2)`)
}

/** Step 2: applies one event to the state, returning a new state. Never throws, never validates. */
export function evolve(_state: RideState, event: RideEvent): RideState {
  throw new NotImplementedError('evolve', `apply ${event.type} to the ride's state (step 2)`)
}

/** Folds a ride's events into its state. Given: it works once `evolve` does. */
export function replay(events: readonly RideEvent[]): RideState {
  return events.reduce(evolve, initialRideState)
}
