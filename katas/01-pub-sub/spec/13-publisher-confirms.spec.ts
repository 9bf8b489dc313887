import { describeWithService, withChannel } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import { AmqpPublisher, PublishError } from '#impl'
import { BROKER_TEST_MS, messageCount, takeMessages, useRabbit } from './support/rabbit.ts'
import { shopEvents } from './support/shop-events.ts'

describeWithService('rabbitmq', 'step 13: publisher confirms and back-pressure', () => {
  const rabbit = useRabbit()

  it(
    'resolves a publish once the broker has the event: it is already in the bound queue',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'topic')
      const probe = await rabbit.probe(connection, exchange)
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      await publisher.publish(shopEvents().orderPlaced('o-1'))
      expect(await messageCount(connection, probe)).toBe(1)
    },
    BROKER_TEST_MS,
  )

  it(
    'rejects a publish to an exchange that does not exist with a PublishError naming it, and nothing escapes',
    async () => {
      const connection = await rabbit.connect()
      const missing = rabbit.name(connection, 'missing', 'exchange')
      const publisher = rabbit.closeLater(
        await AmqpPublisher.open(connection, { exchange: missing, domain: 'shop' }),
      )
      const event = shopEvents().orderPlaced('o-1')
      const error = await publisher.publish(event).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(PublishError)
      expect(error).toMatchObject({
        exchange: missing,
        routingKey: 'shop.order.placed',
        eventId: event.eventId,
      })
      expect((error as Error).message).toContain(missing)
      expect((error as Error).message).toMatch(/NOT_FOUND/)
    },
    BROKER_TEST_MS,
  )

  it(
    'recovers from that failure: once the exchange exists, the same publisher publishes again',
    async () => {
      const connection = await rabbit.connect()
      const exchange = rabbit.name(connection, 'late', 'exchange')
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      const events = shopEvents()
      await expect(publisher.publish(events.orderPlaced('o-1'))).rejects.toBeInstanceOf(PublishError)
      await withChannel(connection, (channel) =>
        channel.assertExchange(exchange, 'topic', { durable: false }),
      )
      const probe = await rabbit.probe(connection, exchange)
      const second = events.orderPlaced('o-2')
      await expect(publisher.publish(second)).resolves.toBeUndefined()
      const [message] = await takeMessages(connection, probe, 1, 'event published after the recovery')
      expect(message?.properties.messageId).toBe(second.eventId)
    },
    BROKER_TEST_MS,
  )

  it(
    'confirms every event published at once, each exactly once and in order, when the buffer is full',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'topic')
      const probe = await rabbit.probe(connection, exchange)
      // A one-frame buffer: channel.publish returns false every time; the publisher must wait for 'drain'.
      const publisher = rabbit.closeLater(
        await AmqpPublisher.open(connection, { exchange, domain: 'shop', highWaterMark: 1 }),
      )
      const events = shopEvents()
      const sent = Array.from({ length: 300 }, (_, i) => events.orderPlaced(`o-${i + 1}`))
      await Promise.all(sent.map((event) => publisher.publish(event)))
      expect(await messageCount(connection, probe)).toBe(300)
      const taken = await takeMessages(connection, probe, 300, 'published events')
      expect(taken.map((m) => m.properties.messageId)).toEqual(sent.map((e) => e.eventId))
    },
    BROKER_TEST_MS,
  )

  it(
    'rejects with a PublishError, not an unhandled error, once its connection is gone',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'topic')
      const doomed = await rabbit.connect()
      const publisher = rabbit.closeLater(await AmqpPublisher.open(doomed, { exchange, domain: 'shop' }))
      await doomed.close()
      await expect(publisher.publish(shopEvents().orderPlaced('o-1'))).rejects.toBeInstanceOf(PublishError)
    },
    BROKER_TEST_MS,
  )
})
