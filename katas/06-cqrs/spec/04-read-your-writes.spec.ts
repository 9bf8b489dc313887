import { flushPending, waitFor } from '@eda/testkit'
import { startPGlite, useFreshSchema } from '@eda/testkit/pglite'
import type { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  CommandHandler,
  getOrderSummary,
  InMemoryEventStore,
  type OrderState,
  orderDecider,
  orderSummaryProjection,
  Projector,
  pgliteClient,
  type SqlClient,
} from '#impl'
import { ManualScheduler } from './support/manual-scheduler.ts'
import { type OrderCommand, shopCommands } from './support/shop.ts'

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
  await useFreshSchema(pglite, 'cqrs')
})

async function setUp() {
  const store = new InMemoryEventStore()
  const scheduler = new ManualScheduler()
  const handler = new CommandHandler<OrderState, OrderCommand>({ store, decider: orderDecider })
  const projector = new Projector({ db, store, projections: [orderSummaryProjection], scheduler })
  await projector.init()
  return { store, scheduler, handler, projector }
}

describe('step 4: eventual consistency without sleeps (read-your-writes)', () => {
  it('answers a query once the running projection has reached the position of the write', async () => {
    const { handler, projector, scheduler } = await setUp()
    const c = shopCommands()
    projector.start()
    try {
      const placed = await handler.handle('order-o-1', c.place('o-1'))
      const first = await projector.query('order-summary', (q) => getOrderSummary(q, 'o-1'), {
        minPosition: placed.lastPosition ?? 0,
        timeoutMs: 1_000,
      })
      expect(first).toMatchObject({ stale: false, position: 1, value: { status: 'placed' } })
      const paid = await handler.handle('order-o-1', c.pay('o-1', 21))
      const second = await projector.query('order-summary', (q) => getOrderSummary(q, 'o-1'), {
        minPosition: paid.lastPosition ?? 0,
        timeoutMs: 1_000,
      })
      expect(second).toMatchObject({ stale: false, position: 2, value: { status: 'paid' } })
      // The timeouts of answered queries are cancelled, not left to fire later.
      expect(scheduler.pending).toBe(0)
    } finally {
      await projector.stop()
    }
  })

  it('waits for the position, then after the timeout answers with what it has, marked stale', async () => {
    const { handler, projector, scheduler } = await setUp()
    const placed = await handler.handle('order-o-1', shopCommands().place('o-1'))
    // The projector is not running: the write is not projected yet.
    let settled = false
    const answer = projector
      .query('order-summary', (q) => getOrderSummary(q, 'o-1'), {
        minPosition: placed.lastPosition ?? 0,
        timeoutMs: 500,
      })
      .finally(() => {
        settled = true
      })
    await waitFor(() => scheduler.pending === 1, { what: 'the query to start its timeout', timeoutMs: 5_000 })
    scheduler.advance(499)
    await flushPending()
    expect(settled).toBe(false)
    scheduler.advance(1)
    expect(await answer).toEqual({ stale: true, position: 0, value: undefined })
  })

  it('stops waiting as soon as the projection catches up, before the timeout', async () => {
    const { handler, projector, scheduler } = await setUp()
    const placed = await handler.handle('order-o-1', shopCommands().place('o-1'))
    const answer = projector.query('order-summary', (q) => getOrderSummary(q, 'o-1'), {
      minPosition: placed.lastPosition ?? 0,
      timeoutMs: 60_000,
    })
    await waitFor(() => scheduler.pending === 1, { what: 'the query to start its timeout', timeoutMs: 5_000 })
    await projector.catchUp()
    expect(await answer).toMatchObject({
      stale: false,
      position: 1,
      value: { orderId: 'o-1', status: 'placed' },
    })
    expect(scheduler.pending).toBe(0)
  })

  it('does not wait at all without a position, or when the projection is already past it', async () => {
    const { handler, projector, scheduler } = await setUp()
    await handler.handle('order-o-1', shopCommands().place('o-1'))
    expect(await projector.query('order-summary', (q) => getOrderSummary(q, 'o-1'))).toEqual({
      stale: false,
      position: 0,
      value: undefined,
    })
    await projector.catchUp()
    const answer = await projector.query('order-summary', (q) => getOrderSummary(q, 'o-1'), {
      minPosition: 1,
    })
    expect(answer).toMatchObject({ stale: false, position: 1, value: { status: 'placed' } })
    expect(scheduler.pending).toBe(0)
  })

  it('keeps projecting new writes while started, and stops when stopped', async () => {
    const { handler, projector } = await setUp()
    const c = shopCommands()
    projector.start()
    await handler.handle('order-o-1', c.place('o-1'))
    await waitFor(async () => (await projector.status('order-summary')).position === 1, {
      what: 'the started projector to project the first order',
      timeoutMs: 5_000,
    })
    await projector.stop()
    await handler.handle('order-o-2', c.place('o-2'))
    await flushPending()
    expect((await projector.status('order-summary')).position).toBe(1)
    expect(await getOrderSummary(db, 'o-2')).toBeUndefined()
  })
})
