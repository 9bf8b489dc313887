import { createMessageFactory } from '@eda/events'
import { sequentialIds } from '@eda/testkit'
import { startPGlite, useFreshSchema } from '@eda/testkit/pglite'
import type { PGlite } from '@electric-sql/pglite'
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  CommandHandler,
  customerStatsProjection,
  getCustomerStats,
  getOrderSummary,
  InMemoryEventStore,
  listCustomerStats,
  listOrderSummaries,
  type OrderState,
  orderDecider,
  orderSummaryProjection,
  Projector,
  pgliteClient,
  type SqlClient,
} from '#impl'
import { CrashingCheckpoints, eventCounter, snapshot } from './support/read-model.ts'
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

const expectedOrders = [
  { orderId: 'o-1', customerId: 'cust-1', status: 'shipped', totalAmount: 21, currency: 'USD', itemCount: 2 },
  { orderId: 'o-2', customerId: 'cust-2', status: 'paid', totalAmount: 11, currency: 'USD', itemCount: 4 },
  {
    orderId: 'o-3',
    customerId: 'cust-1',
    status: 'cancelled',
    totalAmount: 11,
    currency: 'USD',
    itemCount: 4,
  },
  { orderId: 'o-4', customerId: 'cust-3', status: 'placed', totalAmount: 21, currency: 'USD', itemCount: 2 },
]
const expectedCustomers = [
  { customerId: 'cust-1', ordersPlaced: 2, ordersCancelled: 1, totalSpent: 21 },
  { customerId: 'cust-2', ordersPlaced: 1, ordersCancelled: 0, totalSpent: 11 },
  { customerId: 'cust-3', ordersPlaced: 1, ordersCancelled: 0, totalSpent: 21 },
]

describe('step 3: projections build read models in PostgreSQL (PGlite)', () => {
  it('builds the order summaries from the order streams', async () => {
    const { store, last } = await shopWithHistory()
    const projector = new Projector({ db, store, projections: [orderSummaryProjection] })
    await projector.init()
    const statuses = await projector.catchUp()
    expect(statuses).toEqual([{ name: 'order-summary', position: last, failure: null }])
    expect(await listOrderSummaries(db)).toEqual(expectedOrders)
    expect(await getOrderSummary(db, 'o-2')).toEqual(expectedOrders[1])
    expect(await getOrderSummary(db, 'o-404')).toBeUndefined()
  })

  it('builds customer statistics across many streams', async () => {
    const { store } = await shopWithHistory()
    const projector = new Projector({ db, store, projections: [customerStatsProjection] })
    await projector.init()
    await projector.catchUp()
    expect(await listCustomerStats(db)).toEqual(expectedCustomers)
    expect(await getCustomerStats(db, 'cust-1')).toEqual(expectedCustomers[0])
  })

  it('keeps each projection at its own checkpoint, and resumes from it', async () => {
    const { store, last } = await shopWithHistory()
    const projector = new Projector({
      db,
      store,
      projections: [orderSummaryProjection, customerStatsProjection],
    })
    await projector.init()
    await projector.catchUp()
    const handler = new CommandHandler<OrderState, OrderCommand>({ store, decider: orderDecider })
    const more = await handler.handle(
      'order-o-4',
      createMessageFactory().command('CancelOrder', { orderId: 'o-4', reason: 'duplicate' }) as OrderCommand,
    )
    const restarted = new Projector({
      db,
      store,
      projections: [orderSummaryProjection, customerStatsProjection],
    })
    expect((await restarted.status('order-summary')).position).toBe(last)
    await restarted.catchUp()
    expect(await restarted.status('customer-stats')).toEqual({
      name: 'customer-stats',
      position: more.lastPosition,
      failure: null,
    })
    expect(await getOrderSummary(db, 'o-4')).toMatchObject({ status: 'cancelled' })
    expect(await getCustomerStats(db, 'cust-3')).toMatchObject({ ordersCancelled: 1, totalSpent: 0 })
  })

  it('moves the checkpoint past events the projection does not handle', async () => {
    const { store } = await shopWithHistory()
    const cart = createMessageFactory({ newId: sequentialIds('cart') })
    const appended = await store.appendToStream(
      'cart-1',
      [
        cart.event('ItemAddedToCart', { cartId: 'cart-1', sku: 'sku-1', quantity: 1, unitPrice: 3 }),
        cart.event('ItemAddedToCart', { cartId: 'cart-1', sku: 'sku-2', quantity: 1, unitPrice: 4 }),
      ],
      { expectedVersion: 0 },
    )
    const projector = new Projector({ db, store, projections: [customerStatsProjection] })
    await projector.init()
    await projector.catchUp()
    expect((await projector.status('customer-stats')).position).toBe(appended.lastPosition)
  })

  it('refuses two projections with the same name', () => {
    const store = new InMemoryEventStore()
    expect(
      () => new Projector({ db, store, projections: [orderSummaryProjection, orderSummaryProjection] }),
    ).toThrow(/order-summary/)
  })

  it('is idempotent: each event delivered 1 to 5 times gives the same read model as once', async () => {
    const { store } = await shopWithHistory()
    const events = await store.readAll({ after: 0, limit: 100 })
    const projections = [orderSummaryProjection, customerStatsProjection]
    for (const projection of projections) await projection.init(db)
    const deliver = async (times: readonly number[]) => {
      await db.transaction(async (tx) => {
        for (const projection of projections) await projection.truncate(tx)
      })
      for (const [i, stored] of events.entries())
        for (let n = 0; n < (times[i] ?? 1); n++)
          await db.transaction(async (tx) => {
            for (const projection of projections)
              if (projection.handles.includes(stored.event.eventType)) await projection.apply(tx, stored)
          })
      return snapshot(db)
    }
    const once = await deliver(events.map(() => 1))
    expect(once).toEqual({ orders: expectedOrders, customers: expectedCustomers })
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: events.length, maxLength: events.length }),
        async (times) => {
          expect(await deliver(times)).toEqual(once)
        },
      ),
      { numRuns: 8 },
    )
  })

  it('writes the read model and the checkpoint in one transaction: a crash between them applies nothing twice', async () => {
    const { store, last } = await shopWithHistory()
    const counter = eventCounter()
    const crashing = new CrashingCheckpoints()
    const doomed = new Projector({ db, store, projections: [counter], checkpoints: crashing })
    await doomed.init()
    const [crash] = await doomed.catchUp()
    expect(crash?.failure).not.toBeNull()
    // Nothing of what the crashed process did may remain: it never wrote its checkpoint.
    expect(await counter.counts(db)).toEqual({})

    const restarted = new Projector({ db, store, projections: [counter] })
    await restarted.catchUp()
    expect(await counter.counts(db)).toEqual({
      OrderPlaced: 4,
      PaymentProcessed: 2,
      OrderShipped: 1,
      OrderCancelled: 1,
    })
    expect((await restarted.status(counter.name)).position).toBe(last)
  })
})
