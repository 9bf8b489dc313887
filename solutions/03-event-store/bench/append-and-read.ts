// The reference event store against a plain parameterised INSERT of the same rows, on the
// PostgreSQL server, on PGlite and in memory: single-event appends to distinct streams, 100-event
// batch appends, and a readAll catch-up from the start. Every append carries a concurrency check
// (expectedVersion NO_STREAM), so the store does all the work it does in production.
//
//   pnpm bench event-store append-and-read [--singles 2000] [--batches 100] [--writers 8]
//     [--backends postgres,pglite,memory]
//
// Goals (issue 6): single appends keep at least 50% of the raw INSERT rate; 100-event batches
// exceed 20,000 events/s. The server comes from DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres); each run uses a schema of its own and drops it.
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { createMessageFactory, type EventEnvelope } from '@eda/events'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import {
  type EventStore,
  InMemoryEventStore,
  NO_STREAM,
  PostgresEventStore,
  pgliteDatabase,
  postgresDatabase,
  type SqlQueryable,
} from '../src/index.ts'

const { values } = parseArgs({
  options: {
    singles: { type: 'string', default: '2000' },
    batches: { type: 'string', default: '100' },
    writers: { type: 'string', default: '8' },
    backends: { type: 'string', default: 'postgres,pglite,memory' },
  },
})
const SINGLES = Number(values.singles)
const BATCHES = Number(values.batches)
const BATCH_SIZE = 100
const WRITERS = Number(values.writers)
const BACKENDS = values.backends.split(',').map((b) => b.trim())
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const factory = createMessageFactory()
const orderPlaced = (i: number): EventEnvelope =>
  factory.event(
    'OrderPlaced',
    {
      orderId: `order-${i}`,
      customerId: `cust-${i % 97}`,
      items: [{ sku: 'book-1', quantity: 1, unitPrice: 99.99 }],
      totalAmount: 99.99,
      currency: 'USD',
    },
    { version: 2, metadata: { userId: 'bench' } },
  )

interface Row {
  readonly backend: string
  readonly what: string
  readonly store: number
  readonly raw?: number | undefined
  /** This process's CPU time per unit, in µs. */
  readonly storeCpu: number
  readonly rawCpu?: number | undefined
  readonly unit: string
}
const rows: Row[] = []
const log = (line: string) => process.stderr.write(`${line}\n`)

interface Spent {
  /** Wall-clock seconds. */
  seconds: number
  /** This process's CPU time (user + system), in microseconds. */
  cpuMicros: number
}

/** Wall-clock and CPU time spent in `work`. */
async function spent(work: () => Promise<unknown>): Promise<Spent> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  await work()
  const used = process.cpuUsage(cpu)
  return { seconds: (performance.now() - started) / 1000, cpuMicros: used.user + used.system }
}

/** Runs `count` calls of `call(i)` over `writers` concurrent loops. */
async function inParallel(count: number, writers: number, call: (i: number) => Promise<unknown>) {
  let next = 0
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = next++; i < count; i = next++) await call(i)
    }),
  )
}

const ROUNDS = 4

/**
 * The store and the raw INSERT take turns, in rounds (who goes first alternates), so that a
 * machine whose load drifts during the run slows both alike. Returns units per second for each.
 */
async function compare(
  units: number,
  count: number,
  writers: number,
  store: (i: number) => Promise<unknown>,
  raw: ((i: number) => Promise<unknown>) | undefined,
): Promise<Pick<Row, 'store' | 'raw' | 'storeCpu' | 'rawCpu'>> {
  const storeSpent: Spent = { seconds: 0, cpuMicros: 0 }
  const rawSpent: Spent = { seconds: 0, cpuMicros: 0 }
  const add = (total: Spent, part: Spent) => {
    total.seconds += part.seconds
    total.cpuMicros += part.cpuMicros
  }
  const per = Math.ceil(count / ROUNDS)
  for (let round = 0; round < ROUNDS; round++) {
    const from = round * per
    const size = Math.min(per, count - from)
    const runStore = async () =>
      add(storeSpent, await spent(() => inParallel(size, writers, (i) => store(from + i))))
    const runRaw = async () => {
      if (raw) add(rawSpent, await spent(() => inParallel(size, writers, (i) => raw(from + i))))
    }
    if (round % 2 === 0) {
      await runStore()
      await runRaw()
    } else {
      await runRaw()
      await runStore()
    }
  }
  return {
    store: units / storeSpent.seconds,
    storeCpu: storeSpent.cpuMicros / units,
    raw: raw ? units / rawSpent.seconds : undefined,
    rawCpu: raw ? rawSpent.cpuMicros / units : undefined,
  }
}

// The seed article's table: what a plain "insert the event" looks like.
const RAW_TABLE = `create table raw_events (
  id uuid primary key, aggregate_id text not null, event_type text not null,
  event_data jsonb not null, created_at timestamptz not null)`

function rawInsert(
  db: SqlQueryable,
  table: string,
  events: readonly EventEnvelope[],
  streamOf: (i: number) => string,
) {
  const params = events.flatMap((e, i) => [
    e.eventId,
    streamOf(i),
    e.eventType,
    JSON.stringify(e.data),
    e.timestamp,
  ])
  const values = events.map(
    (_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`,
  )
  return db.query(
    `insert into ${table} (id, aggregate_id, event_type, event_data, created_at) values ${values.join(', ')}`,
    params,
  )
}

interface Target {
  readonly name: string
  readonly store: EventStore
  /** Plain INSERTs of the same rows, for the SQL backends. */
  readonly raw?: SqlQueryable
  readonly rawTable?: string
  /** Whether concurrent writers run in parallel (PostgreSQL: one connection each). */
  readonly parallel: boolean
  close(): Promise<void>
}

async function measure(target: Target): Promise<void> {
  const { name, store, raw, rawTable } = target
  log(`\n${name}: warming up`)
  let n = 0
  const warm = Math.min(200, SINGLES)
  for (let i = 0; i < warm; i++)
    await store.appendToStream(`warm-${i}`, [orderPlaced(n++)], { expectedVersion: NO_STREAM })
  if (raw && rawTable)
    for (let i = 0; i < warm; i++) await rawInsert(raw, rawTable, [orderPlaced(n++)], () => `warm-${i}`)

  const single = (writers: number) =>
    compare(
      SINGLES,
      SINGLES,
      writers,
      (i) => store.appendToStream(`single-${writers}-${i}`, [singles[i]!], { expectedVersion: NO_STREAM }),
      raw && rawTable
        ? (i) => rawInsert(raw, rawTable, [rawSingles[i]!], () => `single-${writers}-${i}`)
        : undefined,
    )
  const batch = (writers: number) =>
    compare(
      BATCHES * BATCH_SIZE,
      BATCHES,
      writers,
      (i) => store.appendToStream(`batch-${writers}-${i}`, batches[i]!, { expectedVersion: NO_STREAM }),
      raw && rawTable
        ? (i) => rawInsert(raw, rawTable, rawBatches[i]!, () => `batch-${writers}-${i}`)
        : undefined,
    )
  const fresh = (count: number) => Array.from({ length: count }, () => orderPlaced(n++))
  const freshBatches = () => Array.from({ length: BATCHES }, () => fresh(BATCH_SIZE))
  // Fresh events for every measurement: an eventId already stored would make an append a retry.
  let singles: EventEnvelope[] = []
  let rawSingles: EventEnvelope[] = []
  let batches: EventEnvelope[][] = []
  let rawBatches: EventEnvelope[][] = []

  for (const writers of target.parallel ? [1, WRITERS] : [1]) {
    log(`${name}: ${SINGLES} single-event appends to distinct streams, ${writers} writer(s)`)
    singles = fresh(SINGLES)
    rawSingles = fresh(SINGLES)
    const result = await single(writers)
    rows.push({
      backend: name,
      what: `single-event appends, ${writers} writer${writers > 1 ? 's' : ''}`,
      ...result,
      unit: 'appends/s',
    })
  }
  for (const writers of target.parallel ? [1, WRITERS] : [1]) {
    log(`${name}: ${BATCHES} appends of ${BATCH_SIZE} events, ${writers} writer(s)`)
    batches = freshBatches()
    rawBatches = freshBatches()
    const result = await batch(writers)
    rows.push({
      backend: name,
      what: `${BATCH_SIZE}-event batch appends, ${writers} writer${writers > 1 ? 's' : ''}`,
      ...result,
      unit: 'events/s',
    })
  }

  const total = (await store.readAll()).length
  log(`${name}: readAll catch-up of ${total} events, pages of 1000`)
  let read = 0
  const catchUp = await spent(async () => {
    for (let after = 0n; ; ) {
      const page = await store.readAll({ after, maxCount: 1000 })
      read += page.length
      if (page.length < 1000) break
      after = page.at(-1)!.globalPosition
    }
  })
  if (read !== total) throw new Error(`catch-up read ${read} of ${total} events`)
  rows.push({
    backend: name,
    what: 'readAll catch-up, pages of 1000',
    store: total / catchUp.seconds,
    storeCpu: catchUp.cpuMicros / total,
    unit: 'events/s',
  })
}

async function postgresTarget(): Promise<Target | undefined> {
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: WRITERS })
  pool.on('error', () => undefined)
  try {
    await pool.query('select 1')
  } catch (error) {
    log(
      `PostgreSQL not reachable at ${DATABASE_URL} (${(error as Error).message}): skipped; run \`pnpm infra up postgres\``,
    )
    await pool.end()
    return undefined
  }
  const schema = `bench_${process.pid}_${Date.now()}`
  const store = new PostgresEventStore(postgresDatabase(pool), { schema })
  await store.createSchema()
  await pool.query(RAW_TABLE.replace('raw_events', `${schema}.raw_events`))
  const { rows: version } = await pool.query<{ v: string }>('show server_version')
  const { rows: settings } = await pool.query<{ fsync: string; sync: string }>(
    "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sync",
  )
  log(`PostgreSQL ${version[0]?.v} (fsync ${settings[0]?.fsync}, synchronous_commit ${settings[0]?.sync})`)
  return {
    name: 'PostgreSQL',
    store,
    raw: postgresDatabase(pool),
    rawTable: `${schema}.raw_events`,
    parallel: true,
    close: async () => {
      await pool.query(`drop schema ${schema} cascade`)
      await pool.end()
    },
  }
}

async function pgliteTarget(): Promise<Target> {
  const db = await PGlite.create()
  const store = new PostgresEventStore(pgliteDatabase(db), { schema: 'bench' })
  await store.createSchema()
  await db.query(RAW_TABLE.replace('raw_events', 'bench.raw_events'))
  return {
    name: 'PGlite',
    store,
    raw: pgliteDatabase(db),
    rawTable: 'bench.raw_events',
    parallel: false,
    close: () => db.close(),
  }
}

async function main(): Promise<void> {
  const started = loadavg()[0]!
  for (const backend of BACKENDS) {
    const target =
      backend === 'postgres'
        ? await postgresTarget()
        : backend === 'pglite'
          ? await pgliteTarget()
          : backend === 'memory'
            ? { name: 'in memory', store: new InMemoryEventStore(), parallel: false, close: async () => {} }
            : undefined
    if (!target) continue
    try {
      await measure(target)
    } finally {
      await target.close()
    }
  }

  const fmt = (x: number | undefined) => (x === undefined ? '–' : Math.round(x).toLocaleString('en-US'))
  console.log(
    `\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}; load average ${started.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
  )
  console.log(
    `${SINGLES} single appends, ${BATCHES} × ${BATCH_SIZE}-event batches, ${WRITERS} parallel writers\n`,
  )
  console.log(
    '| backend | operation | event store | raw INSERT | store / raw | CPU µs per unit, store / raw |',
  )
  console.log('|---|---|---:|---:|---:|---:|')
  for (const row of rows) {
    const ratio = row.raw === undefined ? '–' : `${Math.round((row.store / row.raw) * 100)}%`
    const raw = row.raw === undefined ? '–' : `${fmt(row.raw)} ${row.unit}`
    const cpu = `${row.storeCpu.toFixed(0)} / ${row.rawCpu === undefined ? '–' : row.rawCpu.toFixed(0)}`
    console.log(
      `| ${row.backend} | ${row.what} | ${fmt(row.store)} ${row.unit} | ${raw} | ${ratio} | ${cpu} |`,
    )
  }
  const server = rows.filter((r) => r.backend === 'PostgreSQL')
  const single = server.find((r) => r.what === 'single-event appends, 1 writer')
  const batches = server.filter((r) => r.what.startsWith(`${BATCH_SIZE}-event batch appends`))
  if (single?.raw !== undefined && batches.length > 0) {
    const ratio = Math.round((single.store / single.raw) * 100)
    const best = batches.reduce((a, b) => (b.store > a.store ? b : a))
    console.log(
      `\nGoals on the server: single appends ≥ 50% of raw INSERT: ${ratio >= 50 ? 'met' : 'MISSED'} (${ratio}%); ` +
        `batches > 20,000 events/s: ${best.store > 20_000 ? 'met' : 'MISSED'} (${fmt(best.store)}, ${best.what})`,
    )
  }
}

await main()
