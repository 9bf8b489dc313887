import { describe, expect, it } from 'vitest'
import {
  decide,
  evolve,
  initialRideState,
  type RideCommand,
  RideRuleError,
  type RideState,
  replay,
} from '#impl'
import { BAIXA, frozen, requestRide, rideHistory, rideRequested } from './support/rides.ts'

/** Given these events, when this command: the events it causes (or the error it throws). */
function given(history: ReturnType<typeof rideHistory>, command: RideCommand) {
  return decide(frozen(replay(history)), command)
}

describe('step 2: the Ride aggregate, decide and evolve', () => {
  it('requests a ride from nothing, and replays it into status "requested" with rider and pickup', () => {
    const events = decide(initialRideState, requestRide())
    expect(events).toEqual([rideRequested()])
    expect(replay(events)).toMatchObject({
      status: 'requested',
      rideId: 'ride-1',
      riderId: 'rider-1',
      pickup: BAIXA,
    })
  })

  it('walks the happy path: offer, accept, start, complete, rate', () => {
    expect(given(rideHistory('requested'), { type: 'OfferRide', driverId: 'driver-1' })).toEqual([
      { type: 'DriverAssigned', version: 1, data: { rideId: 'ride-1', driverId: 'driver-1' } },
    ])
    expect(given(rideHistory('offered'), { type: 'AcceptRide', driverId: 'driver-1' })).toEqual([
      { type: 'DriverAcceptedRide', version: 1, data: { rideId: 'ride-1', driverId: 'driver-1' } },
    ])
    expect(given(rideHistory('accepted'), { type: 'StartTrip' })).toEqual([
      { type: 'TripStarted', version: 1, data: { rideId: 'ride-1', driverId: 'driver-1' } },
    ])
    expect(given(rideHistory('started'), { type: 'CompleteRide', fare: 14 })).toEqual([
      { type: 'RideCompleted', version: 1, data: { rideId: 'ride-1', fare: 14 } },
    ])
    expect(given(rideHistory('completed'), { type: 'RateDriver', rating: 5 })).toEqual([
      { type: 'DriverRated', version: 1, data: { rideId: 'ride-1', driverId: 'driver-1', rating: 5 } },
    ])
    expect(replay(rideHistory('completed'))).toMatchObject({ status: 'completed', driverId: 'driver-1' })
  })

  it('lets only the offered driver accept or decline', () => {
    expect(() => given(rideHistory('offered'), { type: 'AcceptRide', driverId: 'driver-2' })).toThrow(
      RideRuleError,
    )
    expect(() => given(rideHistory('offered'), { type: 'DeclineRide', driverId: 'driver-2' })).toThrow(
      RideRuleError,
    )
    expect(() => given(rideHistory('requested'), { type: 'AcceptRide', driverId: 'driver-1' })).toThrow(
      RideRuleError,
    )
  })

  it('puts a declined ride back to "requested" with no driver, ready for the next offer', () => {
    const declined = [
      ...rideHistory('offered'),
      ...given(rideHistory('offered'), { type: 'DeclineRide', driverId: 'driver-1' }),
    ]
    const state = replay(declined)
    expect(state.status).toBe('requested')
    expect(state.driverId).toBeUndefined()
    expect(given(declined, { type: 'OfferRide', driverId: 'driver-2' })).toEqual([
      { type: 'DriverAssigned', version: 1, data: { rideId: 'ride-1', driverId: 'driver-2' } },
    ])
  })

  it.each([
    ['a second request', 'requested', requestRide()],
    ['a second offer while one is open', 'offered', { type: 'OfferRide', driverId: 'driver-2' }],
    ['a trip that starts before anyone accepted', 'offered', { type: 'StartTrip' }],
    ['a ride completed before the trip started', 'accepted', { type: 'CompleteRide', fare: 10 }],
    [
      'a cancellation once the trip has started',
      'started',
      { type: 'CancelRide', reason: 'changed my mind' },
    ],
    ['a rating before the ride is completed', 'started', { type: 'RateDriver', rating: 4 }],
    ['a rating of 6', 'completed', { type: 'RateDriver', rating: 6 }],
    ['a negative fare', 'started', { type: 'CompleteRide', fare: -1 }],
  ] as const)('rejects %s', (_what, upTo, command) => {
    expect(() => given(rideHistory(upTo), command as RideCommand)).toThrow(RideRuleError)
  })

  it('rejects a second rating', () => {
    const rated = [
      ...rideHistory('completed'),
      ...given(rideHistory('completed'), { type: 'RateDriver', rating: 4 }),
    ]
    expect(() => given(rated, { type: 'RateDriver', rating: 5 })).toThrow(RideRuleError)
  })

  it('cancels a ride that has not started, and nothing more happens to it', () => {
    const cancelled = [
      ...rideHistory('accepted'),
      ...given(rideHistory('accepted'), { type: 'CancelRide', reason: 'rider waited too long' }),
    ]
    expect(cancelled.at(-1)).toEqual({
      type: 'RideCancelled',
      version: 1,
      data: { rideId: 'ride-1', reason: 'rider waited too long' },
    })
    expect(replay(cancelled).status).toBe('cancelled')
    expect(() => given(cancelled, { type: 'StartTrip' })).toThrow(RideRuleError)
  })

  it('evolves without changing the state it is given', () => {
    const state: RideState = frozen(replay(rideHistory('offered')))
    expect(
      evolve(state, {
        type: 'DriverAcceptedRide',
        version: 1,
        data: { rideId: 'ride-1', driverId: 'driver-1' },
      }).status,
    ).toBe('accepted')
    expect(state.status).toBe('offered')
  })
})
