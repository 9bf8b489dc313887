import type { JsonValue, Metadata } from '@eda/events'
import { LiveFeed } from './live-feed.ts'
import type {
  EventLog,
  NewStoredEvent,
  ReadAllOptions,
  ReadStreamOptions,
  SqlClient,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from './types.ts'

export interface PostgresEventLogOptions {
  /** The schema holding the `events` table, created by `init` (default: the connection's search path). */
  readonly schema?: string
}

interface EventRow {
  readonly global_position: number | string
  readonly stream_id: string
  readonly stream_position: number
  readonly event_id: string
  readonly event_type: string
  readonly version: number | null
  readonly occurred_at: Date | string
  readonly correlation_id: string
  readonly causation_id: string | null
  readonly data: JsonValue
  readonly metadata: Metadata
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * Given, complete: an event log in one PostgreSQL table. Rows keep the version they were written
 * at; `version` is NULL on rows from before versions were recorded. Deliberately minimal (one
 * writer at a time, no gap-free global order): kata 03 builds a real event store.
 */
export class PostgresEventLog implements EventLog {
  readonly #db: SqlClient
  readonly #feed = new LiveFeed()
  readonly #schema: string | undefined
  /** The table, quoted and schema-qualified: for the specs' own SQL. */
  readonly table: string

  constructor(db: SqlClient, options: PostgresEventLogOptions = {}) {
    this.#db = db
    this.#schema = options.schema === undefined ? undefined : quoteIdentifier(options.schema)
    this.table = this.#schema === undefined ? 'events' : `${this.#schema}.events`
  }

  /** Creates the schema (when one is named) and the table, if they do not exist yet. */
  async init(): Promise<void> {
    if (this.#schema !== undefined) await this.#db.query(`create schema if not exists ${this.#schema}`)
    await this.#db.query(`create table if not exists ${this.table} (
      global_position bigint generated always as identity primary key,
      stream_id text not null,
      stream_position integer not null,
      event_id text not null unique,
      event_type text not null,
      version integer,
      occurred_at timestamptz not null,
      correlation_id text not null,
      causation_id text,
      data jsonb not null,
      metadata jsonb not null default '{}',
      unique (stream_id, stream_position)
    )`)
  }

  async append(streamId: string, events: readonly NewStoredEvent[]): Promise<readonly StoredEvent[]> {
    // One statement, so a batch is written whole or not at all.
    const { rows } = await this.#db.query(
      `insert into ${this.table} (stream_id, stream_position, event_id, event_type, version, occurred_at,
         correlation_id, causation_id, data, metadata)
       select $1,
         coalesce((select max(stream_position) from ${this.table} where stream_id = $1), 0) + e.n,
         e.doc->>'eventId', e.doc->>'eventType', (e.doc->>'version')::integer, (e.doc->>'timestamp')::timestamptz,
         e.doc->>'correlationId', e.doc->>'causationId', e.doc->'data', coalesce(e.doc->'metadata', '{}')
       from jsonb_array_elements($2::jsonb) with ordinality as e(doc, n)
       order by e.n
       returning *`,
      [streamId, JSON.stringify(events)],
    )
    const stored = (rows as EventRow[]).map(toStored).sort((a, b) => a.globalPosition - b.globalPosition)
    this.#feed.publish(stored)
    return stored
  }

  async readStream(streamId: string, { from = 1 }: ReadStreamOptions = {}): Promise<readonly StoredEvent[]> {
    const { rows } = await this.#db.query(
      `select * from ${this.table} where stream_id = $1 and stream_position >= $2 order by stream_position`,
      [streamId, from],
    )
    return (rows as EventRow[]).map(toStored)
  }

  async readAll({ after = 0 }: ReadAllOptions = {}): Promise<readonly StoredEvent[]> {
    const { rows } = await this.#db.query(
      `select * from ${this.table} where global_position > $1 order by global_position`,
      [after],
    )
    return (rows as EventRow[]).map(toStored)
  }

  subscribe(
    handler: (event: StoredEvent) => void | Promise<void>,
    options: SubscribeOptions = {},
  ): Subscription {
    return this.#feed.subscribe(handler, options, (after) => this.readAll({ after }))
  }
}

function toStored(row: EventRow): StoredEvent {
  return {
    streamId: row.stream_id,
    streamPosition: row.stream_position,
    // bigint: node-postgres returns it as a string, PGlite as a number.
    globalPosition: Number(row.global_position),
    eventId: row.event_id,
    eventType: row.event_type,
    // NULL: written before versions were recorded (read as version 1).
    version: row.version,
    timestamp: new Date(row.occurred_at).toISOString(),
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    data: row.data,
    metadata: row.metadata,
  }
}
