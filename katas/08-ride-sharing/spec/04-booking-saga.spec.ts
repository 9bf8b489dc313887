import { describe, expect, it } from 'vitest'
import type { SagaMessage } from '#impl'
import { BAIXA } from './support/rides.ts'
import { OFFER_TIMEOUT_MS, sagaWith } from './support/saga.ts'

const request = { rideId: 'ride-1', pickup: BAIXA, fare: 12 }
const types = (messages: readonly SagaMessage[]) =>
  messages.map((m) => ('driverId' in m ? `${m.type} ${m.driverId}` : m.type))

describe('step 4: the booking saga, offer → accept / decline / timeout → compensate', () => {
  it('authorizes the payment, offers the nearest driver with a deadline from the clock, and confirms on accept', async () => {
    const { saga, payments } = sagaWith(['d1', 'd2'])
    await saga.start(request)
    expect(saga.status('ride-1')).toBe('offering')
    expect(saga.messages('ride-1')).toEqual([
      { type: 'PaymentAuthorized', rideId: 'ride-1', authorizationId: 'auth-ride-1' },
      { type: 'DriverAssigned', rideId: 'ride-1', driverId: 'd1', expiresAt: '2026-11-27T10:00:15.000Z' },
    ])
    expect(await saga.accept('ride-1', 'd1')).toBe(true)
    expect(saga.status('ride-1')).toBe('confirmed')
    expect(types(saga.messages('ride-1')).at(-1)).toBe('RideConfirmed d1')
    expect(payments.calls).toEqual(['authorize ride-1 12'])
  })

  it('starts once: a redelivered request neither authorizes nor offers again', async () => {
    const { saga, payments } = sagaWith(['d1'])
    await saga.start(request)
    await saga.start(request)
    expect(payments.calls).toEqual(['authorize ride-1 12'])
    expect(types(saga.messages('ride-1'))).toEqual(['PaymentAuthorized', 'DriverAssigned d1'])
  })

  it('on a decline, releases that driver and offers the next one, never the same driver twice', async () => {
    const { saga, searches } = sagaWith(['d1', 'd2'])
    await saga.start(request)
    await saga.decline('ride-1', 'd1')
    expect(types(saga.messages('ride-1'))).toEqual([
      'PaymentAuthorized',
      'DriverAssigned d1',
      'DriverDeclinedRide d1',
      'DriverReleased d1',
      'DriverAssigned d2',
    ])
    expect(searches.at(-1)).toEqual(['d1'])
  })

  it('treats silence as a decline: nothing before the deadline, a timeout and the next offer after it', async () => {
    const { saga, clock } = sagaWith(['d1', 'd2'])
    await saga.start(request)
    clock.advance(OFFER_TIMEOUT_MS - 1)
    await saga.tick()
    expect(types(saga.messages('ride-1')).at(-1)).toBe('DriverAssigned d1')
    clock.advance(1)
    await saga.tick()
    expect(types(saga.messages('ride-1')).slice(2)).toEqual([
      'RideOfferTimedOut d1',
      'DriverReleased d1',
      'DriverAssigned d2',
    ])
    await saga.tick()
    expect(saga.messages('ride-1')).toHaveLength(5)
  })

  it('ignores a late accept from a driver whose offer has moved on: never a double assignment', async () => {
    const { saga, clock } = sagaWith(['d1', 'd2'])
    await saga.start(request)
    clock.advance(OFFER_TIMEOUT_MS)
    await saga.tick()
    expect(await saga.accept('ride-1', 'd1')).toBe(false)
    expect(saga.status('ride-1')).toBe('offering')
    expect(await saga.accept('ride-1', 'd2')).toBe(true)
    expect(types(saga.messages('ride-1')).filter((t) => t.startsWith('RideConfirmed'))).toEqual([
      'RideConfirmed d2',
    ])
  })

  it('refuses an accept after the deadline even before the timeout has been processed', async () => {
    const { saga, clock } = sagaWith(['d1', 'd2'])
    await saga.start(request)
    clock.advance(OFFER_TIMEOUT_MS + 1)
    expect(await saga.accept('ride-1', 'd1')).toBe(false)
    expect(types(saga.messages('ride-1'))).not.toContain('RideConfirmed d1')
  })

  it('ignores an accept or decline from a driver who was never offered the ride', async () => {
    const { saga } = sagaWith(['d1', 'd2'])
    await saga.start(request)
    expect(await saga.accept('ride-1', 'intruder')).toBe(false)
    await saga.decline('ride-1', 'intruder')
    expect(types(saga.messages('ride-1'))).toEqual(['PaymentAuthorized', 'DriverAssigned d1'])
  })

  it('with no driver at all, voids the authorization and cancels the ride', async () => {
    const { saga, payments } = sagaWith([])
    await saga.start(request)
    expect(saga.status('ride-1')).toBe('cancelled')
    expect(saga.messages('ride-1').slice(1)).toEqual([
      { type: 'PaymentVoided', rideId: 'ride-1', authorizationId: 'auth-ride-1' },
      { type: 'RideCancelled', rideId: 'ride-1', reason: 'no-driver' },
    ])
    expect(payments.calls).toEqual(['authorize ride-1 12', 'void auth-ride-1'])
  })

  it('after the last allowed offer times out, releases the driver, then voids the payment, then cancels', async () => {
    const { saga, clock, payments } = sagaWith(['d1', 'd2', 'd3'], { maxOffers: 2 })
    await saga.start(request)
    await saga.decline('ride-1', 'd1')
    clock.advance(OFFER_TIMEOUT_MS)
    await saga.tick()
    expect(types(saga.messages('ride-1')).slice(-4)).toEqual([
      'RideOfferTimedOut d2',
      'DriverReleased d2',
      'PaymentVoided',
      'RideCancelled',
    ])
    expect(payments.calls.at(-1)).toBe('void auth-ride-1')
    expect(await saga.accept('ride-1', 'd2')).toBe(false)
    expect(saga.status('ride-1')).toBe('cancelled')
  })

  it('on a declined card, cancels without offering anyone and without voiding anything', async () => {
    const { saga, payments, searches } = sagaWith(['d1'], { declines: true })
    await saga.start(request)
    expect(saga.messages('ride-1')).toEqual([
      { type: 'PaymentAuthorizationFailed', rideId: 'ride-1', reason: 'card declined' },
      { type: 'RideCancelled', rideId: 'ride-1', reason: 'payment-declined' },
    ])
    expect(payments.calls).toEqual(['authorize ride-1 12'])
    expect(searches).toEqual([])
  })
})
