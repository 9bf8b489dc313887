import { createMessageFactory } from '@eda/events'
import { waitFor } from '@eda/testkit'
import { connectPostgres, createSchema, databaseUrl, describeWithService } from '@eda/testkit/services'
import pg from 'pg'
import { afterEach, beforeEach, expect, it } from 'vitest'
import {
  CommandHandler,
  customerStatsProjection,
  type OrderState,
  orderDecider,
  orderSummaryProjection,
  Projector,
  pgPoolClient,
  type SqlClient,
  SqlEventStore,
  type SqlExecutor,
  type StoredEvent,
} from '#impl'
import { CrashingCheckpoints, eventCounter, snapshot } from './support/read-model.ts'
import { type OrderCommand, writeShopHistory } from './support/shop.ts'

describeWithService('postgres', 'step 6: the same read side on a PostgreSQL server', () => {
  let admin: pg.Client
  let schema: string
  const pools: pg.Pool[] = []

  /** A pool whose connections use this test's schema: one per "process" of the test. */
  const connect = (): SqlClient => {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 4, options: `-c search_path=${schema}` })
    pool.on('error', () => undefined)
    pools.push(pool)
    return pgPoolClient(pool)
  }

  beforeEach(async () => {
    admin = await connectPostgres()
    schema = await createSchema(admin, { prefix: 'cqrs' })
  })
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end()))
    await admin.query(`drop schema if exists ${schema} cascade`)
    await admin.end()
  })

  async function history(db: SqlClient) {
    const store = new SqlEventStore(db)
    await store.init()
    const handler = new CommandHandler<OrderState, OrderCommand>({ store, decider: orderDecider })
    const last = await writeShopHistory(handler)
    return { store, last }
  }

  it('projects events stored in PostgreSQL into read models queried with SQL', async () => {
    const db = connect()
    const { store, last } = await history(db)
    const projector = new Projector({
      db,
      store,
      projections: [orderSummaryProjection, customerStatsProjection],
    })
    await projector.init()
    expect((await projector.catchUp()).map((s) => s.position)).toEqual([last, last])
    const { rows } = await db.query<{ status: string; n: string }>(
      'select status, count(*) as n from order_summary group by status order by status',
    )
    expect(rows.map((r) => [r.status, Number(r.n)])).toEqual([
      ['cancelled', 1],
      ['paid', 1],
      ['placed', 1],
      ['shipped', 1],
    ])
    const incremental = await snapshot(db)
    await projector.rebuild('order-summary')
    await projector.rebuild('customer-stats')
    expect(await snapshot(db)).toEqual(incremental)
  })

  it('commits the read model and the checkpoint together: a crash between them applies nothing twice', async () => {
    const db = connect()
    const { store, last } = await history(db)
    const counter = eventCounter()
    const doomed = new Projector({
      db,
      store,
      projections: [counter],
      checkpoints: new CrashingCheckpoints(),
    })
    await doomed.init()
    await doomed.catchUp()
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

  it('lets two projector processes catch up at once, applying each event exactly once', async () => {
    const setup = connect()
    const { last } = await history(setup)
    const counter = eventCounter()
    const one = connect()
    const two = connect()
    const a = new Projector({ db: one, store: new SqlEventStore(one), projections: [counter], batchSize: 1 })
    const b = new Projector({ db: two, store: new SqlEventStore(two), projections: [counter], batchSize: 1 })
    await a.init()
    await Promise.all([a.catchUp(), b.catchUp()])
    expect(await counter.counts(setup)).toEqual({
      OrderPlaced: 4,
      PaymentProcessed: 2,
      OrderShipped: 1,
      OrderCancelled: 1,
    })
    expect((await a.status(counter.name)).position).toBe(last)
  })

  it('refuses a rebuild while another process is rebuilding the same projection', async () => {
    const setup = connect()
    const { store } = await history(setup)
    const first = new Projector({ db: connect(), store, projections: [orderSummaryProjection] })
    const second = new Projector({ db: connect(), store, projections: [orderSummaryProjection] })
    await first.init()
    // The first process holds the rebuild claim (as if it were halfway through).
    await setup.query(
      `insert into projection_checkpoints (name, rebuild_owner) values ('order-summary', 'process-1')`,
    )
    await expect(second.rebuild('order-summary')).rejects.toMatchObject({ name: 'RebuildInProgressError' })
    await setup.query(`update projection_checkpoints set rebuild_owner = null where name = 'order-summary'`)
    await expect(second.rebuild('order-summary')).resolves.toMatchObject({ failure: null })
  })

  it('loses no update when two streams of one customer are projected concurrently', async () => {
    const setup = connect()
    await customerStatsProjection.init(setup)
    const messages = createMessageFactory()
    const placed = (orderId: string, position: number): StoredEvent => ({
      position,
      streamId: `order-${orderId}`,
      streamVersion: 1,
      event: messages.event(
        'OrderPlaced',
        {
          orderId,
          customerId: 'cust-1',
          items: [{ sku: 'sku-1', quantity: 1, unitPrice: 10 }],
          totalAmount: 10,
          currency: 'USD',
        },
        { version: 2 },
      ),
    })
    const [workerA, workerB] = [await connectPostgres(), await connectPostgres()]
    try {
      const asExecutor = (client: pg.Client): SqlExecutor => ({
        query: async <R>(text: string, params?: readonly unknown[]) => ({
          rows: (await client.query(text, params as unknown[])).rows as R[],
        }),
      })
      for (const worker of [workerA, workerB]) await worker.query(`set search_path to ${schema}`)
      const pidB = (await workerB.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid
      // A applies its event and holds its transaction open; B applies another order's event meanwhile.
      await workerA.query('begin')
      await customerStatsProjection.apply(asExecutor(workerA), placed('o-1', 1))
      await workerB.query('begin')
      // Not "B is idle in transaction": B is idle between any two of its statements too, and A
      // committing then would let B's next read see A's row, hiding a lost update.
      let bApplied = false
      const b = customerStatsProjection.apply(asExecutor(workerB), placed('o-2', 2)).then(() => {
        bApplied = true
        return workerB.query('commit')
      })
      await waitFor(
        async () =>
          bApplied ||
          (await admin.query('select 1 from pg_locks where pid = $1 and not granted', [pidB])).rows.length >
            0,
        { what: 'worker B to block on A or to apply its event', timeoutMs: 10_000 },
      )
      await workerA.query('commit')
      await b
    } finally {
      await workerA.end()
      await workerB.end()
    }
    const { rows } = await setup.query<{ orders_placed: number; total_spent: string }>(
      `select orders_placed, total_spent from customer_stats where customer_id = 'cust-1'`,
    )
    expect(rows.map((r) => [r.orders_placed, Number(r.total_spent)])).toEqual([[2, 20]])
  })
})
