import { connectPostgres, createSchema, describeWithService, useCleanup } from '@eda/testkit/services'
import type pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ConcurrencyError, PostgresRideStore, RideRuleError } from '#impl'
import { BAIXA, requestRide, rideHistory } from './support/rides.ts'

describeWithService(
  'postgres',
  'step 5: the Ride, event-sourced in PostgreSQL with optimistic concurrency',
  () => {
    const cleanup = useCleanup()
    let db: pg.Client

    beforeAll(async () => {
      db = await connectPostgres()
    })
    afterAll(async () => {
      await db?.end()
    })

    async function store(): Promise<{ store: PostgresRideStore; schema: string }> {
      const schema = await createSchema(db, { prefix: 'rides', cleanup })
      const rides = new PostgresRideStore(db, schema)
      await rides.init()
      await rides.init() // twice: init is safe to repeat
      return { store: rides, schema }
    }

    it('appends a ride’s events and loads its state and version back', async () => {
      const { store: rides } = await store()
      expect(await rides.load('ride-1')).toEqual({ state: { status: 'none', rated: false }, version: 0 })
      expect(await rides.append('ride-1', 0, rideHistory('offered'))).toBe(2)
      expect(await rides.append('ride-1', 2, rideHistory('accepted').slice(2))).toBe(3)
      const loaded = await rides.load('ride-1')
      expect(loaded.version).toBe(3)
      expect(loaded.state).toMatchObject({ status: 'accepted', driverId: 'driver-1', pickup: BAIXA })
      expect(await rides.events('ride-1')).toEqual(rideHistory('accepted'))
      expect((await rides.load('ride-2')).version).toBe(0)
    })

    it('rejects an append at a stale expected version, and keeps the stream as it was', async () => {
      const { store: rides } = await store()
      await rides.append('ride-1', 0, rideHistory('offered'))
      const accept = rideHistory('accepted').slice(2)
      await expect(rides.append('ride-1', 1, accept)).rejects.toBeInstanceOf(ConcurrencyError)
      await expect(rides.append('ride-1', 5, accept)).rejects.toBeInstanceOf(ConcurrencyError)
      await expect(rides.append('ride-1', 0, rideHistory('requested'))).rejects.toBeInstanceOf(
        ConcurrencyError,
      )
      expect(await rides.events('ride-1')).toEqual(rideHistory('offered'))
    })

    it('lets exactly one of two racing commands win: the accept and the cancel of one offer', async () => {
      const { store: rides } = await store()
      await rides.append('ride-1', 0, rideHistory('offered'))
      const results = await Promise.allSettled([
        rides.handle('ride-1', { type: 'AcceptRide', driverId: 'driver-1' }),
        rides.handle('ride-1', { type: 'CancelRide', reason: 'rider gave up' }),
      ])
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      const rejected = results.find((r) => r.status === 'rejected')
      expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(ConcurrencyError)
      expect((await rides.load('ride-1')).version).toBe(3)
    })

    it('handles commands by load, decide, append, and refuses one the state does not allow', async () => {
      const { store: rides } = await store()
      await rides.handle('ride-1', requestRide())
      await rides.handle('ride-1', { type: 'OfferRide', driverId: 'driver-7' })
      await expect(
        rides.handle('ride-1', { type: 'AcceptRide', driverId: 'driver-8' }),
      ).rejects.toBeInstanceOf(RideRuleError)
      expect(await rides.handle('ride-1', { type: 'AcceptRide', driverId: 'driver-7' })).toHaveLength(1)
      expect((await rides.load('ride-1')).state.status).toBe('accepted')
    })

    it('upcasts a RideRequested v1 row written by the old app when it loads the ride', async () => {
      const { store: rides, schema } = await store()
      await db.query(
        `insert into "${schema}".ride_events (ride_id, version, type, event_version, data) values ($1, 1, 'RideRequested', 1, $2)`,
        [
          'ride-old',
          JSON.stringify({
            rideId: 'ride-old',
            riderId: 'rider-9',
            pickup: '38.7107,-9.1366',
            dropoff: '38.6979,-9.2063',
          }),
        ],
      )
      const loaded = await rides.load('ride-old')
      expect(loaded).toMatchObject({
        version: 1,
        state: { status: 'requested', riderId: 'rider-9', pickup: BAIXA },
      })
      const [first] = await rides.events('ride-old')
      expect(first).toMatchObject({ type: 'RideRequested', version: 2 })
    })
  },
)
