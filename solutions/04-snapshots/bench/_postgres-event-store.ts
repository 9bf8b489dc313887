import type { EventEnvelope, JsonValue, Metadata } from '@eda/events'
import {
  type AppendOptions,
  type AppendResult,
  ConcurrencyError,
  type EventStore,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
  type SqlClient,
} from '../src/index.ts'

// Bench support only: the smallest PostgreSQL event store that loads a stream the way a real one
// does (one indexed range query, JSONB decoded per row). Kata 03 builds the real thing.

interface EventRow {
  readonly stream_id: string
  readonly stream_position: number
  readonly event_id: string
  readonly event_type: string
  readonly version: number
  readonly occurred_at: Date
  readonly correlation_id: string
  readonly causation_id: string | null
  readonly data: JsonValue
  readonly metadata: Metadata
  readonly stream_version: number | string
}

export class BenchPostgresEventStore implements EventStore {
  readonly #db: SqlClient
  readonly table: string

  constructor(db: SqlClient, schema: string) {
    this.#db = db
    this.table = `"${schema}".events`
  }

  async init(): Promise<void> {
    await this.#db.query(`create table if not exists ${this.table} (
      stream_id text not null,
      stream_position integer not null,
      event_id text not null,
      event_type text not null,
      version integer not null,
      occurred_at timestamptz not null,
      correlation_id text not null,
      causation_id text,
      data jsonb not null,
      metadata jsonb not null default '{}',
      primary key (stream_id, stream_position)
    )`)
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const { from = 1, to = 2_147_483_647 } = options
    const { rows } = await this.#db.query(
      `select *, (select coalesce(max(stream_position), 0) from ${this.table} where stream_id = $1) as stream_version
       from ${this.table} where stream_id = $1 and stream_position between $2 and $3
       order by stream_position`,
      [streamId, from, to],
    )
    const events = (rows as EventRow[]).map(toRecorded)
    const first = rows[0] as EventRow | undefined
    return { events, streamVersion: first ? Number(first.stream_version) : await this.#version(streamId) }
  }

  async appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    { expectedVersion }: AppendOptions,
  ): Promise<AppendResult> {
    const actual = await this.#version(streamId)
    if (actual !== expectedVersion) throw new ConcurrencyError(streamId, expectedVersion, actual)
    for (const [i, e] of events.entries()) {
      await this.#db.query(
        `insert into ${this.table} (stream_id, stream_position, event_id, event_type, version, occurred_at,
           correlation_id, causation_id, data, metadata)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb)`,
        [
          streamId,
          expectedVersion + i + 1,
          e.eventId,
          e.eventType,
          e.version,
          e.timestamp,
          e.correlationId,
          e.causationId,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
        ],
      )
    }
    return { nextExpectedVersion: expectedVersion + events.length }
  }

  /** Writes `count` ItemAddedToCart events in one statement, on the server. */
  async seed(streamId: string, cartId: string, count: number): Promise<void> {
    await this.#db.query(
      `insert into ${this.table} (stream_id, stream_position, event_id, event_type, version, occurred_at,
         correlation_id, causation_id, data)
       select $1, n, $1 || '-' || n, 'ItemAddedToCart', 1, timestamptz '2024-01-15T10:30:00Z' + n * interval '1 second',
         $1 || '-' || n, null,
         jsonb_build_object('cartId', $2::text, 'sku', 'sku-' || (n % 10), 'quantity', 1 + n % 3, 'unitPrice', 5 + n % 7)
       from generate_series(1, $3::integer) as n`,
      [streamId, cartId, count],
    )
  }

  async #version(streamId: string): Promise<number> {
    const { rows } = await this.#db.query(
      `select coalesce(max(stream_position), 0) as version from ${this.table} where stream_id = $1`,
      [streamId],
    )
    return Number((rows[0] as { version: number | string }).version)
  }
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  streamId: row.stream_id,
  streamPosition: row.stream_position,
  eventId: row.event_id,
  eventType: row.event_type,
  version: row.version,
  timestamp: new Date(row.occurred_at).toISOString(),
  correlationId: row.correlation_id,
  causationId: row.causation_id,
  data: row.data,
  metadata: row.metadata,
})
