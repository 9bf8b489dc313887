import type { ChannelModel } from 'amqplib'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { Collector } from '../../testkit/src/collector.ts'
import {
  closeQuietly,
  connectAmqp,
  declareExchange,
  declareQueue,
  describeWithService,
  openChannel,
  useCleanup,
  withChannel,
} from '../../testkit/src/services/index.ts'
import { uniqueName } from '../../testkit/src/unique-name.ts'

describeWithService('rabbitmq', 'RabbitMQ smoke (amqplib against the real broker)', () => {
  const cleanup = useCleanup()
  let connection: ChannelModel

  beforeAll(async () => {
    connection = await connectAmqp()
  })
  afterAll(() => closeQuietly(connection))

  it('publishes to a topic exchange and consumes from a bound queue', async () => {
    const exchange = await declareExchange(connection, { prefix: 'smoke', type: 'topic', cleanup })
    const queue = await declareQueue(connection, { prefix: 'smoke', options: { durable: false }, cleanup })
    const channel = await openChannel(connection)
    cleanup.add('close the channel', () => closeQuietly(channel))
    await channel.bindQueue(queue, exchange, 'orders.*')
    const received = new Collector<string>()
    await channel.consume(queue, (message) => {
      if (message === null) return
      received.push(`${message.fields.routingKey}: ${message.content.toString()}`)
      channel.ack(message)
    })

    channel.publish(exchange, 'orders.placed', Buffer.from('order 42'))
    channel.publish(exchange, 'payments.captured', Buffer.from('not routed to this queue'))

    expect(await received.waitForCount(1, 'deliveries')).toEqual(['orders.placed: order 42'])
  })

  it('survives a channel error: the operation rejects, no unhandled error event', async () => {
    const channel = await openChannel(connection)

    await expect(channel.checkQueue(uniqueName('missing'))).rejects.toThrow(/404/)
    await closeQuietly(channel)
    await closeQuietly(channel)

    await expect(
      withChannel(connection, async (ch) => (await ch.assertQueue('', { exclusive: true })).queue),
    ).resolves.toMatch(/^amq\.gen-/)
  })
})
