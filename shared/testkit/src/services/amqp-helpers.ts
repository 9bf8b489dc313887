import { type Channel, type ChannelModel, connect, type Options } from 'amqplib'
import { uniqueName } from '../unique-name.ts'
import type { CleanupRegistry } from './cleanup-registry.ts'
import { amqpUrl } from './service-addresses.ts'

type Closable = ChannelModel | Channel

/**
 * An AMQP connection whose 'error' events are handled. Without a listener, a connection error
 * (broker restart, a channel-level protocol error escalating) is thrown from an event emitter
 * and kills the test process; the failing operation's promise rejects anyway.
 */
export async function connectAmqp(url: string = amqpUrl()): Promise<ChannelModel> {
  const connection = await connect(url, { timeout: 5_000 })
  connection.on('error', () => undefined)
  return connection
}

/**
 * A channel whose 'error' events are handled: a 404 or 406 from the broker closes the channel
 * and rejects the operation that caused it, which is what a spec asserts on.
 */
export async function openChannel(connection: ChannelModel, confirm = false): Promise<Channel> {
  const channel = confirm ? await connection.createConfirmChannel() : await connection.createChannel()
  channel.on('error', () => undefined)
  return channel
}

/** Closes a connection or channel that may already be closed (or broken), within two seconds. */
export async function closeQuietly(target: Closable | undefined): Promise<void> {
  if (target === undefined) return
  target.on('error', () => undefined)
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    target.close().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 2_000)
    }),
  ])
  clearTimeout(timer)
}

/** Runs `work` on a short-lived channel, closed afterwards whatever happens. */
export async function withChannel<T>(
  connection: ChannelModel,
  work: (channel: Channel) => Promise<T>,
): Promise<T> {
  const channel = await openChannel(connection)
  try {
    return await work(channel)
  } finally {
    await closeQuietly(channel)
  }
}

export interface DeclareQueueOptions {
  readonly queue?: string
  readonly prefix?: string
  readonly options?: Options.AssertQueue
  /** Deletes the queue after the test (through `connection`, which must still be open then). */
  readonly cleanup?: CleanupRegistry
}

/** Declares a queue with a unique name and returns the name. */
export async function declareQueue(
  connection: ChannelModel,
  options: DeclareQueueOptions = {},
): Promise<string> {
  const queue = options.queue ?? uniqueName(options.prefix ?? 'queue')
  await withChannel(connection, (channel) => channel.assertQueue(queue, options.options))
  options.cleanup?.add(`delete queue ${queue}`, () =>
    withChannel(connection, (channel) => channel.deleteQueue(queue)),
  )
  return queue
}

export interface DeclareExchangeOptions {
  readonly exchange?: string
  readonly prefix?: string
  readonly type?: 'direct' | 'topic' | 'fanout' | 'headers'
  readonly options?: Options.AssertExchange
  readonly cleanup?: CleanupRegistry
}

/** Declares an exchange (default `topic`) with a unique name and returns the name. */
export async function declareExchange(
  connection: ChannelModel,
  options: DeclareExchangeOptions = {},
): Promise<string> {
  const exchange = options.exchange ?? uniqueName(options.prefix ?? 'exchange')
  await withChannel(connection, (channel) =>
    channel.assertExchange(exchange, options.type ?? 'topic', options.options),
  )
  options.cleanup?.add(`delete exchange ${exchange}`, () =>
    withChannel(connection, (channel) => channel.deleteExchange(exchange)),
  )
  return exchange
}
