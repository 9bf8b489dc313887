// Projection rebuild throughput from PostgreSQL: how many events per second a rebuild of the two
// shop read models replays, with a checkpoint per batch (one transaction per 500 events) against a
// checkpoint per event (one transaction each). Needs a PostgreSQL server (DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres); works in its own schema and drops it afterwards.
//
//   pnpm bench 06-cqrs rebuild [--events 3000 --orders 600]
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { createMessageFactory } from '@eda/events'
import pg from 'pg'
import {
  customerStatsProjection,
  orderSummaryProjection,
  Projector,
  pgPoolClient,
  SqlEventStore,
} from '../src/index.ts'

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { events: { type: 'string', default: '3000' }, orders: { type: 'string', default: '600' } },
})
const totalEvents = Number(values.events)
const orders = Number(values.orders)
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const schema = `bench_cqrs_${randomUUID().slice(0, 8)}`

const admin = new pg.Client({ connectionString: url })
await admin.connect()
await admin.query(`create schema ${schema}`)
const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` })
const db = pgPoolClient(pool)

try {
  const store = new SqlEventStore(db)
  await store.init()
  // The history: each order placed, paid, then shipped or cancelled, until the event count is reached.
  const messages = createMessageFactory()
  const rows: unknown[][] = []
  const version = new Map<number, number>()
  for (let i = 0; rows.length < totalEvents; i++) {
    const o = i % orders
    const step = version.get(o) ?? 0
    const orderId = `o-${o}`
    const event =
      step === 0
        ? messages.event(
            'OrderPlaced',
            {
              orderId,
              customerId: `c-${o % 97}`,
              items: [{ sku: 'sku-1', quantity: 1 + (o % 3), unitPrice: 9.5 }],
              totalAmount: 9.5 * (1 + (o % 3)),
              currency: 'USD',
            },
            { version: 2 },
          )
        : step === 1
          ? messages.event('PaymentProcessed', { orderId, paymentId: `p-${o}`, amount: 9.5, currency: 'USD' })
          : step === 2 && o % 5 === 0
            ? messages.event('OrderCancelled', { orderId, reason: 'bench' })
            : messages.event('ItemAddedToCart', {
                cartId: `cart-${o}`,
                sku: 'sku-2',
                quantity: 1,
                unitPrice: 1,
              })
    version.set(o, step + 1)
    rows.push([`order-${orderId}`, step + 1, JSON.stringify(event)])
  }
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500)
    const placeholders = chunk.map((_, j) => `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3})`).join(', ')
    await db.query(
      `insert into events (stream_id, stream_version, envelope) values ${placeholders}`,
      chunk.flat(),
    )
  }

  const results: Array<{ batchSize: number; seconds: number; eventsPerSecond: number }> = []
  for (const batchSize of [500, 100, 1]) {
    const projector = new Projector({
      db,
      store,
      projections: [orderSummaryProjection, customerStatsProjection],
      batchSize,
    })
    await projector.init()
    const started = performance.now()
    await projector.rebuild(orderSummaryProjection.name)
    await projector.rebuild(customerStatsProjection.name)
    const seconds = (performance.now() - started) / 1000
    // Each rebuild reads every event once: two projections replay 2 × N events.
    results.push({ batchSize, seconds, eventsPerSecond: Math.round((2 * totalEvents) / seconds) })
  }
  console.log(
    `Projection rebuild from PostgreSQL: ${totalEvents} events over ${orders} orders, 2 projections`,
  )
  console.log('| checkpoint every | time (s) | events/s replayed |')
  console.log('| --- | --- | --- |')
  for (const r of results)
    console.log(
      `| ${r.batchSize === 1 ? 'event' : `${r.batchSize} events`} | ${r.seconds.toFixed(2)} | ${r.eventsPerSecond} |`,
    )
  console.log(`node ${process.version}, ${url.replace(/\/\/[^@]*@/, '//')}`)
} finally {
  await pool.end()
  await admin.query(`drop schema if exists ${schema} cascade`)
  await admin.end()
}
