import type { EventEnvelope } from '@eda/events'
import { deferred, flushPending, waitFor } from '@eda/testkit'
import {
  closeQuietly,
  connectAmqp,
  connectPostgres,
  createSchema,
  databaseUrl,
  declareExchange,
  declareQueue,
  describeWithService,
  openChannel,
  useCleanup,
} from '@eda/testkit/services'
import type { ChannelModel, ConfirmChannel } from 'amqplib'
import pg from 'pg'
import { afterEach, beforeEach, expect, it } from 'vitest'
import {
  amqpDispatch,
  consumeSagaInputs,
  DriverPool,
  decodeEvent,
  encode,
  pgPoolClient,
  type RideSagaInput,
  type SqlClient,
} from '#impl'
import { startParticipants } from './support/amqp-participants.ts'
import { ManualScheduler } from './support/manual-scheduler.ts'
import { distinctMessages, Recorder, rideInputs, typeOf } from './support/rides.ts'
import { runnerOn } from './support/runner.ts'

const SAGA_INPUTS = [
  'RideRequested',
  'PaymentAuthorized',
  'PaymentAuthorizationFailed',
  'DriverAssigned',
  'NoDriverAvailable',
  'DriverAcceptedRide',
  'DriverDeclinedRide',
  'RideCancellationRequested',
]

describeWithService(
  ['rabbitmq', 'postgres'],
  'step 5: the saga over RabbitMQ, its state on a PostgreSQL server',
  () => {
    const cleanup = useCleanup()
    let broker: ChannelModel
    let admin: pg.Client
    let db: SqlClient
    let exchange: string
    let sagaQueue: string
    const pools: pg.Pool[] = []
    const connections: ChannelModel[] = []

    beforeEach(async () => {
      admin = await connectPostgres()
      const schema = await createSchema(admin, { prefix: 'sagas' })
      const pool = new pg.Pool({
        connectionString: databaseUrl(),
        max: 4,
        options: `-c search_path=${schema}`,
      })
      pool.on('error', () => undefined)
      pools.push(pool)
      db = pgPoolClient(pool)
      broker = await connectAmqp()
      // Registered first, so it runs last: the queues and exchange are deleted through `broker`.
      cleanup.add('drop the schema and close the clients', async () => {
        await Promise.all(connections.splice(0).map((c) => closeQuietly(c)))
        await closeQuietly(broker)
        await Promise.all(pools.splice(0).map((p) => p.end()))
        await admin.query(`drop schema if exists ${schema} cascade`)
        await admin.end()
      })
      exchange = await declareExchange(broker, { prefix: 'sagas-rides', cleanup })
      sagaQueue = await declareQueue(broker, { prefix: 'sagas-inputs', cleanup })
      const channel = await openChannel(broker)
      for (const type of SAGA_INPUTS) await channel.bindQueue(sagaQueue, exchange, `event.${type}`)
      await closeQuietly(channel)
    })
    afterEach(async () => {
      await flushPending()
    })

    /** One process of the saga service: its own connection, the shared database. */
    async function startSagaProcess(
      wrap?: (
        handle: (input: RideSagaInput) => Promise<unknown>,
      ) => (input: RideSagaInput) => Promise<unknown>,
    ) {
      const connection = await connectAmqp()
      connections.push(connection)
      const runner = runnerOn(
        db,
        amqpDispatch((await openChannel(connection, true)) as ConfirmChannel, exchange),
        new ManualScheduler(),
      )
      await runner.init()
      await runner.start()
      const handle = (input: RideSagaInput) => runner.handle(input)
      await consumeSagaInputs(await openChannel(connection), sagaQueue, {
        handle: wrap ? wrap(handle) : handle,
      })
      return { connection, runner }
    }

    async function observe(types: string[]) {
      const seen: EventEnvelope[] = []
      const queue = await declareQueue(broker, { prefix: 'sagas-observer', cleanup })
      const channel = await openChannel(broker)
      for (const type of types) await channel.bindQueue(queue, exchange, `event.${type}`)
      await channel.consume(queue, (msg) => msg && seen.push(decodeEvent(msg.content)), { noAck: true })
      return seen
    }

    async function publishRideRequest(rideId: string) {
      const channel = (await openChannel(broker, true)) as ConfirmChannel
      const { content, options } = encode({ kind: 'event', message: rideInputs(rideId).requested(rideId) })
      channel.publish(exchange, 'event.RideRequested', content, options)
      await channel.waitForConfirms()
      await closeQuietly(channel)
    }

    async function setUpRide(rideId: string, accepts?: (driverId: string) => boolean) {
      const pool = new DriverPool(db)
      await pool.init(['d-1', 'd-2'])
      const participants = await startParticipants(broker, exchange, pool, cleanup, accepts)
      const outcomes = await observe(['RideConfirmed', 'RideCancelled', 'RideRejected'])
      return { participants, outcomes, pool, rideId }
    }

    it('completes a ride when the saga process is killed before it handled a message', async () => {
      const { participants, outcomes, pool } = await setUpRide('ride-k1')
      const dead = deferred()
      let stuck = false
      const first = await startSagaProcess((handle) => async (input) => {
        if (input.eventType !== 'DriverAssigned') return handle(input)
        stuck = true
        await dead.promise // killed before handling: never acknowledged
        return undefined
      })
      await publishRideRequest('ride-k1')
      await waitFor(() => stuck, {
        what: 'the first saga process to receive DriverAssigned',
        timeoutMs: 10_000,
      })
      await closeQuietly(first.connection)

      const second = await startSagaProcess()
      await waitFor(() => outcomes.length >= 1, {
        what: 'the ride to be confirmed by the restarted saga',
        timeoutMs: 10_000,
      })
      await waitFor(async () => (await second.runner.state('ride-k1'))?.state.status === 'confirmed', {
        what: 'the saga to be confirmed',
        timeoutMs: 10_000,
      })
      await flushPending()
      expect(outcomes.map((e) => e.eventType)).toEqual(['RideConfirmed'])
      expect(participants.commands('AssignDriver')).toHaveLength(1)
      expect(participants.commands('OfferRide')).toHaveLength(1)
      expect(await pool.rideOf('d-1')).toBe('ride-k1')
    }, 60_000)

    it('emits no duplicate command when the saga process dies after recording a message but before acknowledging it', async () => {
      const { participants, outcomes } = await setUpRide('ride-k2')
      const dead = deferred()
      let recorded = false
      const first = await startSagaProcess((handle) => async (input) => {
        await handle(input)
        if (input.eventType !== 'DriverAssigned') return undefined
        recorded = true
        await dead.promise // killed after the commit, before the ack: the broker redelivers it
        return undefined
      })
      await publishRideRequest('ride-k2')
      await waitFor(() => recorded, {
        what: 'the first saga process to record DriverAssigned',
        timeoutMs: 10_000,
      })
      await closeQuietly(first.connection)

      const second = await startSagaProcess()
      await waitFor(async () => (await second.runner.state('ride-k2'))?.state.status === 'confirmed', {
        what: 'the restarted saga to confirm the ride',
        timeoutMs: 10_000,
      })
      await waitFor(() => outcomes.length >= 1, { what: 'RideConfirmed on the exchange', timeoutMs: 10_000 })
      await flushPending()
      expect(outcomes.map((e) => e.eventType)).toEqual(['RideConfirmed'])
      expect(participants.commands('OfferRide')).toHaveLength(1)
    }, 60_000)

    it('compensates exactly once when every driver declines and the saga process dies midway', async () => {
      const { participants, outcomes, pool } = await setUpRide('ride-k3', () => false)
      const dead = deferred()
      let recorded = false
      const first = await startSagaProcess((handle) => async (input) => {
        await handle(input)
        if (input.eventType !== 'DriverDeclinedRide') return undefined
        recorded = true
        await dead.promise // killed after recording the first decline, before acknowledging it
        return undefined
      })
      await publishRideRequest('ride-k3')
      await waitFor(() => recorded, { what: 'the first saga process to record a decline', timeoutMs: 10_000 })
      await closeQuietly(first.connection)

      const second = await startSagaProcess()
      await waitFor(async () => (await second.runner.state('ride-k3'))?.state.status === 'cancelled', {
        what: 'the restarted saga to cancel the ride',
        timeoutMs: 10_000,
      })
      await waitFor(
        () => outcomes.length >= 1 && participants.commands('VoidPaymentAuthorization').length >= 1,
        {
          what: 'RideCancelled and the void',
          timeoutMs: 10_000,
        },
      )
      await flushPending()
      expect(outcomes.map((e) => [e.eventType, (e.data as { reason: string }).reason])).toEqual([
        ['RideCancelled', 'no-driver-available'],
      ])
      expect(participants.commands('VoidPaymentAuthorization')).toHaveLength(1)
      expect(participants.commands('OfferRide')).toHaveLength(2)
      await waitFor(async () => (await pool.rideOf('d-1')) === null && (await pool.rideOf('d-2')) === null, {
        what: 'both drivers to be released',
        timeoutMs: 10_000,
      })
    }, 60_000)

    it('commits exactly one transition when two processes handle inputs for one saga at once', async () => {
      const r = rideInputs('conc')
      const log = new Recorder()
      // Left alone, the second runner would open a new pool connection while the first commits,
      // and read the new version: no race at all. Once armed, each runner's first transaction
      // waits until both have begun one, so both decide on what they read before either commits.
      let armed = false
      let arrived = 0
      const together = deferred()
      const meeting: SqlClient = {
        query: (text, params) => db.query(text, params),
        transaction: async (work) => {
          if (armed && ++arrived === 2) together.resolve()
          if (armed) await together.promise
          return db.transaction(work)
        },
      }
      const one = runnerOn(meeting, log.dispatch)
      const two = runnerOn(meeting, log.dispatch)
      await one.init()
      for (const input of [r.requested('ride-c'), r.authorized('ride-c'), r.assigned('ride-c', 'd-1')])
        await one.handle(input)
      const before = log.sent.length
      armed = true
      // A runner that never opens a transaction (it saw a duplicate) must not hold the other back.
      await Promise.all([
        one.handle(r.accepted('ride-c', 'd-1')).finally(() => together.resolve()),
        two.handle(r.offerTimedOut('ride-c', 'd-1')).finally(() => together.resolve()),
      ])
      // Both runners may send the winner's outbox row before it is marked sent (at-least-once):
      // what counts here is which transition was committed, so each message counts once.
      const committed = distinctMessages(log.sent.slice(before)).map(typeOf)
      expect([['RideConfirmed'], ['ReleaseDriver', 'AssignDriver']]).toContainEqual(committed)
      expect((await one.state('ride-c'))?.version).toBe(5)
    })
  },
)
