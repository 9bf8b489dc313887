import { deferred, waitFor } from '@eda/testkit'
import { startPGlite, useFreshSchema } from '@eda/testkit/pglite'
import type { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DriverPool, type OutgoingMessage, pgliteClient, type SqlClient } from '#impl'
import { Recorder, rideInputs, typeOf } from './support/rides.ts'
import { runnerOn } from './support/runner.ts'

let pglite: PGlite
let db: SqlClient

beforeAll(async () => {
  pglite = await startPGlite()
  db = pgliteClient(pglite)
})
afterAll(async () => {
  await pglite?.close()
})
beforeEach(async () => {
  await useFreshSchema(pglite, 'sagas')
})

describe('step 3: a durable saga (state, inbox and outbox in PostgreSQL, on PGlite)', () => {
  it('records each transition and sends its commands, linked to the input that caused them', async () => {
    const r = rideInputs()
    const participants = new Recorder()
    const runner = runnerOn(db, participants.dispatch)
    await runner.init()
    const requested = r.requested('ride-1')
    const result = await runner.handle(requested)
    expect(result).toMatchObject({ duplicate: false, version: 1, state: { status: 'awaiting-payment' } })
    expect(participants.types()).toEqual(['AuthorizePayment'])
    const [authorize] = participants.sent
    expect(authorize?.message).toMatchObject({
      correlationId: requested.correlationId,
      causationId: requested.eventId,
      data: { rideId: 'ride-1', amount: 25, currency: 'USD' },
    })
    await runner.handle(r.authorized('ride-1'))
    await runner.handle(r.assigned('ride-1', 'd-1'))
    await runner.handle(r.accepted('ride-1', 'd-1'))
    expect(participants.types()).toEqual(['AuthorizePayment', 'AssignDriver', 'OfferRide', 'RideConfirmed'])
    expect(await runner.state('ride-1')).toMatchObject({
      version: 4,
      state: { status: 'confirmed', driverId: 'd-1' },
    })
  })

  it('drops a redelivered input: no second transition, no duplicate command', async () => {
    const r = rideInputs()
    const participants = new Recorder()
    const runner = runnerOn(db, participants.dispatch)
    await runner.init()
    const requested = r.requested('ride-1')
    const authorized = r.authorized('ride-1')
    await runner.handle(requested)
    await runner.handle(authorized)
    expect(await runner.handle(requested)).toMatchObject({ duplicate: true, version: 2 })
    expect(await runner.handle(authorized)).toMatchObject({ duplicate: true, version: 2 })
    expect(participants.types()).toEqual(['AuthorizePayment', 'AssignDriver'])
  })

  it('after a crash between recording an input and sending its command, sends that command exactly once on restart', async () => {
    const r = rideInputs()
    const dead = deferred()
    let reachedAssign = false
    const crashing = async (outgoing: OutgoingMessage) => {
      if (typeOf(outgoing) !== 'AssignDriver') return
      reachedAssign = true
      await dead.promise // the process dies here: this promise never settles
    }
    const before = runnerOn(db, crashing)
    await before.init()
    await before.handle(r.requested('ride-1'))
    void before.handle(r.authorized('ride-1'))
    await waitFor(() => reachedAssign, {
      what: 'the first process to start sending AssignDriver',
      timeoutMs: 10_000,
    })

    const participants = new Recorder()
    const after = runnerOn(db, participants.dispatch)
    await after.start()
    expect(participants.types()).toEqual(['AssignDriver'])
    expect(participants.sent[0]?.message.data).toEqual({
      rideId: 'ride-1',
      excludedDriverIds: [],
      attempt: 1,
    })
    await after.start()
    await after.handle(r.assigned('ride-1', 'd-1'))
    expect(participants.types()).toEqual(['AssignDriver', 'OfferRide'])
  })

  it('rebuilds the state by replaying the recorded inputs, re-sending nothing', async () => {
    const r = rideInputs()
    const participants = new Recorder()
    const runner = runnerOn(db, participants.dispatch)
    await runner.init()
    for (const input of [
      r.requested('ride-1'),
      r.authorized('ride-1'),
      r.assigned('ride-1', 'd-1'),
      r.declined('ride-1', 'd-1'),
    ])
      await runner.handle(input)
    const sent = participants.sent.length
    const stored = await runner.state('ride-1')
    expect(await runner.replay('ride-1')).toEqual(stored?.state)
    const restarted = runnerOn(db, participants.dispatch)
    await restarted.start()
    expect(participants.sent.length).toBe(sent)
  })

  it('commits exactly one transition when two inputs for one saga arrive at once', async () => {
    const r = rideInputs()
    const participants = new Recorder()
    const runner = runnerOn(db, participants.dispatch)
    await runner.init()
    for (const input of [r.requested('ride-1'), r.authorized('ride-1'), r.assigned('ride-1', 'd-1')])
      await runner.handle(input)
    const before = participants.sent.length
    await Promise.all([
      runner.handle(r.accepted('ride-1', 'd-1')),
      runner.handle(r.offerTimedOut('ride-1', 'd-1')),
    ])
    const decided = participants.types().slice(before)
    // Either the acceptance won (confirmed) or the timeout did (reassigned): never both.
    expect([['RideConfirmed'], ['ReleaseDriver', 'AssignDriver']]).toContainEqual(decided)
    expect((await runner.state('ride-1'))?.version).toBe(5)
  })

  it('retries a failing compensation, still runs the next one, and reports the failure', async () => {
    const r = rideInputs()
    const participants = new Recorder()
    participants.fail = (o) => typeOf(o) === 'ReleaseDriver'
    const runner = runnerOn(db, participants.dispatch, undefined, { maxDispatchAttempts: 3 })
    await runner.init()
    for (const input of [r.requested('ride-1'), r.authorized('ride-1'), r.assigned('ride-1', 'd-1')])
      await runner.handle(input)
    await runner.handle(r.cancellation('ride-1'))
    expect(participants.attempts.filter((o) => typeOf(o) === 'ReleaseDriver')).toHaveLength(3)
    expect(participants.types().slice(-3)).toEqual([
      'VoidPaymentAuthorization',
      'RideCancelled',
      'RideCompensationFailed',
    ])
    const stored = await runner.state('ride-1')
    expect(stored?.state.status).toBe('compensation-failed')
    expect(stored?.state.compensationFailures).toEqual([
      expect.objectContaining({
        commandType: 'ReleaseDriver',
        error: 'ReleaseDriver could not be delivered',
      }),
    ])
  })

  it('never books one driver on two rides, and releases idempotently', async () => {
    const pool = new DriverPool(db)
    await pool.init(['d-1', 'd-2'])
    const [a, b, c] = await Promise.all([pool.assign('ride-a'), pool.assign('ride-b'), pool.assign('ride-c')])
    expect([a, b, c].filter((d) => d !== null).sort()).toEqual(['d-1', 'd-2'])
    expect([a, b, c].filter((d) => d === null)).toHaveLength(1)
    // Asked again for the same ride (a redelivered AssignDriver), dispatch answers the same driver.
    expect(await pool.assign('ride-a')).toBe(a)
    const driverOfA = a ?? ''
    await pool.release(driverOfA, 'ride-other')
    expect(await pool.rideOf(driverOfA)).toBe('ride-a')
    await pool.release(driverOfA, 'ride-a')
    await pool.release(driverOfA, 'ride-a')
    expect(await pool.rideOf(driverOfA)).toBeNull()
    expect(await pool.assign('ride-d', [driverOfA])).toBeNull()
    expect(await pool.assign('ride-d')).toBe(driverOfA)
  })
})
