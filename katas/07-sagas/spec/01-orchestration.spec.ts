import { describe, expect, it } from 'vitest'
import { rideBookingSaga } from '#impl'
import { CONFIG, cancelTimeout, command, event, given, rideInputs } from './support/rides.ts'

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

describe('step 1: the ride-booking saga, happy path and payment (pure decide/evolve, given/when/then)', () => {
  it('starts on RideRequested: authorize the payment hold and schedule the payment timeout', () => {
    const r = rideInputs()
    const { outputs, next } = given().when(r.requested('ride-1', 'rider-7'))
    expect(outputs).toEqual([
      command('AuthorizePayment', { rideId: 'ride-1', riderId: 'rider-7', amount: 25, currency: 'USD' }),
      {
        kind: 'schedule',
        timeoutId: 'payment',
        afterMs: CONFIG.paymentTimeoutMs,
        input: { type: 'PaymentAuthorizationTimedOut', data: { rideId: 'ride-1' } },
      },
    ])
    expect(next).toMatchObject({ status: 'awaiting-payment', rideId: 'ride-1', riderId: 'rider-7' })
  })

  it('starts one instance per ride: a duplicate RideRequested decides nothing and changes nothing', () => {
    const r = rideInputs()
    const { state, when } = given(r.requested('ride-1'))
    const { outputs, next } = when(r.requested('ride-1'))
    expect(outputs).toEqual([])
    expect(next).toEqual(state)
  })

  it('assigns a driver once the payment is authorized', () => {
    const r = rideInputs()
    const { outputs, next } = given(r.requested('ride-1')).when(r.authorized('ride-1', 'auth-9'))
    expect(outputs).toEqual([
      cancelTimeout('payment'),
      command('AssignDriver', { rideId: 'ride-1', excludedDriverIds: [], attempt: 1 }),
    ])
    expect(next).toMatchObject({ status: 'awaiting-driver', authorizationId: 'auth-9' })
  })

  it('offers the ride to the assigned driver and schedules the acceptance timeout', () => {
    const r = rideInputs()
    const { outputs, next } = given(r.requested('ride-1'), r.authorized('ride-1')).when(
      r.assigned('ride-1', 'd-1'),
    )
    expect(outputs).toEqual([
      command('OfferRide', { rideId: 'ride-1', driverId: 'd-1', attempt: 1 }),
      {
        kind: 'schedule',
        timeoutId: 'offer-1',
        afterMs: CONFIG.offerTimeoutMs,
        input: { type: 'RideOfferTimedOut', data: { rideId: 'ride-1', driverId: 'd-1' } },
      },
    ])
    expect(next).toMatchObject({ status: 'awaiting-acceptance', driverId: 'd-1' })
  })

  it('confirms the ride when the driver accepts, and cancels the acceptance timeout', () => {
    const r = rideInputs()
    const { outputs, next } = given(
      r.requested('ride-1'),
      r.authorized('ride-1'),
      r.assigned('ride-1', 'd-1'),
    ).when(r.accepted('ride-1', 'd-1'))
    expect(outputs).toEqual([
      cancelTimeout('offer-1'),
      event('RideConfirmed', { rideId: 'ride-1', driverId: 'd-1' }),
    ])
    expect(next).toMatchObject({ status: 'confirmed', driverId: 'd-1' })
  })

  it('rejects the ride when the payment fails, with no compensation: nothing was done yet', () => {
    const r = rideInputs()
    const { outputs, next } = given(r.requested('ride-1')).when(
      r.authorizationFailed('ride-1', 'card declined'),
    )
    expect(outputs).toEqual([
      cancelTimeout('payment'),
      event('RideRejected', { rideId: 'ride-1', reason: 'card declined' }),
    ])
    expect(outputs.filter((o) => o.kind === 'command')).toEqual([])
    expect(next.status).toBe('rejected')
  })

  it('treats an unanswered authorization (timeout) as possibly authorized: it voids the hold it may have made', () => {
    const r = rideInputs()
    const { outputs, next } = given(r.requested('ride-1')).when(r.paymentTimedOut('ride-1'))
    expect(outputs).toEqual([
      command('VoidPaymentAuthorization', { rideId: 'ride-1', authorizationId: null }),
      event('RideCancelled', { rideId: 'ride-1', by: 'system', reason: 'payment-timed-out' }),
    ])
    expect(next.status).toBe('cancelled')
  })

  it('voids an authorization that arrives after the ride ended', () => {
    const r = rideInputs()
    const { outputs, next } = given(r.requested('ride-1'), r.paymentTimedOut('ride-1')).when(
      r.authorized('ride-1', 'auth-late'),
    )
    expect(outputs).toEqual([
      command('VoidPaymentAuthorization', { rideId: 'ride-1', authorizationId: 'auth-late' }),
    ])
    expect(next.status).toBe('cancelled')
  })

  it('ignores a payment timeout once the payment was answered', () => {
    const r = rideInputs()
    expect(
      given(r.requested('ride-1'), r.authorized('ride-1')).when(r.paymentTimedOut('ride-1')).outputs,
    ).toEqual([])
  })

  it('is pure: decide and evolve never change the state they are given, and answer the same twice', () => {
    const r = rideInputs()
    const saga = rideBookingSaga(CONFIG)
    const history = [r.requested('ride-1'), r.authorized('ride-1'), r.assigned('ride-1', 'd-1')]
    const state = deepFreeze(history.reduce((s, i) => saga.evolve(s, i), saga.initialState()))
    const before = structuredClone(state)
    for (const input of [
      r.accepted('ride-1', 'd-1'),
      r.declined('ride-1', 'd-1'),
      r.cancellation('ride-1'),
    ]) {
      expect(saga.decide(input, state)).toEqual(saga.decide(input, state))
      expect(saga.evolve(state, input)).not.toBe(state)
    }
    expect(state).toEqual(before)
  })
})
