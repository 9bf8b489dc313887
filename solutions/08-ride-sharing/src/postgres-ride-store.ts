import type { RideEvent, StoredEvent } from './catalog.ts'
import { upcast } from './catalog.ts'
import { ConcurrencyError } from './errors.ts'
import { decide, type RideCommand, type RideState, replay } from './ride.ts'

/** What the store needs from PostgreSQL: a `pg.Client` or `pg.Pool` fits. */
export interface SqlClient {
  query<R extends object = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>
}

export interface LoadedRide {
  readonly state: RideState
  /** How many events the stream holds: the expected version for the next append. */
  readonly version: number
}

/**
 * Step 5: the Ride's event stream in PostgreSQL, table `"<schema>".ride_events`, one row per
 * event, versions 1, 2, 3... per ride. Appends check the expected version; reads upcast.
 */
export class PostgresRideStore {
  readonly #db: SqlClient
  readonly #table: string

  constructor(db: SqlClient, schema: string) {
    this.#db = db
    this.#table = `"${schema.replace(/"/g, '""')}".ride_events`
  }

  /** Creates the table if it does not exist. */
  async init(): Promise<void> {
    await this.#db.query(
      `create table if not exists ${this.#table} (
         ride_id text not null,
         version integer not null,
         type text not null,
         event_version integer not null,
         data jsonb not null,
         primary key (ride_id, version)
       )`,
    )
  }

  /**
   * Appends `events` after `expectedVersion` (0 for a new ride) and returns the new version.
   * Throws `ConcurrencyError` when the stream is no longer at `expectedVersion`, also when two
   * appends race: exactly one of them wins.
   */
  async append(rideId: string, expectedVersion: number, events: readonly RideEvent[]): Promise<number> {
    if (events.length === 0) return expectedVersion
    const rows = events.map((event) => ({ type: event.type, version: event.version, data: event.data }))
    try {
      const result = await this.#db.query(
        `insert into ${this.#table} (ride_id, version, type, event_version, data)
         select $1, ($2::int + t.ord)::int, t.x->>'type', (t.x->>'version')::int, t.x->'data'
           from jsonb_array_elements($3::jsonb) with ordinality as t(x, ord)
          where (select coalesce(max(version), 0) from ${this.#table} where ride_id = $1) = $2::int`,
        [rideId, expectedVersion, JSON.stringify(rows)],
      )
      if (result.rowCount !== events.length) throw new ConcurrencyError(rideId, expectedVersion)
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new ConcurrencyError(rideId, expectedVersion)
      throw error
    }
    return expectedVersion + events.length
  }

  /** The ride's events at their current versions, in order (upcast on read). */
  async events(rideId: string): Promise<RideEvent[]> {
    const { rows } = await this.#db.query<{ type: string; event_version: number; data: StoredEvent['data'] }>(
      `select type, event_version, data from ${this.#table} where ride_id = $1 order by version`,
      [rideId],
    )
    return rows.map((row) => upcast({ type: row.type, version: row.event_version, data: row.data }))
  }

  /** Replays the ride's stream; a ride with no events is `{ status: 'none' }` at version 0. */
  async load(rideId: string): Promise<LoadedRide> {
    const events = await this.events(rideId)
    return { state: replay(events), version: events.length }
  }

  /** Load, decide, append at the loaded version: the command handler. Returns the new events. */
  async handle(rideId: string, command: RideCommand): Promise<RideEvent[]> {
    const { state, version } = await this.load(rideId)
    const events = decide(state, command)
    await this.append(rideId, version, events)
    return events
  }
}
