// Saga throughput: completed ride bookings per second, (1) in process (participants answer by
// calling the runner directly) with saga state on PGlite and on a PostgreSQL server, and (2) over
// RabbitMQ, with payment, dispatch and the driver app as consumers and the saga as one consumer
// (prefetch 1). Each booking is four saga transitions, each one transaction with inbox and outbox.
//
//   pnpm bench 07-sagas throughput [--rides 200]
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { type Command, causedBy, createMessageFactory, type EventEnvelope } from '@eda/events'
import { PGlite } from '@electric-sql/pglite'
import { type ConfirmChannel, connect } from 'amqplib'
import pg from 'pg'
import {
  amqpDispatch,
  consumeSagaInputs,
  DEFAULT_RIDE_SAGA_CONFIG,
  type Dispatch,
  decodeCommand,
  decodeEvent,
  encode,
  pgliteClient,
  pgPoolClient,
  type RideSagaState,
  rideBookingSaga,
  SagaRunner,
  type SqlClient,
} from '../src/index.ts'

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { rides: { type: 'string', default: '200' } },
})
const rides = Number(values.rides)
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672'
const messages = createMessageFactory()

const rideRequested = (rideId: string) =>
  messages.event('RideRequested', {
    rideId,
    riderId: 'r-1',
    pickup: { lat: 1, lng: 1 },
    dropoff: { lat: 2, lng: 2 },
  })

/** What each participant answers to a command. */
function answer(command: Command): EventEnvelope | undefined {
  const data = command.data as { rideId: string; driverId?: string; attempt?: number }
  switch (command.commandType) {
    case 'AuthorizePayment':
      return messages.event(
        'PaymentAuthorized',
        { rideId: data.rideId, authorizationId: `a-${data.rideId}`, amount: 30, currency: 'USD' },
        causedBy(command),
      )
    case 'AssignDriver':
      return messages.event(
        'DriverAssigned',
        { rideId: data.rideId, driverId: `d-${data.rideId}` },
        causedBy(command),
      )
    case 'OfferRide':
      return messages.event(
        'DriverAcceptedRide',
        { rideId: data.rideId, driverId: data.driverId },
        causedBy(command),
      )
    default:
      return undefined
  }
}

async function inProcess(db: SqlClient): Promise<number> {
  const replies: EventEnvelope[] = []
  const dispatch: Dispatch = async (outgoing) => {
    if (outgoing.kind !== 'command') return
    const reply = answer(outgoing.message)
    if (reply) replies.push(reply)
  }
  const runner = new SagaRunner<RideSagaState>({ db, saga: rideBookingSaga(), dispatch })
  await runner.init()
  const started = performance.now()
  for (let i = 0; i < rides; i++) {
    await runner.handle(rideRequested(`ride-${i}`))
    for (let reply = replies.shift(); reply; reply = replies.shift()) await runner.handle(reply)
  }
  const seconds = (performance.now() - started) / 1000
  await runner.stop()
  return rides / seconds
}

async function overRabbitMq(db: SqlClient): Promise<number> {
  const connection = await connect(amqpUrl)
  connection.on('error', () => undefined)
  const exchange = `bench-sagas-${randomUUID().slice(0, 8)}`
  const channel = await connection.createChannel()
  await channel.assertExchange(exchange, 'topic', { autoDelete: true })
  const sagaQueue = (await channel.assertQueue('', { exclusive: true })).queue
  for (const type of ['RideRequested', 'PaymentAuthorized', 'DriverAssigned', 'DriverAcceptedRide'])
    await channel.bindQueue(sagaQueue, exchange, `event.${type}`)
  const participants = await connection.createChannel()
  for (const type of ['AuthorizePayment', 'AssignDriver', 'OfferRide']) {
    const queue = (await participants.assertQueue('', { exclusive: true })).queue
    await participants.bindQueue(queue, exchange, `command.${type}`)
    await participants.consume(queue, (msg) => {
      if (!msg) return
      const reply = answer(decodeCommand(msg.content))
      if (reply) {
        const { content, options } = encode({ kind: 'event', message: reply })
        participants.publish(exchange, `event.${reply.eventType}`, content, options)
      }
      participants.ack(msg)
    })
  }
  let confirmed = 0
  let done: () => void = () => undefined
  const allDone = new Promise<void>((resolve) => {
    done = resolve
  })
  const observer = (await channel.assertQueue('', { exclusive: true })).queue
  await channel.bindQueue(observer, exchange, 'event.RideConfirmed')
  await channel.consume(
    observer,
    (msg) => {
      if (msg && decodeEvent(msg.content) && ++confirmed === rides) done()
    },
    { noAck: true },
  )
  const runner = new SagaRunner<RideSagaState>({
    db,
    saga: rideBookingSaga(DEFAULT_RIDE_SAGA_CONFIG),
    dispatch: amqpDispatch((await connection.createConfirmChannel()) as ConfirmChannel, exchange),
  })
  await runner.init()
  await consumeSagaInputs(await connection.createChannel(), sagaQueue, runner)
  const publisher = await connection.createConfirmChannel()
  const started = performance.now()
  for (let i = 0; i < rides; i++) {
    const { content, options } = encode({ kind: 'event', message: rideRequested(`amqp-ride-${i}`) })
    publisher.publish(exchange, 'event.RideRequested', content, options)
  }
  await publisher.waitForConfirms()
  await allDone
  const seconds = (performance.now() - started) / 1000
  await runner.stop()
  await connection.close()
  return rides / seconds
}

async function withServerSchema<T>(work: (db: SqlClient) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  const schema = `bench_sagas_${randomUUID().slice(0, 8)}`
  await admin.query(`create schema ${schema}`)
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, options: `-c search_path=${schema}` })
  try {
    return await work(pgPoolClient(pool))
  } finally {
    await pool.end()
    await admin.query(`drop schema if exists ${schema} cascade`)
    await admin.end()
  }
}

const pglite = await PGlite.create()
const results = [
  ['in process, state on PGlite', await inProcess(pgliteClient(pglite))],
  ['in process, state on PostgreSQL', await withServerSchema(inProcess)],
  ['over RabbitMQ, state on PostgreSQL', await withServerSchema(overRabbitMq)],
] as const
await pglite.close()
console.log(`Saga throughput: ${rides} ride bookings (4 transitions each) per setup`)
console.log('| setup | completed sagas/s |')
console.log('| --- | --- |')
for (const [setup, perSecond] of results) console.log(`| ${setup} | ${perSecond.toFixed(1)} |`)
console.log(`node ${process.version}`)
