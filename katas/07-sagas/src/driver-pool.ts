import { NotImplementedError } from '@eda/testkit'
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
   * Step 3: books a free driver, not one of `excluded`, for the ride, and returns it (null when
   * none is free). Asked again for the same ride, it returns the driver already booked for it.
   * Two rides asking at once must never get the same driver: one statement, not read-then-write.
   */
  assign(rideId: string, excluded: readonly string[] = []): Promise<string | null> {
    void [rideId, excluded]
    return Promise.reject(new NotImplementedError('DriverPool.assign', 'book one free driver atomically'))
  }

  /** Step 3: frees the driver if (and only if) it is booked on this ride: safe to run twice, or late. */
  release(driverId: string, rideId: string): Promise<void> {
    void [driverId, rideId]
    return Promise.reject(new NotImplementedError('DriverPool.release', 'free the driver of this ride'))
  }

  async rideOf(driverId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ ride_id: string | null }>(
      'select ride_id from drivers where driver_id = $1',
      [driverId],
    )
    return rows[0]?.ride_id ?? null
  }
}
