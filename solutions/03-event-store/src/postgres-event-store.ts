import type { EventEnvelope, JsonValue, Metadata } from '@eda/events'
import { checkExpectedVersion, resultOfRetry, type StoredEventRef } from './append-rules.ts'
import { CatchUpSubscription } from './catch-up-subscription.ts'
import { ConcurrencyError } from './concurrency-error.ts'
import { ANY, type ExpectedVersion, NO_STREAM, STREAM_EXISTS } from './expected-version.ts'
import { InvalidArgumentError } from './invalid-argument-error.ts'
import {
  createSchemaStatements,
  GLOBAL_POSITION_OF_NEXT,
  quoteIdentifier,
  VISIBLE_HORIZON,
} from './postgres-schema.ts'
import { type SqlDatabase, type SqlQueryable, sqlStateOf } from './sql-database.ts'
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
import {
  validateEvents,
  validateExpectedVersion,
  validateReadAllOptions,
  validateReadStreamOptions,
  validateStreamId,
} from './validation.ts'

export interface PostgresEventStoreOptions {
  /** The PostgreSQL schema holding the `events` table. Default `public`. */
  readonly schema?: string
}

const UNIQUE_VIOLATION = '23505'
/** Concurrent appends to one stream that keep colliding: each round one of them wins. */
const MAX_ATTEMPTS = 1000
/** A global position keeps 20 bits for the event's index in its append (see postgres-schema.ts). */
const MAX_BATCH = 2 ** 20

const COLUMNS = `global_position, stream_id, stream_position, event_id, event_type, event_version,
  occurred_at, correlation_id, causation_id, data, metadata, recorded_at`

/** The range of current versions (0: no stream) that satisfies an expected version; null: no upper bound. */
function acceptedVersions(expected: ExpectedVersion): [number, number | null] {
  switch (expected) {
    case ANY:
      return [0, null]
    case NO_STREAM:
      return [0, 0]
    case STREAM_EXISTS:
      return [1, null]
    default:
      return [expected, expected]
  }
}

/** A row of the query that explains a refused append: the stream's version, or a stored event. */
interface StateRow {
  kind: 'version' | 'stored'
  event_id: string | null
  stream_id: string | null
  stream_position: string | number | bigint | null
  global_position: string | number | bigint | null
}

interface EventRow {
  global_position: string | number | bigint
  stream_id: string
  stream_position: string | number | bigint
  event_id: string
  event_type: string
  event_version: number
  occurred_at: string
  correlation_id: string
  causation_id: string | null
  data: JsonValue
  metadata: Metadata
  recorded_at: Date
}

/**
 * The event store on PostgreSQL, unchanged on the server (`postgresDatabase(pool)`) and on PGlite
 * (`pgliteDatabase(db)`). One `events` table; `unique (stream_id, stream_position)` is the
 * concurrency guard, and global positions come from the writing transaction's id, so readers can
 * tell which positions are final (see postgres-schema.ts).
 */
export class PostgresEventStore implements EventStore {
  readonly #db: SqlDatabase
  readonly #schema: string
  readonly #events: string

  constructor(db: SqlDatabase, options: PostgresEventStoreOptions = {}) {
    this.#db = db
    this.#schema = options.schema ?? 'public'
    this.#events = `${quoteIdentifier(this.#schema)}.events`
  }

  /** Creates the schema and table if they are missing; running it again changes nothing. */
  async createSchema(): Promise<void> {
    await this.#db.transaction(async (tx) => {
      // Two processes creating the same schema at once would collide in the catalog; take turns.
      await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`event-store:${this.#schema}`])
      for (const statement of createSchemaStatements(this.#schema)) await tx.query(statement)
    })
  }

  async appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    validateStreamId(streamId)
    const batch = validateEvents(events)
    if (batch.length > MAX_BATCH)
      throw new InvalidArgumentError('events', `must hold at most ${MAX_BATCH} events per append`)
    const expected = validateExpectedVersion(
      options.expectedVersion === undefined ? ANY : options.expectedVersion,
    )
    const { beforeCommit } = options
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        // A hook needs a transaction, so that its failure rolls the events back. Without one, the
        // single INSERT below is atomic by itself.
        const appended = beforeCommit
          ? await this.#db.transaction((tx) =>
              this.#insertIfExpected(tx, streamId, batch, expected, beforeCommit),
            )
          : await this.#insertIfExpected(this.#db, streamId, batch, expected)
        if (appended) return appended
      } catch (error) {
        if (sqlStateOf(error) !== UNIQUE_VIOLATION) throw error
        // A unique constraint stopped the insert: these eventIds are stored already (a retry, or
        // a reused id), or a racing append committed these positions after our statement read
        // the version. Explained below; or, if nothing stands in the way any more, run again.
      }
      // Nothing inserted: say why (a retry of a stored append, a reused eventId, a version
      // conflict), or go round again when the stream has moved on meanwhile (ANY).
      const explained = await this.#whyNotInserted(streamId, batch, expected)
      if (explained) return explained
    }
    throw new ConcurrencyError(streamId, expected, await this.#versionOf(this.#db, streamId))
  }

  /**
   * One statement: read the stream's version, and insert the batch after it only if that version
   * is what the caller expected. Returns undefined when it inserted nothing. Checking inside the
   * INSERT costs no extra round trip, but it does not make the check race-free (under READ
   * COMMITTED two statements can read the same version): the unique constraints do that, and turn
   * the loser, or a batch whose eventIds are stored already, into a 23505 that the caller explains.
   */
  async #insertIfExpected(
    db: SqlQueryable,
    streamId: string,
    batch: readonly EventEnvelope[],
    expected: ExpectedVersion,
    beforeCommit?: AppendOptions['beforeCommit'],
  ): Promise<AppendResult | undefined> {
    const [lowest, highest] = acceptedVersions(expected)
    // One event (the common case) goes in as plain parameters; a batch as arrays, unnested with
    // their index. The rows are the same; the single-event form costs the server a little less.
    const single = batch.length === 1
    const source = single
      ? '(values ($4::text, $5::text, $6::int, $7::text, $8::text, $9::text, $10::jsonb, $11::jsonb, 1::bigint))'
      : 'unnest($4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::jsonb[]) with ordinality'
    const column = <T>(field: (event: EventEnvelope) => T) => (single ? field(batch[0]!) : batch.map(field))
    const { rows } = await db.query<Pick<EventRow, 'global_position' | 'stream_position' | 'recorded_at'>>(
      `with stream as (
         select coalesce(max(stream_position), 0) as version from ${this.#events} where stream_id = $1
       )
       insert into ${this.#events} (global_position, stream_id, stream_position, event_id, event_type,
         event_version, occurred_at, correlation_id, causation_id, data, metadata)
       select ${GLOBAL_POSITION_OF_NEXT('e.n')}, $1, stream.version + e.n, e.event_id, e.event_type,
         e.event_version, e.occurred_at, e.correlation_id, e.causation_id, e.data, e.metadata
       from stream,
         ${source} as e(event_id, event_type, event_version, occurred_at, correlation_id, causation_id, data, metadata, n)
       where stream.version >= $2::bigint and ($3::bigint is null or stream.version <= $3::bigint)
       returning global_position, stream_position, recorded_at`,
      [
        streamId,
        lowest,
        highest,
        column((e) => e.eventId),
        column((e) => e.eventType),
        column((e) => e.version),
        column((e) => e.timestamp),
        column((e) => e.correlationId),
        column((e) => e.causationId),
        column((e) => JSON.stringify(e.data)),
        column((e) => JSON.stringify(e.metadata)),
      ],
    )
    if (rows.length === 0) return undefined
    // The events are the validated copies just written; only the store's own fields come back.
    // Positions are the version + 1, 2, 3... in batch order, so sorted rows line up with the batch.
    const records = rows
      .map((row) => ({
        streamId,
        streamPosition: Number(row.stream_position),
        globalPosition: BigInt(row.global_position),
        recordedAt: row.recorded_at,
      }))
      .sort((a, b) => a.streamPosition - b.streamPosition)
      .map((stored, i): RecordedEvent => ({ ...stored, event: batch[i]! }))
    // Still inside the transaction: if the hook throws, the rollback takes the events with it.
    if (beforeCommit) await beforeCommit(records)
    const last = records.at(-1)!
    return {
      nextExpectedVersion: last.streamPosition,
      createdNewStream: records[0]!.streamPosition === 1,
      lastGlobalPosition: last.globalPosition,
    }
  }

  /**
   * After an INSERT that inserted nothing: the append's result if it is a retry of an append
   * already stored, a thrown MessageValidationError (a reused eventId) or ConcurrencyError, or
   * undefined when nothing stands in the way any more (the stream moved on meanwhile: insert again).
   */
  async #whyNotInserted(
    streamId: string,
    batch: readonly EventEnvelope[],
    expected: ExpectedVersion,
  ): Promise<AppendResult | undefined> {
    const { rows } = await this.#db.query<StateRow>(
      `select 'version' as kind, null::text as event_id, null::text as stream_id,
              max(stream_position) as stream_position, null::bigint as global_position
         from ${this.#events} where stream_id = $1
       union all
       select 'stored', event_id, stream_id, stream_position, global_position
         from ${this.#events} where event_id = any($2::text[])`,
      [streamId, batch.map((e) => e.eventId)],
    )
    const stored = rows
      .filter((row) => row.kind === 'stored')
      .map(
        (row): StoredEventRef => ({
          eventId: row.event_id!,
          streamId: row.stream_id!,
          streamPosition: Number(row.stream_position),
          globalPosition: BigInt(row.global_position!),
        }),
      )
    const retried = resultOfRetry(streamId, batch, stored)
    if (retried) return retried
    const version = Number(rows.find((row) => row.kind === 'version')?.stream_position ?? 0)
    checkExpectedVersion(streamId, expected, version === 0 ? NO_STREAM : version)
    return undefined
  }

  async #versionOf(db: SqlQueryable, streamId: string) {
    const { rows } = await db.query<{ version: string | number | bigint | null }>(
      `select max(stream_position) as version from ${this.#events} where stream_id = $1`,
      [streamId],
    )
    const version = rows[0]?.version
    return version === null || version === undefined ? NO_STREAM : Number(version)
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult> {
    validateStreamId(streamId)
    const { backwards, from, maxCount } = validateReadStreamOptions(options)
    // One statement, so the version and the events come from the same snapshot.
    const { rows } = await this.#db.query<{ version: string | number | bigint | null } & Partial<EventRow>>(
      `select v.version, e.*
       from (select max(stream_position) as version from ${this.#events} where stream_id = $1) v
       left join lateral (
         select ${COLUMNS} from ${this.#events}
         where stream_id = $1
           and ($2::bigint is null or stream_position ${backwards ? '<=' : '>='} $2)
         order by stream_position ${backwards ? 'desc' : 'asc'}
         limit $3
       ) e on true`,
      [streamId, from ?? null, maxCount ?? null],
    )
    const version = rows[0]?.version
    const exists = version !== null && version !== undefined
    return {
      events: rows
        .filter((row) => row.global_position != null)
        .map((row) => toRecordedEvent(row as EventRow)),
      currentVersion: exists ? Number(version) : NO_STREAM,
      streamExists: exists,
    }
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const { after, maxCount, eventTypes, streamPrefix } = validateReadAllOptions(options)
    const { rows } = await this.#db.query<EventRow>(
      `select ${COLUMNS} from ${this.#events}
       where global_position > $1::bigint
         and global_position < ${VISIBLE_HORIZON}
         and ($2::text[] is null or event_type = any($2::text[]))
         and ($3::text is null or starts_with(stream_id, $3::text))
       order by global_position
       limit $4`,
      [after.toString(), eventTypes ? [...eventTypes] : null, streamPrefix ?? null, maxCount ?? null],
    )
    return rows.map(toRecordedEvent)
  }

  async headPosition(): Promise<bigint> {
    const { rows } = await this.#db.query<{ head: string | number | bigint }>(
      `select coalesce(max(global_position), 0) as head from ${this.#events}
       where global_position < ${VISIBLE_HORIZON}`,
    )
    return BigInt(rows[0]?.head ?? 0)
  }

  subscribe(options: SubscribeOptions): Promise<Subscription> {
    return CatchUpSubscription.start(this, options)
  }
}

/** The one place rows become events: bigint columns arrive as strings (pg) or numbers (PGlite). */
function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    streamPosition: Number(row.stream_position),
    globalPosition: BigInt(row.global_position),
    recordedAt: row.recorded_at,
    event: {
      eventId: row.event_id,
      eventType: row.event_type,
      version: row.event_version,
      timestamp: row.occurred_at,
      correlationId: row.correlation_id,
      causationId: row.causation_id,
      data: row.data,
      metadata: row.metadata,
    },
  }
}
