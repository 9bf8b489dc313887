import { type Deferred, deferred, uniqueName, waitFor } from '@eda/testkit'
import { closeQuietly, connectAmqp, declareExchange, useCleanup, withChannel } from '@eda/testkit/services'
import type { Channel, ChannelModel, ConsumeMessage, Options } from 'amqplib'
import { afterEach } from 'vitest'

/** A broker spec may take this long; each wait inside it names what it awaited, and gives up sooner. */
export const BROKER_TEST_MS = 45_000
/** How long a spec waits for something the broker does in milliseconds when all is well. */
export const BROKER_WAIT_MS = 10_000
/** How long closing a publisher, subscriber or worker may take after a test. */
const CLOSE_MS = 10_000

interface Closable {
  close(): Promise<void>
}

/**
 * What a broker spec needs, cleaned up after each test, newest first: the gates are opened, the
 * publishers, subscribers and workers closed, the queues and exchanges deleted, the connections
 * closed. Call it inside the spec file's describe block.
 */
export function useRabbit() {
  const cleanup = useCleanup()
  // Registered after useCleanup's own hook, so it runs before it: handlers are released first,
  // then the components that wait for them are closed.
  const gates: Deferred<void>[] = []
  afterEach(() => {
    for (const gate of gates.splice(0)) gate.resolve()
  })
  return {
    /** A connection of the test's own, closed after it (even when the test closed it already). */
    async connect(): Promise<ChannelModel> {
      const connection = await connectAmqp()
      cleanup.add('close a connection', () => closeQuietly(connection))
      return connection
    },

    /** An exchange with a unique name, deleted after the test. */
    exchange(connection: ChannelModel, type: 'fanout' | 'topic'): Promise<string> {
      return declareExchange(connection, { prefix: `k01-${type}`, type, cleanup })
    },

    /** A unique queue (or exchange) name, deleted after the test if anything declared it. */
    name(connection: ChannelModel, prefix: string, kind: 'queue' | 'exchange' = 'queue'): string {
      const name = uniqueName(`k01-${prefix}`)
      cleanup.add(`delete ${kind} ${name}`, () =>
        withChannel(connection, (channel) =>
          kind === 'queue' ? channel.deleteQueue(name) : channel.deleteExchange(name),
        ),
      )
      return name
    },

    /** A queue of the test's own, bound to `exchange`: it shows exactly what was published. */
    async probe(connection: ChannelModel, exchange: string, pattern = '#'): Promise<string> {
      const queue = this.name(connection, 'probe')
      await withChannel(connection, async (channel) => {
        await channel.assertQueue(queue, { durable: false })
        await channel.bindQueue(queue, exchange, pattern)
      })
      return queue
    },

    /** Closes a publisher, subscriber or worker after the test, before its queues and connection go. */
    closeLater<T extends Closable>(component: T): T {
      cleanup.add('close a publisher, subscriber or worker', () => closeWithin(component, CLOSE_MS))
      return component
    },

    /** A gate a handler can wait on; opened after the test whatever happened, so no handler hangs. */
    gate(): Deferred<void> {
      const gate = deferred()
      gates.push(gate)
      return gate
    },
  }
}

async function closeWithin(component: Closable, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`close() did not finish within ${ms} ms`)), ms)
  })
  try {
    await Promise.race([component.close(), late])
  } finally {
    clearTimeout(timer)
  }
}

/** Ready messages in a queue (not those delivered and waiting for an ack). */
export async function messageCount(connection: ChannelModel, queue: string): Promise<number> {
  return (await withChannel(connection, (channel) => channel.checkQueue(queue))).messageCount
}

/** Consumers attached to a queue. */
export async function consumerCount(connection: ChannelModel, queue: string): Promise<number> {
  return (await withChannel(connection, (channel) => channel.checkQueue(queue))).consumerCount
}

/** Whether a queue exists: a passive declare of a missing one fails with 404 (and closes its channel). */
export async function queueExists(connection: ChannelModel, queue: string): Promise<boolean> {
  try {
    await withChannel(connection, (channel) => channel.checkQueue(queue))
    return true
  } catch (error) {
    if ((error as { code?: unknown }).code === 404) return false
    throw error
  }
}

/** Takes `count` messages off a queue (acknowledged), waiting for them to arrive; maybe a few more. */
export function takeMessages(
  connection: ChannelModel,
  queue: string,
  count: number,
  what: string,
): Promise<ConsumeMessage[]> {
  return withChannel(connection, async (channel) => {
    const taken: ConsumeMessage[] = []
    const { consumerTag } = await channel.consume(queue, (m) => m && taken.push(m), { noAck: true })
    try {
      await waitFor(() => taken.length >= count, {
        what: `${count} ${what} in queue ${queue} (got ${taken.length})`,
        timeoutMs: BROKER_WAIT_MS,
      })
    } finally {
      await channel.cancel(consumerTag)
    }
    return taken
  })
}

/** Publishes raw bytes, as a buggy or foreign producer would, and waits for the broker's confirm. */
export async function publishRaw(
  connection: ChannelModel,
  exchange: string,
  routingKey: string,
  content: string,
  options: Options.Publish = {},
): Promise<void> {
  const channel = await connection.createConfirmChannel()
  channel.on('error', () => undefined)
  try {
    channel.publish(exchange, routingKey, Buffer.from(content), options)
    await channel.waitForConfirms()
  } finally {
    await closeQuietly(channel)
  }
}

/**
 * The connection, seen through a wrapper that counts the channels opened on it and those closed
 * since: after a component's close(), every channel it opened must be closed.
 */
export function trackChannels(connection: ChannelModel) {
  const opened: Channel[] = []
  const closed = new Set<Channel>()
  const track = <C extends Channel>(channel: C): C => {
    opened.push(channel)
    channel.once('close', () => closed.add(channel))
    return channel
  }
  const tracked = new Proxy(connection, {
    get(target, property) {
      if (property === 'createChannel')
        return async (...args: Parameters<ChannelModel['createChannel']>) =>
          track(await target.createChannel(...args))
      if (property === 'createConfirmChannel')
        return async (...args: Parameters<ChannelModel['createConfirmChannel']>) =>
          track(await target.createConfirmChannel(...args))
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return {
    connection: tracked,
    get opened(): number {
      return opened.length
    },
    get open(): number {
      return opened.length - closed.size
    },
  }
}
