import type { JsonValue } from '@eda/events'
import type { Snapshot, SnapshotStore, SqlClient } from '../../src/types.ts'

export interface PostgresSnapshotStoreOptions {
  /** The schema holding the `snapshots` table, created by `init` (default: the connection's search path). */
  readonly schema?: string
}

interface SnapshotRow {
  readonly version: number | string
  readonly revision: number
  readonly state: JsonValue
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * Snapshots in a PostgreSQL table, one row per aggregate type and id. The upsert keeps the newer
 * row in one statement, so racing writers cannot put an older snapshot over a newer one.
 */
export class PostgresSnapshotStore implements SnapshotStore {
  readonly #db: SqlClient
  readonly #schema: string | undefined
  readonly #table: string

  constructor(db: SqlClient, options: PostgresSnapshotStoreOptions = {}) {
    this.#db = db
    this.#schema = options.schema === undefined ? undefined : quoteIdentifier(options.schema)
    this.#table = this.#schema === undefined ? 'snapshots' : `${this.#schema}.snapshots`
  }

  /** Creates the schema (when one is named) and the table, if they do not exist yet. */
  async init(): Promise<void> {
    if (this.#schema !== undefined) await this.#db.query(`create schema if not exists ${this.#schema}`)
    await this.#db.query(
      `create table if not exists ${this.#table} (
        aggregate_type text not null,
        aggregate_id text not null,
        version bigint not null check (version > 0),
        revision integer not null,
        state jsonb not null,
        saved_at timestamptz not null default now(),
        primary key (aggregate_type, aggregate_id)
      )`,
    )
  }

  async load(aggregateType: string, aggregateId: string): Promise<Snapshot | undefined> {
    const { rows } = await this.#db.query(
      `select version, revision, state from ${this.#table} where aggregate_type = $1 and aggregate_id = $2`,
      [aggregateType, aggregateId],
    )
    const row = rows[0] as SnapshotRow | undefined
    if (row === undefined) return undefined
    // bigint: node-postgres returns it as a string, PGlite as a number.
    return {
      aggregateType,
      aggregateId,
      version: Number(row.version),
      revision: row.revision,
      state: row.state,
    }
  }

  async save(snapshot: Snapshot): Promise<void> {
    await this.#db.query(
      `insert into ${this.#table} as current (aggregate_type, aggregate_id, version, revision, state)
       values ($1, $2, $3, $4, $5::jsonb)
       on conflict (aggregate_type, aggregate_id) do update
         set version = excluded.version, revision = excluded.revision, state = excluded.state, saved_at = now()`,
      [
        snapshot.aggregateType,
        snapshot.aggregateId,
        snapshot.version,
        snapshot.revision,
        // Always JSON text: node-postgres would turn a top-level array into a PostgreSQL array.
        JSON.stringify(snapshot.state),
      ],
    )
  }
}
