import { describe, expect, it } from 'vitest'
import type { RideSagaInput } from '#impl'
import { cancelTimeout, command, event, given, rideInputs } from './support/rides.ts'

const r = rideInputs()
const offered = (driverId = 'd-1') => [
  r.requested('ride-1'),
  r.authorized('ride-1', 'auth-1'),
  r.assigned('ride-1', driverId),
]

describe('step 2: reassignment, compensation, late and concurrent messages', () => {
  it('reassigns to another driver after a decline, excluding the driver who declined', () => {
    const { outputs, next } = given(...offered('d-1')).when(r.declined('ride-1', 'd-1'))
    expect(outputs).toEqual([
      cancelTimeout('offer-1'),
      command('ReleaseDriver', { rideId: 'ride-1', driverId: 'd-1' }),
      command('AssignDriver', { rideId: 'ride-1', excludedDriverIds: ['d-1'], attempt: 2 }),
    ])
    expect(next).toMatchObject({ status: 'awaiting-driver', driverId: null, attempts: 2 })
  })

  it('counts an acceptance timeout as a decline (the timer fired, so there is nothing to cancel)', () => {
    const { outputs } = given(...offered('d-1')).when(r.offerTimedOut('ride-1', 'd-1'))
    expect(outputs).toEqual([
      command('ReleaseDriver', { rideId: 'ride-1', driverId: 'd-1' }),
      command('AssignDriver', { rideId: 'ride-1', excludedDriverIds: ['d-1'], attempt: 2 }),
    ])
  })

  it('keeps excluding every driver who declined or timed out', () => {
    const { outputs } = given(
      ...offered('d-1'),
      r.declined('ride-1', 'd-1'),
      r.assigned('ride-1', 'd-2'),
    ).when(r.offerTimedOut('ride-1', 'd-2'))
    expect(outputs).toContainEqual(
      command('AssignDriver', { rideId: 'ride-1', excludedDriverIds: ['d-1', 'd-2'], attempt: 3 }),
    )
  })

  it('after K attempts, compensates in reverse order of the steps: release the driver, then void the hold', () => {
    const history: RideSagaInput[] = [
      ...offered('d-1'),
      r.declined('ride-1', 'd-1'),
      r.assigned('ride-1', 'd-2'),
      r.offerTimedOut('ride-1', 'd-2'),
      r.assigned('ride-1', 'd-3'),
    ]
    const { outputs, next } = given(...history).when(r.declined('ride-1', 'd-3'))
    expect(outputs).toEqual([
      cancelTimeout('offer-3'),
      command('ReleaseDriver', { rideId: 'ride-1', driverId: 'd-3' }),
      command('VoidPaymentAuthorization', { rideId: 'ride-1', authorizationId: 'auth-1' }),
      event('RideCancelled', { rideId: 'ride-1', by: 'system', reason: 'no-driver-accepted' }),
    ])
    expect(next.status).toBe('cancelled')
  })

  it('voids the hold (only) when dispatch finds no driver', () => {
    const { outputs } = given(r.requested('ride-1'), r.authorized('ride-1', 'auth-1')).when(
      r.noDriver('ride-1'),
    )
    expect(outputs).toEqual([
      command('VoidPaymentAuthorization', { rideId: 'ride-1', authorizationId: 'auth-1' }),
      event('RideCancelled', { rideId: 'ride-1', by: 'system', reason: 'no-driver-available' }),
    ])
  })

  it('ignores a late acceptance after a timeout and reassignment: never two drivers for one ride', () => {
    const reassigned = [...offered('d-1'), r.offerTimedOut('ride-1', 'd-1')]
    const late = given(...reassigned).when(r.accepted('ride-1', 'd-1'))
    expect(late.outputs).toEqual([])
    expect(late.next).toMatchObject({ status: 'awaiting-driver', driverId: null })
    const stillLate = given(...reassigned, r.assigned('ride-1', 'd-2')).when(r.accepted('ride-1', 'd-1'))
    expect(stillLate.outputs).toEqual([])
    expect(stillLate.next).toMatchObject({ status: 'awaiting-acceptance', driverId: 'd-2' })
    const confirmed = given(...reassigned, r.assigned('ride-1', 'd-2'), r.accepted('ride-1', 'd-1')).when(
      r.accepted('ride-1', 'd-2'),
    )
    expect(confirmed.outputs).toContainEqual(event('RideConfirmed', { rideId: 'ride-1', driverId: 'd-2' }))
  })

  it('ignores an acceptance from a driver the ride was never offered to', () => {
    const { outputs, next } = given(...offered('d-1')).when(r.accepted('ride-1', 'd-9'))
    expect(outputs).toEqual([])
    expect(next.status).toBe('awaiting-acceptance')
  })

  it('treats a timeout after completion as a no-op', () => {
    expect(
      given(...offered('d-1'), r.accepted('ride-1', 'd-1')).when(r.offerTimedOut('ride-1', 'd-1')).outputs,
    ).toEqual([])
    expect(
      given(...offered('d-1'), r.cancellation('ride-1')).when(r.offerTimedOut('ride-1', 'd-1')).outputs,
    ).toEqual([])
  })

  it.each([
    [
      'awaiting payment',
      [r.requested('ride-1')],
      [
        cancelTimeout('payment'),
        command('VoidPaymentAuthorization', { rideId: 'ride-1', authorizationId: null }),
      ],
    ],
    [
      'awaiting a driver',
      [r.requested('ride-1'), r.authorized('ride-1', 'auth-1')],
      [command('VoidPaymentAuthorization', { rideId: 'ride-1', authorizationId: 'auth-1' })],
    ],
    [
      'awaiting acceptance',
      offered('d-1'),
      [
        cancelTimeout('offer-1'),
        command('ReleaseDriver', { rideId: 'ride-1', driverId: 'd-1' }),
        command('VoidPaymentAuthorization', { rideId: 'ride-1', authorizationId: 'auth-1' }),
      ],
    ],
    [
      'confirmed',
      [...offered('d-1'), r.accepted('ride-1', 'd-1')],
      [
        command('ReleaseDriver', { rideId: 'ride-1', driverId: 'd-1' }),
        command('VoidPaymentAuthorization', { rideId: 'ride-1', authorizationId: 'auth-1' }),
      ],
    ],
  ])('a rider cancelling while %s compensates exactly what was done', (_state, history, undo) => {
    const { outputs, next } = given(...history).when(r.cancellation('ride-1', 'changed plans'))
    expect(outputs).toEqual([
      ...undo,
      event('RideCancelled', { rideId: 'ride-1', by: 'rider', reason: 'changed plans' }),
    ])
    expect(next.status).toBe('cancelled')
  })

  it('ignores a cancellation of a ride that already ended, and releases a driver dispatch assigned too late', () => {
    expect(
      given(r.requested('ride-1'), r.authorizationFailed('ride-1')).when(r.cancellation('ride-1')).outputs,
    ).toEqual([])
    const cancelledWhileAssigning = [r.requested('ride-1'), r.authorized('ride-1'), r.cancellation('ride-1')]
    expect(given(...cancelledWhileAssigning).when(r.assigned('ride-1', 'd-4')).outputs).toEqual([
      command('ReleaseDriver', { rideId: 'ride-1', driverId: 'd-4' }),
    ])
  })

  it('records a compensation that finally failed and reports it: never swallowed', () => {
    const cancelled = [...offered('d-1'), r.cancellation('ride-1')]
    const { outputs, next } = given(...cancelled).when(
      r.compensationFailed('ride-1', 'ReleaseDriver', 'dispatch is down'),
    )
    expect(outputs).toEqual([
      event('RideCompensationFailed', {
        rideId: 'ride-1',
        commandType: 'ReleaseDriver',
        commandId: 'cmd-x',
        error: 'dispatch is down',
      }),
    ])
    expect(next.status).toBe('compensation-failed')
    expect(next.compensationFailures).toEqual([
      { commandType: 'ReleaseDriver', commandId: 'cmd-x', error: 'dispatch is down' },
    ])
  })
})
