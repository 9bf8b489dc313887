import type { EventEnvelope } from '@eda/events'
import { Collector } from '@eda/testkit'
import { describeWithService } from '@eda/testkit/services'
import type { ChannelModel } from 'amqplib'
import { expect, it } from 'vitest'
import { AmqpPublisher, AmqpSubscriber, InvalidOptionError } from '#impl'
import { BROKER_TEST_MS, BROKER_WAIT_MS, useRabbit } from './support/rabbit.ts'
import { shopEvents } from './support/shop-events.ts'

/** `OrderPlaced:o-1`: type and order, for compact assertions. */
const label = (event: EventEnvelope) => `${event.eventType}:${(event.data as { orderId: string }).orderId}`

describeWithService('rabbitmq', 'step 9: topic routing on RabbitMQ', () => {
  const rabbit = useRabbit()

  /**
   * Publishes the same three events for o-1, then for o-2. One publisher, so each queue gets them
   * in this order: once a subscriber has its o-2 events, any wrong o-1 event would sit among them.
   */
  async function publishTwoRounds(connection: ChannelModel, exchange: string): Promise<void> {
    const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
    const events = shopEvents()
    for (const id of ['o-1', 'o-2']) {
      await publisher.publish(events.orderPlaced(id))
      await publisher.publish(events.paymentProcessed(id))
      await publisher.publish(events.orderShipped(id))
    }
  }

  it(
    'routes each event with a key made of the domain and its type: shop.order.placed',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'topic')
      const keys = new Collector<string>()
      rabbit.closeLater(
        await AmqpSubscriber.subscribe(connection, { exchange, patterns: ['#'] }, (_event, delivery) =>
          keys.push(delivery.routingKey),
        ),
      )
      await publishTwoRounds(connection, exchange)
      expect(await keys.waitForCount(3, 'routing keys', BROKER_WAIT_MS)).toEqual([
        'shop.order.placed',
        'shop.payment.processed',
        'shop.order.shipped',
      ])
    },
    BROKER_TEST_MS,
  )

  it(
    'delivers exactly the events whose key matches the binding: * is one word, # zero or more',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'topic')
      const expected: Record<string, string[]> = {
        'shop.order.*': ['OrderPlaced', 'OrderShipped'],
        'shop.#': ['OrderPlaced', 'PaymentProcessed', 'OrderShipped'],
        '*.payment.*': ['PaymentProcessed'],
        'shop.order.shipped': ['OrderShipped'],
        'shop.order.placed.#': ['OrderPlaced'],
      }
      const received = new Map<string, Collector<EventEnvelope>>()
      for (const pattern of Object.keys(expected)) {
        const collector = new Collector<EventEnvelope>()
        received.set(pattern, collector)
        rabbit.closeLater(
          await AmqpSubscriber.subscribe(connection, { exchange, patterns: [pattern] }, collector.push),
        )
      }
      await publishTwoRounds(connection, exchange)
      for (const [pattern, types] of Object.entries(expected)) {
        const got = await received
          .get(pattern)
          ?.waitForCount(2 * types.length, `events for ${pattern}`, BROKER_WAIT_MS)
        expect({ pattern, got: got?.map(label) }).toEqual({
          pattern,
          got: [...types.map((t) => `${t}:o-1`), ...types.map((t) => `${t}:o-2`)],
        })
      }
    },
    BROKER_TEST_MS,
  )

  it(
    'delivers an event once to a subscriber even when several of its patterns match it',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'topic')
      const received = new Collector<EventEnvelope>()
      rabbit.closeLater(
        await AmqpSubscriber.subscribe(
          connection,
          { exchange, patterns: ['shop.order.*', 'shop.#', 'shop.order.placed'] },
          received.push,
        ),
      )
      await publishTwoRounds(connection, exchange)
      const got = await received.waitForCount(6, 'events, each once', BROKER_WAIT_MS)
      expect(got.map(label)).toEqual([
        'OrderPlaced:o-1',
        'PaymentProcessed:o-1',
        'OrderShipped:o-1',
        'OrderPlaced:o-2',
        'PaymentProcessed:o-2',
        'OrderShipped:o-2',
      ])
    },
    BROKER_TEST_MS,
  )

  it(
    'refuses a subscription with no pattern: it would receive nothing',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'topic')
      await expect(
        AmqpSubscriber.subscribe(connection, { exchange, patterns: [] }, () => {}),
      ).rejects.toBeInstanceOf(InvalidOptionError)
    },
    BROKER_TEST_MS,
  )
})
