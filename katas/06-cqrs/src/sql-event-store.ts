import type { EventEnvelope } from '@eda/events'
import {
  type AppendResult,
  ConcurrencyError,
  type EventStore,
  NO_STREAM,
  type ReadStreamResult,
  type StoredEvent,
} from './event-store.ts'
import type { SqlClient } from './sql-client.ts'

interface EventRow {
  position: number | string
  stream_id: string
  stream_version: number
  envelope: EventEnvelope
}

const toStored = (row: EventRow): StoredEvent => ({
  position: Number(row.position),
  streamId: row.stream_id,
  streamVersion: row.stream_version,
  event: row.envelope,
})

/**
 * The event store in one PostgreSQL table (PGlite or a server), unqualified so it lives in the
 * connection's `search_path`. Appends take a transaction-scoped advisory lock, so positions
 * become visible in the order they were assigned and a reader by position never skips a
 * late-committing event. That serialises writers: kata 03 shows the alternatives.
 */
export class SqlEventStore implements EventStore {
  readonly #listeners = new Set<() => void>()
  constructor(private readonly db: SqlClient) {}

  async init(): Promise<void> {
    await this.db.query(`create table if not exists events (
      position bigserial primary key,
      stream_id text not null,
      stream_version integer not null,
      envelope jsonb not null,
      unique (stream_id, stream_version))`)
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const { rows } = await this.db.query<EventRow>(
      'select position, stream_id, stream_version, envelope from events where stream_id = $1 order by stream_version',
      [streamId],
    )
    const events = rows.map(toStored)
    return { version: events.at(-1)?.streamVersion ?? NO_STREAM, events }
  }

  async appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    { expectedVersion }: { readonly expectedVersion: number },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`nothing to append to ${streamId}`)
    const result = await this.db.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(hashtext('kata-06-events'))`)
      const { rows } = await tx.query<{ version: number | null }>(
        'select max(stream_version) as version from events where stream_id = $1',
        [streamId],
      )
      const actual = Number(rows[0]?.version ?? NO_STREAM)
      if (actual !== expectedVersion) throw new ConcurrencyError(streamId, expectedVersion, actual)
      let lastPosition = 0
      for (const [i, event] of events.entries()) {
        const inserted = await tx.query<{ position: number | string }>(
          'insert into events (stream_id, stream_version, envelope) values ($1, $2, $3) returning position',
          [streamId, actual + i + 1, JSON.stringify(event)],
        )
        lastPosition = Number(inserted.rows[0]?.position)
      }
      return { nextExpectedVersion: actual + events.length, lastPosition }
    })
    for (const listener of this.#listeners) listener()
    return result
  }

  async readAll({ after, limit }: { readonly after: number; readonly limit: number }) {
    const { rows } = await this.db.query<EventRow>(
      'select position, stream_id, stream_version, envelope from events where position > $1 order by position limit $2',
      [after, limit],
    )
    return rows.map(toStored)
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}
