import { flushPending, waitFor } from '@eda/testkit'
import { startPGlite, useFreshSchema } from '@eda/testkit/pglite'
import type { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { pgliteClient, type SqlClient } from '#impl'
import { ManualScheduler } from './support/manual-scheduler.ts'
import { CONFIG, Recorder, rideInputs } from './support/rides.ts'
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

async function offeredRide(scheduler: ManualScheduler, participants = new Recorder()) {
  const r = rideInputs()
  const runner = runnerOn(db, participants.dispatch, scheduler)
  await runner.init()
  await runner.start()
  for (const input of [r.requested('ride-1'), r.authorized('ride-1'), r.assigned('ride-1', 'd-1')])
    await runner.handle(input)
  return { r, runner, participants }
}

const settled = (participants: Recorder, count: number, what: string) =>
  waitFor(() => participants.sent.length >= count, { what, timeoutMs: 5_000 })

describe('step 4: time through an injected scheduler; timeouts that survive a restart', () => {
  it('fires the acceptance timeout after offerTimeoutMs, once, and reassigns', async () => {
    const scheduler = new ManualScheduler()
    const { participants, runner } = await offeredRide(scheduler)
    scheduler.advance(CONFIG.offerTimeoutMs - 1)
    await flushPending()
    expect(participants.types()).toEqual(['AuthorizePayment', 'AssignDriver', 'OfferRide'])
    scheduler.advance(1)
    await settled(participants, 5, 'the reassignment after the timeout')
    expect(participants.types().slice(3)).toEqual(['ReleaseDriver', 'AssignDriver'])
    scheduler.advance(10 * CONFIG.offerTimeoutMs)
    await flushPending()
    await runner.stop()
    expect(participants.sent).toHaveLength(5)
    expect((await runner.state('ride-1'))?.state).toMatchObject({ status: 'awaiting-driver', attempts: 2 })
  })

  it('cancels the timeout when the driver accepts: it never fires', async () => {
    const scheduler = new ManualScheduler()
    const { r, participants, runner } = await offeredRide(scheduler)
    await runner.handle(r.accepted('ride-1', 'd-1'))
    expect(scheduler.pending).toBe(0)
    scheduler.advance(10 * CONFIG.offerTimeoutMs)
    await flushPending()
    await runner.stop()
    expect(participants.types()).toEqual(['AuthorizePayment', 'AssignDriver', 'OfferRide', 'RideConfirmed'])
    const restarted = runnerOn(db, participants.dispatch, scheduler)
    await restarted.start()
    expect(scheduler.pending).toBe(0)
  })

  it('keeps a timeout through a restart with its due time, and fires it once even if two processes restart', async () => {
    const scheduler = new ManualScheduler()
    const { participants, runner } = await offeredRide(scheduler)
    await runner.stop()
    scheduler.advance(CONFIG.offerTimeoutMs / 2)
    const one = runnerOn(db, participants.dispatch, scheduler)
    const two = runnerOn(db, participants.dispatch, scheduler)
    await one.start()
    await two.start()
    // Still 15 s to go: the due time was stored, not the delay.
    scheduler.advance(CONFIG.offerTimeoutMs / 2 - 1)
    await flushPending()
    expect(participants.sent).toHaveLength(3)
    scheduler.advance(1)
    await settled(participants, 5, 'the timeout to fire after the restart')
    await flushPending()
    await one.stop()
    await two.stop()
    expect(participants.types().slice(3)).toEqual(['ReleaseDriver', 'AssignDriver'])
  })

  it('fires an overdue timeout straight away on restart', async () => {
    const scheduler = new ManualScheduler()
    const { participants, runner } = await offeredRide(scheduler)
    await runner.stop()
    scheduler.advance(5 * CONFIG.offerTimeoutMs)
    await flushPending()
    expect(participants.sent).toHaveLength(3)
    const restarted = runnerOn(db, participants.dispatch, scheduler)
    await restarted.start()
    scheduler.advance(0)
    await settled(participants, 5, 'the overdue timeout to fire')
    await restarted.stop()
    expect(participants.types().slice(3)).toEqual(['ReleaseDriver', 'AssignDriver'])
  })

  it('gives up on an unanswered payment authorization and voids whatever it may have held', async () => {
    const scheduler = new ManualScheduler()
    const r = rideInputs()
    const participants = new Recorder()
    const runner = runnerOn(db, participants.dispatch, scheduler)
    await runner.init()
    await runner.start()
    await runner.handle(r.requested('ride-1'))
    scheduler.advance(CONFIG.paymentTimeoutMs)
    await settled(participants, 3, 'the payment timeout to cancel the ride')
    await runner.stop()
    expect(participants.types()).toEqual(['AuthorizePayment', 'VoidPaymentAuthorization', 'RideCancelled'])
    expect(participants.find('VoidPaymentAuthorization')[0]?.message.data).toEqual({
      rideId: 'ride-1',
      authorizationId: null,
    })
  })
})
