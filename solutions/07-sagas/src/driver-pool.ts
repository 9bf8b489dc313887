import type { SqlClient } from './sql-client.ts'

/**
 * Dispatch's view of the drivers: which ride each one is booked on. Shared by every ride (and
 * every dispatch process), so a booking must be one atomic statement, never read-then-write.
 */
export class DriverPool {
  constructor(private readonly db: SqlClient) {}

  async init(drivers: readonly string[] = []): Promise<void> {
    await this.db.query('create table if not exists drivers (driver_id text primary key, ride_id text)')
    for (const driverId of drivers)
      await this.db.query('insert into drivers (driver_id) values ($1) on conflict do nothing', [driverId])
  }

  /**
   * Books a free driver, not one of `excluded`, for the ride, and returns it (null when none is
   * free). Asked again for the same ride, it returns the driver already booked for it.
   */
  async assign(rideId: string, excluded: readonly string[] = []): Promise<string | null> {
    const held = await this.db.query<{ driver_id: string }>(
      'select driver_id from drivers where ride_id = $1 and not (driver_id = any($2)) order by driver_id limit 1',
      [rideId, excluded],
    )
    if (held.rows[0]) return held.rows[0].driver_id
    const { rows } = await this.db.query<{ driver_id: string }>(
      `update drivers set ride_id = $1
       where driver_id = (
         select driver_id from drivers where ride_id is null and not (driver_id = any($2))
         order by driver_id limit 1 for update skip locked)
       and ride_id is null
       returning driver_id`,
      [rideId, excluded],
    )
    return rows[0]?.driver_id ?? null
  }

  /** Frees the driver if (and only if) it is booked on this ride: safe to run twice, or late. */
  async release(driverId: string, rideId: string): Promise<void> {
    await this.db.query('update drivers set ride_id = null where driver_id = $1 and ride_id = $2', [
      driverId,
      rideId,
    ])
  }

  async rideOf(driverId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ ride_id: string | null }>(
      'select ride_id from drivers where driver_id = $1',
      [driverId],
    )
    return rows[0]?.ride_id ?? null
  }
}
