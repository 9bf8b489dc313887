import type { EventEnvelope } from '@eda/events'
import { Collector } from '@eda/testkit'
import { describeWithService, withChannel } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import { AmqpPublisher, AmqpWorker, declareWorkQueue, InvalidOptionError } from '#impl'
import { BROKER_TEST_MS, BROKER_WAIT_MS, messageCount, takeMessages, useRabbit } from './support/rabbit.ts'
import { orderIds, shopEvents } from './support/shop-events.ts'

const orderId = (event: EventEnvelope) => (event.data as { orderId: string }).orderId

describeWithService('rabbitmq', 'step 10: competing consumers on a work queue', () => {
  const rabbit = useRabbit()

  /** A work queue for OrderPlaced events (`shop.order.placed`), bound to a topic exchange. */
  async function billingQueue() {
    const connection = await rabbit.connect()
    const exchange = await rabbit.exchange(connection, 'topic')
    const queue = rabbit.name(connection, 'billing')
    await declareWorkQueue(connection, { queue, exchange, patterns: ['shop.order.placed'] })
    const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
    return { connection, exchange, queue, publisher, events: shopEvents() }
  }

  it(
    'declares a durable queue bound to the exchange, and publishes persistent messages',
    async () => {
      const { connection, queue, publisher, events } = await billingQueue()
      await publisher.publish(events.orderPlaced('o-1'))
      await publisher.publish(events.paymentProcessed('o-1'))
      await publisher.publish(events.orderShipped('o-1'))
      const [message, ...others] = await takeMessages(connection, queue, 1, 'OrderPlaced message')
      expect(others).toEqual([])
      expect(message?.properties).toMatchObject({ type: 'OrderPlaced', deliveryMode: 2 })
      // Redeclaring with the same settings succeeds only if the queue is durable (406 otherwise).
      await expect(
        withChannel(connection, (channel) => channel.assertQueue(queue, { durable: true })),
      ).resolves.toMatchObject({ queue })
    },
    BROKER_TEST_MS,
  )

  it(
    'hands each message to exactly one worker, and every message to one',
    async () => {
      const { connection, queue, publisher, events } = await billingQueue()
      const handled = new Collector<string>()
      for (const _ of [1, 2])
        rabbit.closeLater(
          await AmqpWorker.start(connection, { queue, prefetch: 2 }, (e) => handled.push(orderId(e))),
        )
      const ids = Array.from({ length: 20 }, (_, i) => `o-${i + 1}`)
      for (const id of ids) await publisher.publish(events.orderPlaced(id))
      await handled.waitForCount(20, 'handled events', BROKER_WAIT_MS)
      expect([...handled.items].sort()).toEqual([...ids].sort())
    },
    BROKER_TEST_MS,
  )

  it(
    'gives a busy worker no more than its prefetch: the others take the rest',
    async () => {
      const { connection, queue, publisher, events } = await billingQueue()
      const gate = rabbit.gate()
      const busy = new Collector<EventEnvelope>()
      const free = new Collector<EventEnvelope>()
      rabbit.closeLater(
        await AmqpWorker.start(connection, { queue, prefetch: 1 }, async (event) => {
          busy.push(event)
          await gate.promise
        }),
      )
      await publisher.publish(events.orderPlaced('o-1'))
      await busy.waitForCount(1, 'first event at the busy worker', BROKER_WAIT_MS)
      rabbit.closeLater(await AmqpWorker.start(connection, { queue, prefetch: 1 }, free.push))
      for (const id of ['o-2', 'o-3', 'o-4']) await publisher.publish(events.orderPlaced(id))
      expect(orderIds(await free.waitForCount(3, 'events at the free worker', BROKER_WAIT_MS))).toEqual([
        'o-2',
        'o-3',
        'o-4',
      ])
      expect(orderIds(busy.items)).toEqual(['o-1'])
    },
    BROKER_TEST_MS,
  )

  it(
    'refuses a prefetch or a maxAttempts that is not a positive integer',
    async () => {
      const { connection, queue } = await billingQueue()
      for (const options of [{ prefetch: 0 }, { prefetch: 1.5 }, { maxAttempts: 0 }])
        await expect(AmqpWorker.start(connection, { queue, ...options }, () => {})).rejects.toBeInstanceOf(
          InvalidOptionError,
        )
    },
    BROKER_TEST_MS,
  )

  it(
    'fails to start on a queue that does not exist, with the broker’s reason and no stray error',
    async () => {
      const connection = await rabbit.connect()
      const queue = rabbit.name(connection, 'missing')
      await expect(AmqpWorker.start(connection, { queue }, () => {})).rejects.toThrow(/NOT_FOUND/)
      // The connection is still usable: only the worker's channel was closed by the 404.
      await expect(messageCount(connection, queue).catch((e: { code?: number }) => e.code)).resolves.toBe(404)
    },
    BROKER_TEST_MS,
  )
})
