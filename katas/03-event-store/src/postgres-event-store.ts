import type { EventEnvelope } from '@eda/events'
import { NotImplementedError } from '@eda/testkit'
import type { SqlDatabase } from './sql-database.ts'
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from './types.ts'

export interface PostgresEventStoreOptions {
  /** The PostgreSQL schema holding the store's table(s). Default `public`. */
  readonly schema?: string
}

/**
 * The event store on PostgreSQL. The same class runs on the server (`postgresDatabase(pool)`)
 * and on PGlite (`pgliteDatabase(db)`): write SQL both understand. Every query names its table
 * through the schema option (each spec gets its own schema). Read the kata README first.
 */
export class PostgresEventStore implements EventStore {
  readonly #db: SqlDatabase
  readonly #schema: string

  constructor(db: SqlDatabase, options: PostgresEventStoreOptions = {}) {
    this.#db = db
    this.#schema = options.schema ?? 'public'
  }

  /**
   * Step 1: create the schema and the events table (`create ... if not exists`). Step 2: a unique
   * constraint is your last line of defence against two appends at the same position.
   * Step 8: running it twice changes nothing.
   */
  createSchema(): Promise<void> {
    void [this.#db, this.#schema]
    return Promise.reject(
      new NotImplementedError('PostgresEventStore.createSchema', 'create the schema and the events table'),
    )
  }

  /**
   * Steps 1–3 and 7, as for the in-memory store. Step 2: run the insert and `beforeCommit` in one
   * transaction (`this.#db.transaction`), so a hook that throws rolls the events back.
   * Step 3: a unique violation (SQLSTATE 23505, `sqlStateOf`) is a lost race: never let it out raw.
   * Step 5: choose global positions that no later commit can undercut (see the README).
   */
  appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    void [streamId, events, options]
    return Promise.reject(
      new NotImplementedError('PostgresEventStore.appendToStream', 'insert the events in one transaction'),
    )
  }

  /** Step 1: as for the in-memory store; bigint columns come back as strings from pg (step 8). */
  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    void [streamId, options]
    return Promise.reject(
      new NotImplementedError('PostgresEventStore.readStream', "select the stream's events"),
    )
  }

  /** Step 4: the global log. Step 5: return only positions that can no longer be undercut. */
  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    void options
    return Promise.reject(
      new NotImplementedError('PostgresEventStore.readAll', 'select the global log after `after`'),
    )
  }

  /** Step 4: the global position of the last event readAll can return now; 0n when none. */
  headPosition(): Promise<bigint> {
    return Promise.reject(
      new NotImplementedError('PostgresEventStore.headPosition', 'select the last readable position'),
    )
  }

  /** Step 6: `return CatchUpSubscription.start(this, options)`. */
  subscribe(options: SubscribeOptions): Promise<Subscription> {
    void options
    return Promise.reject(
      new NotImplementedError('PostgresEventStore.subscribe', 'start a catch-up subscription'),
    )
  }
}
