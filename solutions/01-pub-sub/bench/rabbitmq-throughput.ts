// `pnpm bench 01-pub-sub rabbitmq-throughput [events] [rounds]`: 10,000 events through RabbitMQ
// with publisher confirms, the kata's abstraction (AmqpPublisher, AmqpWorker) against raw amqplib,
// on the same broker in the same run. Three measures, each on a fresh durable work queue:
//   1. publish, awaiting each confirm before the next publish (one by one);
//   2. publish in batches of 500, awaiting the batch's confirms together;
//   3. publish in batches and consume (prefetch 100, manual acks), until the last event is handled.
// Both sides do the same work per event: toAmqpMessage (validation included) and routingKeyOf on the
// way out, fromAmqpMessage on the way in. Runs alternate kata/raw, so both meet the same broker and
// the same machine load: the one-by-one measure as 10 interleaved slices of 1,000 events per side
// (summed), the others as `rounds` full runs per side (median). Besides events/s it shows this
// process's CPU time per event: the abstraction's own cost, which the load of a shared machine does
// not blur as much as it blurs wall-clock throughput.
import { cpus, loadavg } from 'node:os'
import {
  createMessageFactory,
  type EventEnvelope,
  fromAmqpMessage,
  routingKeyOf,
  toAmqpMessage,
} from '@eda/events'
import { uniqueName } from '@eda/testkit'
import { amqpUrl, closeQuietly, connectAmqp } from '@eda/testkit/services'
import type { ChannelModel, ConfirmChannel } from 'amqplib'
import { AmqpPublisher, AmqpWorker, declareWorkQueue } from '../src/index.ts'

const EVENTS = Number(process.argv[2] ?? 10_000)
const ROUNDS = Number(process.argv[3] ?? 5)
const BATCH = 500
const PREFETCH = 100

const factory = createMessageFactory()
const allEvents: EventEnvelope[] = Array.from({ length: EVENTS }, (_, i) =>
  factory.event('OrderPlaced', {
    orderId: `o-${i}`,
    customerId: 'cust-456',
    items: [{ sku: 'book-1', quantity: 1, unitPrice: 99.99 }],
    totalAmount: 99.99,
    currency: 'USD',
  }),
)

interface Topology {
  readonly exchange: string
  readonly queue: string
}

/** A topic exchange and a durable work queue bound to it, as the kata's steps 9 and 10 build them. */
async function withTopology<T>(connection: ChannelModel, work: (t: Topology) => Promise<T>): Promise<T> {
  const exchange = uniqueName('bench-exchange')
  const queue = uniqueName('bench-queue')
  const channel = await connection.createChannel()
  channel.on('error', () => undefined)
  try {
    await channel.assertExchange(exchange, 'topic', { durable: false })
    await declareWorkQueue(connection, { queue, exchange, patterns: ['shop.#'] })
    return await work({ exchange, queue })
  } finally {
    await channel.deleteQueue(queue).catch(() => undefined)
    await channel.deleteExchange(exchange).catch(() => undefined)
    await closeQuietly(channel)
  }
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** A promise and the function that resolves it once `count` events were handled. */
function countdown(count: number): { readonly done: Promise<void>; tick(): void } {
  let left = count
  let resolve: () => void = () => undefined
  const done = new Promise<void>((r) => {
    resolve = r
  })
  return {
    done,
    tick: () => {
      if (--left === 0) resolve()
    },
  }
}

type Run = (connection: ChannelModel, t: Topology, events: readonly EventEnvelope[]) => Promise<void>

// --- the kata's abstraction -------------------------------------------------------------------

const kataPublish =
  (batched: boolean): Run =>
  async (connection, t, events) => {
    const publisher = await AmqpPublisher.open(connection, { exchange: t.exchange, domain: 'shop' })
    try {
      if (batched)
        for (const batch of chunks(events, BATCH)) await Promise.all(batch.map((e) => publisher.publish(e)))
      else for (const event of events) await publisher.publish(event)
    } finally {
      await publisher.close()
    }
  }

const kataRoundTrip: Run = async (connection, t, events) => {
  const handled = countdown(events.length)
  const worker = await AmqpWorker.start(connection, { queue: t.queue, prefetch: PREFETCH }, handled.tick)
  try {
    await kataPublish(true)(connection, t, events)
    await handled.done
  } finally {
    await worker.close()
  }
}

// --- raw amqplib, the same work by hand -------------------------------------------------------

function rawSend(
  channel: ConfirmChannel,
  t: Topology,
  event: EventEnvelope,
  onConfirm?: (err: unknown) => void,
) {
  const message = toAmqpMessage(event)
  const key = routingKeyOf('shop', message.options.type)
  return channel.publish(
    t.exchange,
    key,
    message.content,
    { ...message.options, persistent: true },
    onConfirm,
  )
}

const rawPublish =
  (batched: boolean): Run =>
  async (connection, t, events) => {
    const channel = await connection.createConfirmChannel()
    channel.on('error', () => undefined)
    try {
      if (batched) {
        for (const batch of chunks(events, BATCH)) {
          for (const event of batch) {
            if (!rawSend(channel, t, event)) await new Promise((resolve) => channel.once('drain', resolve))
          }
          await channel.waitForConfirms()
        }
      } else {
        for (const event of events)
          await new Promise<void>((resolve, reject) =>
            rawSend(channel, t, event, (err) => (err ? reject(err as Error) : resolve())),
          )
      }
    } finally {
      await channel.close()
    }
  }

const rawRoundTrip: Run = async (connection, t, events) => {
  const channel = await connection.createChannel()
  channel.on('error', () => undefined)
  const handled = countdown(events.length)
  await channel.prefetch(PREFETCH)
  await channel.consume(t.queue, (message) => {
    if (message === null) return
    fromAmqpMessage(message)
    channel.ack(message)
    handled.tick()
  })
  try {
    await rawPublish(true)(connection, t, events)
    await handled.done
  } finally {
    await channel.close()
  }
}

// --- measuring --------------------------------------------------------------------------------

interface Scenario {
  readonly name: string
  /** Runs per side, and the events of each: slices of EVENTS (summed) or all of them (median). */
  readonly runs: number
  readonly sliced: boolean
  readonly kata: Run
  readonly raw: Run
}

const SLICES = 10
const scenarios: readonly Scenario[] = [
  {
    name: 'publish, confirms one by one',
    runs: SLICES,
    sliced: true,
    kata: kataPublish(false),
    raw: rawPublish(false),
  },
  {
    name: `publish, confirms per batch of ${BATCH}`,
    runs: ROUNDS,
    sliced: false,
    kata: kataPublish(true),
    raw: rawPublish(true),
  },
  {
    name: `publish + consume (prefetch ${PREFETCH})`,
    runs: ROUNDS,
    sliced: false,
    kata: kataRoundTrip,
    raw: rawRoundTrip,
  },
]

interface Measure {
  readonly ms: number
  /** CPU time of this process (user + system), in microseconds. */
  readonly cpuUs: number
}

async function timed(connection: ChannelModel, run: Run, slice: readonly EventEnvelope[]): Promise<Measure> {
  return withTopology(connection, async (t) => {
    const cpu = process.cpuUsage()
    const started = performance.now()
    await run(connection, t, slice)
    const ms = performance.now() - started
    const { user, system } = process.cpuUsage(cpu)
    return { ms, cpuUs: user + system }
  })
}

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

const connection = await connectAmqp()
const version = connection.connection.serverProperties.version
try {
  // Warm-up: JIT, the broker's first queues of the run.
  await timed(connection, kataPublish(true), allEvents)
  await timed(connection, rawPublish(true), allEvents)

  console.log(
    `${EVENTS} events per side and measure; RabbitMQ ${version} at ${amqpUrl().replace(/\/\/[^@]*@/, '//')}; ` +
      `Node ${process.version}; ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the start`,
  )
  console.log(
    '| scenario | runs per side | kata (events/s) | raw amqplib (events/s) | kata / raw | CPU µs/event kata | CPU µs/event raw |',
  )
  console.log('|---|---|---:|---:|---:|---:|---:|')
  for (const scenario of scenarios) {
    const slices = scenario.sliced ? chunks(allEvents, Math.ceil(EVENTS / scenario.runs)) : []
    const kata: Measure[] = []
    const raw: Measure[] = []
    for (let run = 0; run < scenario.runs; run++) {
      const slice = scenario.sliced ? (slices[run] ?? []) : allEvents
      // Alternate which goes first, so neither always meets a warmer broker.
      if (run % 2 === 0) {
        kata.push(await timed(connection, scenario.kata, slice))
        raw.push(await timed(connection, scenario.raw, slice))
      } else {
        raw.push(await timed(connection, scenario.raw, slice))
        kata.push(await timed(connection, scenario.kata, slice))
      }
    }
    const total = (ms: Measure[]) =>
      scenario.sliced ? sum(ms.map((m) => m.ms)) : median(ms.map((m) => m.ms))
    const cpu = (ms: Measure[]) =>
      (scenario.sliced ? sum(ms.map((m) => m.cpuUs)) : median(ms.map((m) => m.cpuUs))) / EVENTS
    const [k, r] = [total(kata), total(raw)]
    const runs = scenario.sliced
      ? `${scenario.runs} slices of ${slices[0]?.length}, summed`
      : `${scenario.runs}, median`
    console.log(
      `| ${scenario.name} | ${runs} | ${Math.round(EVENTS / (k / 1000))} | ${Math.round(EVENTS / (r / 1000))} | ` +
        `${Math.round((r / k) * 100)}% | ${cpu(kata).toFixed(1)} | ${cpu(raw).toFixed(1)} |`,
    )
  }
} finally {
  await closeQuietly(connection)
}
