// Load time of a Cart aggregate against the length of its stream, on PostgreSQL, with and without
// snapshots every 100 events. Writes a Markdown table to stdout and an SVG chart to docs/.
//
//   pnpm bench 04-snapshots load-time            # the server at DATABASE_URL (default 127.0.0.1:5432)
//   pnpm bench 04-snapshots load-time --pglite   # embedded PGlite instead
//   pnpm bench 04-snapshots load-time --lengths 10,100,1000 --runs 5
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { connectPostgres, databaseUrl } from '@eda/testkit/services'
import { PGlite } from '@electric-sql/pglite'
import {
  cartAggregate,
  type EventStore,
  PostgresSnapshotStore,
  type SnapshotStore,
  SnapshottingRepository,
  type SqlClient,
  streamIdOf,
} from '../src/index.ts'
import { BenchPostgresEventStore } from './_postgres-event-store.ts'
import { logLogChart } from './_svg-chart.ts'

const { values: args } = parseArgs({
  options: {
    pglite: { type: 'boolean', default: false },
    lengths: { type: 'string', default: '10,100,1000,10000,100000' },
    every: { type: 'string', default: '100' },
    runs: { type: 'string', default: '15' },
    chart: {
      type: 'string',
      default: join(import.meta.dirname, '../../../docs/benchmarks/snapshot-load.svg'),
    },
  },
})
const lengths = args.lengths.split(',').map(Number)
const every = Number(args.every)
const runs = Number(args.runs)

/** No snapshot ever: every load is a full replay. */
const noSnapshots: SnapshotStore = { load: async () => undefined, save: async () => undefined }

/** Counts the events each load reads, to print beside the times. */
function counting(inner: EventStore) {
  let read = 0
  const store: EventStore = {
    readStream: async (streamId, options) => {
      const result = await inner.readStream(streamId, options)
      read += result.events.length
      return result
    },
    appendToStream: (streamId, events, options) => inner.appendToStream(streamId, events, options),
  }
  const take = () => {
    const events = read
    read = 0
    return events
  }
  return { store, take }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

async function timeLoads(load: () => Promise<unknown>, times: number): Promise<number> {
  for (let i = 0; i < Math.min(3, times); i++) await load() // warm-up: plans, caches, JIT
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const started = performance.now()
    await load()
    samples.push(performance.now() - started)
  }
  return median(samples)
}

async function open(): Promise<{ db: SqlClient; where: string; close: () => Promise<void> }> {
  if (!args.pglite) {
    try {
      const client = await connectPostgres()
      const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v")
      return {
        db: client,
        where: `PostgreSQL ${rows[0]?.v.split(' ')[0]} server (${databaseUrl().replace(/\/\/[^@]*@/, '//')})`,
        close: () => client.end(),
      }
    } catch (error) {
      console.warn(`no PostgreSQL server at ${databaseUrl()} (${(error as Error).message}): using PGlite`)
    }
  }
  const pglite = await PGlite.create()
  return { db: pglite, where: 'PGlite 0.5.17 (embedded, in process)', close: () => pglite.close() }
}

const { db, where, close } = await open()
const schema = `bench_snapshots_${randomBytes(4).toString('hex')}`
await db.query(`create schema "${schema}"`)
try {
  const events = new BenchPostgresEventStore(db, schema)
  await events.init()
  const snapshots = new PostgresSnapshotStore(db, { schema })
  await snapshots.init()
  const counted = counting(events)
  const repository = (snapshotStore: SnapshotStore) =>
    new SnapshottingRepository({
      aggregate: cartAggregate,
      eventStore: counted.store,
      snapshotStore,
      snapshotEvery: every,
    })
  const withSnapshots = repository(snapshots)
  const fullReplay = repository(noSnapshots)

  const rows: Array<{ length: number; at: number; tail: number; full: number; snap: number }> = []
  for (const length of lengths) {
    const cartId = `cart-${length}`
    await events.seed(streamIdOf('Cart', cartId), cartId, length)
    // The worst tail the policy allows: a snapshot once `every` events have gathered, so at most
    // every − 1 events after it (a command that appends several can land a snapshot anywhere).
    const at = length < every ? 0 : Math.max(every, length - (every - 1))
    if (at > 0) {
      const upTo = await fullReplay.load(cartId, { version: at })
      await snapshots.save({
        aggregateType: 'Cart',
        aggregateId: cartId,
        version: at,
        revision: 1,
        state: upTo.state,
      })
    }
    const times = Math.max(5, Math.min(runs, Math.round(200_000 / length)))
    const full = await timeLoads(() => fullReplay.load(cartId), Math.min(times, runs))
    counted.take()
    await withSnapshots.load(cartId)
    const tail = counted.take()
    const snap = await timeLoads(() => withSnapshots.load(cartId), runs)
    rows.push({ length, at, tail, full, snap })
    console.error(`  ${length} events: full ${full.toFixed(2)} ms, snapshot+tail ${snap.toFixed(2)} ms`)
  }

  const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0))
  const fmt = (n: number) => n.toLocaleString('en-US')
  console.log(
    `\nLoad time of one Cart aggregate, median of ${runs} loads (fewer for the longest full replays)`,
  )
  console.log(`${where}; Node ${process.version}; ${cpus().length} cores; snapshot every ${every} events\n`)
  console.log('| events in stream | snapshot at | events read | full replay | snapshot + tail | speed-up |')
  console.log('|---:|---:|---:|---:|---:|---:|')
  for (const r of rows) {
    console.log(
      `| ${fmt(r.length)} | ${r.at ? fmt(r.at) : '—'} | ${fmt(r.tail)} | ${ms(r.full)} ms | ${ms(r.snap)} ms | ${(r.full / r.snap).toFixed(1)}× |`,
    )
  }

  mkdirSync(join(args.chart, '..'), { recursive: true })
  writeFileSync(
    args.chart,
    logLogChart({
      title: 'Loading an aggregate: full replay vs snapshot + tail',
      subtitle: `${where.replace(/ \(.*\)$/, '')}, snapshot every ${every} events, worst-case tail of ${every - 1}`,
      xLabel: 'events in the stream (log scale)',
      yLabel: 'load time, ms (log scale)',
      series: [
        { label: 'full replay', colour: '#d62728', points: rows.map((r) => [r.length, r.full] as const) },
        { label: 'snapshot + tail', colour: '#1f77b4', points: rows.map((r) => [r.length, r.snap] as const) },
      ],
    }),
  )
  console.log(`\nchart: ${relative(process.cwd(), args.chart)}`)
} finally {
  await db.query(`drop schema "${schema}" cascade`)
  await close()
}
