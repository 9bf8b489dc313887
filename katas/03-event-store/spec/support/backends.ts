import { flushPending, uniqueName, waitFor } from '@eda/testkit'
import { workerPGlite } from '@eda/testkit/pglite'
import { databaseUrl, describeWithService } from '@eda/testkit/services'
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, afterEach, describe } from 'vitest'
import {
  type EventStore,
  InMemoryEventStore,
  PostgresEventStore,
  pgliteDatabase,
  postgresDatabase,
  type SqlDatabase,
} from '#impl'

export type BackendKind = 'in memory' | 'PostgreSQL' | 'PGlite'

/** A fresh, empty store for one test. */
export interface StoreFixture {
  readonly store: EventStore
  /**
   * Another client of the same events, as a second process would be. On PostgreSQL it has its own
   * connection pool; in memory and on PGlite (one connection) it is the same store.
   */
  readonly otherStore: EventStore
  /**
   * Waits until `count` appends of this test are blocked behind another one: on PostgreSQL until
   * that many statements on this test's schema wait for a lock; in memory, until every pending
   * callback has run. (PGlite has one connection: nothing can be blocked beside an open append.)
   */
  waitUntilBlocked(count: number): Promise<void>
}

export interface Backend {
  readonly kind: BackendKind
  /** PostgreSQL and PGlite: the SQL store, whose schema can be created. */
  readonly sql: boolean
  /**
   * Whether a reader can run while an append is still open. PGlite has one connection: an open
   * transaction makes every other query wait, so specs that need two connections skip it.
   */
  readonly concurrentReaders: boolean
  open(): Promise<StoreFixture>
}

// The first PGlite test of a worker starts PGlite: several seconds, more on a busy machine.
const PGLITE_TIMEOUT = { timeout: 60_000 }

/**
 * Registers the same tests once per backend: in memory, PostgreSQL (the server; skipped locally
 * when it is not running, a failure in CI) and PGlite (PostgreSQL embedded, always).
 */
export function onEveryBackend(contract: (backend: Backend) => void): void {
  describe('in memory', () => contract(inMemory()))
  describeWithService('postgres', 'PostgreSQL', () => contract(postgresServer()))
  describe('PGlite', PGLITE_TIMEOUT, () => contract(pglite()))
}

/** Only the backends that let a reader run beside an open append (in memory and PostgreSQL). */
export function onBackendsWithConcurrentReaders(contract: (backend: Backend) => void): void {
  describe('in memory', () => contract(inMemory()))
  describeWithService('postgres', 'PostgreSQL', () => contract(postgresServer()))
}

/** Only the PostgreSQL server: specs that need two real connections. */
export function onPostgresServer(contract: (backend: Backend) => void): void {
  describeWithService('postgres', 'PostgreSQL', () => contract(postgresServer()))
}

/** Only the SQL store, on PostgreSQL and PGlite. */
export function onSqlBackends(contract: (backend: Backend) => void): void {
  describeWithService('postgres', 'PostgreSQL', () => contract(postgresServer()))
  describe('PGlite', PGLITE_TIMEOUT, () => contract(pglite()))
}

function inMemory(): Backend {
  return {
    kind: 'in memory',
    sql: false,
    concurrentReaders: true,
    open: async () => {
      const store = new InMemoryEventStore()
      const waitUntilBlocked = async () => {
        for (let i = 0; i < 3; i++) await flushPending()
      }
      return { store, otherStore: store, waitUntilBlocked }
    },
  }
}

function postgresServer(): Backend {
  // Pools connect on first use: on the stub, whose methods throw first, nothing connects.
  let main: pg.Pool | undefined
  let second: pg.Pool | undefined
  const pool = (max: number) => {
    const p = new pg.Pool({ connectionString: databaseUrl(), max, connectionTimeoutMillis: 5_000 })
    p.on('error', () => undefined)
    return p
  }
  const schemas: string[] = []
  afterEach(async () => {
    const drop = schemas.splice(0)
    if (main) for (const schema of drop) await main.query(`drop schema if exists "${schema}" cascade`)
  })
  afterAll(async () => {
    await Promise.all([main?.end(), second?.end()])
  })
  return {
    kind: 'PostgreSQL',
    sql: true,
    concurrentReaders: true,
    open: async () => {
      main ??= pool(6)
      second ??= pool(3)
      const schema = uniqueName('es').replace(/-/g, '_')
      schemas.push(schema)
      const store = new PostgresEventStore(postgresDatabase(main), { schema })
      await store.createSchema()
      const waitUntilBlocked = async (count: number) => {
        await waitFor(
          async () => {
            const { rows } = await main!.query<{ blocked: number }>(
              `select count(*)::int as blocked from pg_stat_activity
               where wait_event_type = 'Lock' and strpos(query, $1) > 0`,
              [schema],
            )
            return rows[0]!.blocked >= count
          },
          { what: `${count} statement(s) on schema ${schema} to wait for a lock`, timeoutMs: 10_000 },
        )
      }
      return {
        store,
        otherStore: new PostgresEventStore(postgresDatabase(second), { schema }),
        waitUntilBlocked,
      }
    },
  }
}

function pglite(): Backend {
  // The worker's PGlite, started by the first query (a stub never gets that far).
  let started: Promise<PGlite> | undefined
  const instance = () => {
    started ??= workerPGlite()
    return started
  }
  const lazy: SqlDatabase = {
    query: async (text, params) => pgliteDatabase(await instance()).query(text, params),
    transaction: async (work) => pgliteDatabase(await instance()).transaction(work),
  }
  const schemas: string[] = []
  afterEach(async () => {
    const drop = schemas.splice(0)
    if (started) for (const schema of drop) await lazy.query(`drop schema if exists "${schema}" cascade`)
  })
  return {
    kind: 'PGlite',
    sql: true,
    concurrentReaders: false,
    open: async () => {
      const schema = uniqueName('es').replace(/-/g, '_')
      schemas.push(schema)
      const store = new PostgresEventStore(lazy, { schema })
      await store.createSchema()
      const waitUntilBlocked = () =>
        Promise.reject(new Error('PGlite has one connection: specs that block an append do not run on it'))
      return { store, otherStore: store, waitUntilBlocked }
    },
  }
}
