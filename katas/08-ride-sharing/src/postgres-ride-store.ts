import { NotImplementedError } from '@eda/testkit'
import type { RideEvent } from './catalog.ts'
import type { RideCommand, RideState } from './ride.ts'

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
 * Step 5: the Ride's event stream in PostgreSQL, table `"<schema>".ride_events` with columns
 * `ride_id text, version integer, type text, event_version integer, data jsonb`, one row per
 * event, versions 1, 2, 3... per ride. Appends check the expected version; reads upcast.
 */
export class PostgresRideStore {
  /** Keep the client and schema; the constructor must not throw. */
  constructor(db: SqlClient, schema: string) {
    void db
    void schema
  }

  /** Creates the table if it does not exist. */
  init(): Promise<void> {
    return Promise.reject(
      new NotImplementedError('PostgresRideStore.init', 'create the ride_events table (step 5)'),
    )
  }

  /**
   * Appends `events` after `expectedVersion` (0 for a new ride) and returns the new version.
   * Throws `ConcurrencyError` when the stream is no longer at `expectedVersion`, also when two
   * appends race: exactly one of them wins.
   */
  append(_rideId: string, _expectedVersion: number, _events: readonly RideEvent[]): Promise<number> {
    return Promise.reject(
      new NotImplementedError(
        'PostgresRideStore.append',
        'append at the expected version or throw ConcurrencyError (step 5)',
      ),
    )
  }

  /** The ride's events at their current versions, in order (upcast on read). */
  events(_rideId: string): Promise<RideEvent[]> {
    return Promise.reject(
      new NotImplementedError('PostgresRideStore.events', 'read and upcast the stream (step 5)'),
    )
  }

  /** Replays the ride's stream; a ride with no events is `{ status: 'none' }` at version 0. */
  load(_rideId: string): Promise<LoadedRide> {
    return Promise.reject(
      new NotImplementedError('PostgresRideStore.load', 'replay the stream into state and version (step 5)'),
    )
  }

  /** Load, decide, append at the loaded version: the command handler. Returns the new events. */
  handle(_rideId: string, _command: RideCommand): Promise<RideEvent[]> {
    return Promise.reject(
      new NotImplementedError('PostgresRideStore.handle', 'load, decide and append (step 5)'),
    )
  }
}
