import { deferred, waitFor } from '@eda/testkit'
import { startPGlite, useFreshSchema } from '@eda/testkit/pglite'
import type { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  CommandHandler,
  customerStatsProjection,
  InMemoryEventStore,
  type OrderState,
  orderDecider,
  orderSummaryProjection,
  ProjectionFailedError,
  Projector,
  pgliteClient,
  RebuildInProgressError,
  type SqlClient,
} from '#impl'
import { instrumented, snapshot } from './support/read-model.ts'
import { type OrderCommand, writeShopHistory } from './support/shop.ts'

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

async function shopWithHistory() {
  const store = new InMemoryEventStore()
  const handler = new CommandHandler<OrderState, OrderCommand>({ store, decider: orderDecider })
  const last = await writeShopHistory(handler)
  return { store, last }
}

describe('step 5: rebuild a projection, and stop on a poison event', () => {
  it('truncates and replays: the rebuilt read model deep-equals the incrementally built one', async () => {
    const { store, last } = await shopWithHistory()
    const projector = new Projector({
      db,
      store,
      projections: [orderSummaryProjection, customerStatsProjection],
    })
    await projector.init()
    await projector.catchUp()
    const incremental = await snapshot(db)
    // A bug in an older version of the projection left wrong and phantom rows behind.
    await db.query(`update order_summary set status = 'placed', item_count = 99 where order_id = 'o-1'`)
    await db.query(`insert into order_summary values ('o-ghost', 'cust-9', 'paid', 1, 'USD', 1, 9)`)
    await db.query(`update customer_stats set orders_placed = 7 where customer_id = 'cust-2'`)
    expect(await projector.rebuild('order-summary')).toEqual({
      name: 'order-summary',
      position: last,
      failure: null,
    })
    await projector.rebuild('customer-stats')
    expect(await snapshot(db)).toEqual(incremental)
  })

  it('resumes a rebuild that crashed midway from its checkpoint instead of starting again', async () => {
    const { store, last } = await shopWithHistory()
    await new Projector({ db, store, projections: [orderSummaryProjection, customerStatsProjection] }).init()
    const incremental = await (async () => {
      const p = new Projector({ db, store, projections: [orderSummaryProjection] })
      await p.catchUp()
      return snapshot(db)
    })()
    let crashAt: number | undefined = 5
    const applied: number[] = []
    const flaky = instrumented(orderSummaryProjection, (stored) => {
      if (stored.position === crashAt) throw new Error('the process died while rebuilding')
      applied.push(stored.position)
    })
    const projector = new Projector({ db, store, projections: [flaky], batchSize: 2 })
    await expect(projector.rebuild('order-summary')).rejects.toBeInstanceOf(ProjectionFailedError)
    expect((await projector.status('order-summary')).position).toBe(4)

    crashAt = undefined
    applied.length = 0
    const restarted = new Projector({ db, store, projections: [flaky], batchSize: 2 })
    await restarted.rebuild('order-summary')
    expect(applied.filter((p) => p <= 4)).toEqual([])
    expect((await restarted.status('order-summary')).position).toBe(last)
    expect(await snapshot(db)).toEqual(incremental)
  })

  it('refuses a second rebuild of the same projection while one is running', async () => {
    const { store } = await shopWithHistory()
    const gate = deferred()
    let waiting = false
    const slow = instrumented(orderSummaryProjection, async (stored) => {
      if (stored.position !== 3) return
      waiting = true
      await gate.promise
    })
    const projector = new Projector({ db, store, projections: [slow] })
    await projector.init()
    const first = projector.rebuild('order-summary')
    try {
      await waitFor(() => waiting, { what: 'the first rebuild to be halfway', timeoutMs: 10_000 })
      await expect(projector.rebuild('order-summary')).rejects.toBeInstanceOf(RebuildInProgressError)
    } finally {
      gate.resolve()
    }
    await first
    // Once it is done, the projection can be rebuilt again.
    await expect(projector.rebuild('order-summary')).resolves.toMatchObject({ failure: null })
  })

  it('stops a projection just before a poison event, and keeps the other projections going', async () => {
    const { store, last } = await shopWithHistory()
    const [poison] = await store.readAll({ after: 4, limit: 1 })
    const fragile = instrumented(orderSummaryProjection, (stored) => {
      if (stored.event.eventId === poison?.event.eventId) throw new Error('cannot read this event')
    })
    const projector = new Projector({ db, store, projections: [fragile, customerStatsProjection] })
    await projector.init()
    for (let attempt = 0; attempt < 2; attempt++) {
      const [summary, stats] = await projector.catchUp()
      expect(summary?.position).toBe(4)
      expect(summary?.failure).toBeInstanceOf(ProjectionFailedError)
      expect(summary?.failure).toMatchObject({
        projection: 'order-summary',
        position: 5,
        eventId: poison?.event.eventId,
      })
      expect(stats).toEqual({ name: 'customer-stats', position: last, failure: null })
    }
    expect((await projector.status('order-summary')).position).toBe(4)
    // What came before the poison event is kept.
    expect((await snapshot(db)).orders.map((o) => o.orderId)).toEqual(['o-1', 'o-2', 'o-3'])
  })
})
