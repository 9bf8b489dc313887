import { type EventEnvelope, fromAmqpMessage, MessageValidationError } from '@eda/events'
import { Collector } from '@eda/testkit'
import { describeWithService } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import { AmqpPublisher, AmqpSubscriber, type ConsumerFailure, type DeliveryInfo } from '#impl'
import {
  BROKER_TEST_MS,
  BROKER_WAIT_MS,
  messageCount,
  publishRaw,
  queueExists,
  takeMessages,
  useRabbit,
} from './support/rabbit.ts'
import { orderIds, shopEvents } from './support/shop-events.ts'

describeWithService('rabbitmq', 'step 8: fan-out publish/subscribe on RabbitMQ', () => {
  const rabbit = useRabbit()

  it(
    'delivers every event to every subscriber, each on a queue of its own',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'fanout')
      const received = [
        new Collector<EventEnvelope>(),
        new Collector<EventEnvelope>(),
        new Collector<EventEnvelope>(),
      ]
      const subscribers: AmqpSubscriber[] = []
      for (const collector of received)
        subscribers.push(
          rabbit.closeLater(await AmqpSubscriber.subscribe(connection, { exchange }, collector.push)),
        )
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      const events = shopEvents()
      for (const id of ['o-1', 'o-2', 'o-3', 'o-4']) await publisher.publish(events.orderPlaced(id))
      for (const [i, collector] of received.entries())
        expect(
          orderIds(await collector.waitForCount(4, `events for subscriber ${i + 1}`, BROKER_WAIT_MS)),
        ).toEqual(['o-1', 'o-2', 'o-3', 'o-4'])
      expect(new Set(subscribers.map((s) => s.queue)).size).toBe(3)
    },
    BROKER_TEST_MS,
  )

  it(
    'gives a subscriber that joins later only the events published after it subscribed',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'fanout')
      const events = shopEvents()
      const early = new Collector<EventEnvelope>()
      const late = new Collector<EventEnvelope>()
      rabbit.closeLater(await AmqpSubscriber.subscribe(connection, { exchange }, early.push))
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      await publisher.publish(events.orderPlaced('o-1'))
      await early.waitForCount(1, 'event before the late subscriber joins', BROKER_WAIT_MS)
      rabbit.closeLater(await AmqpSubscriber.subscribe(connection, { exchange }, late.push))
      await publisher.publish(events.orderPlaced('o-2'))
      expect(
        orderIds(await early.waitForCount(2, 'events for the early subscriber', BROKER_WAIT_MS)),
      ).toEqual(['o-1', 'o-2'])
      expect(orderIds(await late.waitForCount(1, 'event for the late subscriber', BROKER_WAIT_MS))).toEqual([
        'o-2',
      ])
    },
    BROKER_TEST_MS,
  )

  it(
    'publishes with no subscriber at all: the publisher knows nothing of subscribers',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'fanout')
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      await expect(publisher.publish(shopEvents().orderPlaced('o-1'))).resolves.toBeUndefined()
    },
    BROKER_TEST_MS,
  )

  it(
    'maps the envelope onto AMQP: messageId, type, correlationId, headers and a JSON body',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'fanout')
      const probe = await rabbit.probe(connection, exchange)
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      const event = shopEvents().orderPlaced('o-1')
      await publisher.publish(event)
      const [message] = await takeMessages(connection, probe, 1, 'published message')
      expect(message?.properties).toMatchObject({
        messageId: event.eventId,
        type: 'OrderPlaced',
        correlationId: event.correlationId,
        contentType: 'application/json',
        headers: expect.objectContaining({ 'x-event-version': 2 }),
      })
      expect(JSON.parse(message?.content.toString('utf8') ?? '')).toEqual(event.data)
      expect(fromAmqpMessage(message as NonNullable<typeof message>)).toEqual(event)
    },
    BROKER_TEST_MS,
  )

  it(
    'hands the handler the event validated and intact, with how it was delivered',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'fanout')
      const received = new Collector<[EventEnvelope, DeliveryInfo]>()
      rabbit.closeLater(
        await AmqpSubscriber.subscribe(connection, { exchange }, (event, delivery) =>
          received.push([event, delivery]),
        ),
      )
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      const sent = shopEvents().orderShipped('o-1')
      await publisher.publish(sent)
      const [[event, delivery] = []] = await received.waitForCount(1, 'delivered event', BROKER_WAIT_MS)
      expect(event).toEqual(sent)
      expect(delivery).toEqual({ routingKey: 'shop.order.shipped', redelivered: false, attempt: 1 })
    },
    BROKER_TEST_MS,
  )

  it(
    'reports an invalid message instead of handing it over, and goes on with the next event',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'fanout')
      const received = new Collector<EventEnvelope>()
      const failures = new Collector<ConsumerFailure>()
      const subscriber = rabbit.closeLater(
        await AmqpSubscriber.subscribe(connection, { exchange, onError: failures.push }, received.push),
      )
      await publishRaw(connection, exchange, 'shop.order.placed', '{"orderId": ', {
        messageId: 'broken-1',
        type: 'OrderPlaced',
        contentType: 'application/json',
      })
      const [failure] = await failures.waitForCount(1, 'report of the invalid message', BROKER_WAIT_MS)
      expect(failure).toMatchObject({
        queue: subscriber.queue,
        reason: 'invalid-message',
        outcome: 'dropped',
      })
      expect(failure?.error).toBeInstanceOf(MessageValidationError)
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      await publisher.publish(shopEvents().orderPlaced('o-1'))
      expect(
        orderIds(await received.waitForCount(1, 'valid event after the invalid one', BROKER_WAIT_MS)),
      ).toEqual(['o-1'])
    },
    BROKER_TEST_MS,
  )

  it(
    'rejects an invalid envelope with MessageValidationError and sends nothing',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'fanout')
      const probe = await rabbit.probe(connection, exchange)
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      const events = shopEvents()
      const broken = { ...events.orderPlaced('o-1'), eventId: '' }
      await expect(publisher.publish(broken)).rejects.toBeInstanceOf(MessageValidationError)
      const valid = events.orderPlaced('o-2')
      await publisher.publish(valid)
      const taken = await takeMessages(connection, probe, 1, 'valid message')
      expect(taken.map((m) => m.properties.messageId)).toEqual([valid.eventId])
      expect(await messageCount(connection, probe)).toBe(0)
    },
    BROKER_TEST_MS,
  )

  it(
    'deletes the subscriber’s queue when it closes',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'fanout')
      const subscriber = rabbit.closeLater(await AmqpSubscriber.subscribe(connection, { exchange }, () => {}))
      const { queue } = subscriber
      expect(await queueExists(connection, queue)).toBe(true)
      await subscriber.close()
      expect(await queueExists(connection, queue)).toBe(false)
    },
    BROKER_TEST_MS,
  )
})
