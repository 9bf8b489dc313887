import { type EventEnvelope, fromAmqpMessage } from '@eda/events'
import { Collector } from '@eda/testkit'
import { describeWithService, withChannel } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import { AmqpPublisher, AmqpWorker, type ConsumerFailure, declareWorkQueue, WORKER_HEADERS } from '#impl'
import {
  BROKER_TEST_MS,
  BROKER_WAIT_MS,
  messageCount,
  publishRaw,
  takeMessages,
  useRabbit,
} from './support/rabbit.ts'
import { shopEvents } from './support/shop-events.ts'

const orderId = (event: EventEnvelope) => (event.data as { orderId: string }).orderId

describeWithService('rabbitmq', 'step 12: poison messages and dead-lettering', () => {
  const rabbit = useRabbit()

  /** A work queue with its dead-letter exchange and queue, all with unique names. */
  async function billingQueue() {
    const connection = await rabbit.connect()
    const exchange = await rabbit.exchange(connection, 'topic')
    const queue = rabbit.name(connection, 'billing')
    const deadLetter = {
      exchange: rabbit.name(connection, 'billing-dlx', 'exchange'),
      queue: rabbit.name(connection, 'billing-dlq'),
    }
    await declareWorkQueue(connection, { queue, exchange, patterns: ['shop.#'], deadLetter })
    const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
    return { connection, exchange, queue, deadLetter, publisher, events: shopEvents() }
  }

  it(
    'retries a failing handler up to maxAttempts, then dead-letters the event with the reason',
    async () => {
      const { connection, queue, deadLetter, publisher, events } = await billingQueue()
      const attempts: number[] = []
      const failures = new Collector<ConsumerFailure>()
      rabbit.closeLater(
        await AmqpWorker.start(
          connection,
          {
            queue,
            prefetch: 1,
            maxAttempts: 3,
            deadLetterExchange: deadLetter.exchange,
            onError: failures.push,
          },
          (_event, delivery) => {
            attempts.push(delivery.attempt)
            throw new Error('card declined by the payment provider')
          },
        ),
      )
      const poison = events.orderPlaced('o-1')
      await publisher.publish(poison)
      const [dead] = await takeMessages(connection, deadLetter.queue, 1, 'dead letter')
      expect(attempts).toEqual([1, 2, 3])
      expect(dead?.properties.headers).toMatchObject({
        [WORKER_HEADERS.reason]: 'handler-failed',
        [WORKER_HEADERS.error]: expect.stringContaining('card declined'),
        [WORKER_HEADERS.attempt]: 3,
        [WORKER_HEADERS.queue]: queue,
      })
      // The event itself survives intact, ready to be inspected or replayed.
      expect(fromAmqpMessage(dead as NonNullable<typeof dead>)).toEqual(poison)
      // The worker reports once the broker confirmed the dead letter, which may be just after it arrived.
      const reported = await failures.waitForCount(3, 'failure reports', BROKER_WAIT_MS)
      expect(reported.map((f) => [f.reason, f.attempt, f.outcome])).toEqual([
        ['handler-failed', 1, 'retried'],
        ['handler-failed', 2, 'retried'],
        ['handler-failed', 3, 'dead-lettered'],
      ])
      expect(reported[2]?.event).toEqual(poison)
      expect(await messageCount(connection, queue)).toBe(0)
    },
    BROKER_TEST_MS,
  )

  it(
    'does not let a poison message hold up the events behind it',
    async () => {
      const { connection, queue, deadLetter, publisher, events } = await billingQueue()
      const handled = new Collector<string>()
      rabbit.closeLater(
        await AmqpWorker.start(
          connection,
          { queue, prefetch: 1, maxAttempts: 3, deadLetterExchange: deadLetter.exchange },
          (event) => {
            if (orderId(event) === 'o-poison') throw new Error('this order always fails')
            handled.push(orderId(event))
          },
        ),
      )
      const poison = events.orderPlaced('o-poison')
      await publisher.publish(poison)
      for (const id of ['o-2', 'o-3']) await publisher.publish(events.orderPlaced(id))
      expect(await handled.waitForCount(2, 'events behind the poison one', BROKER_WAIT_MS)).toEqual([
        'o-2',
        'o-3',
      ])
      const [dead] = await takeMessages(connection, deadLetter.queue, 1, 'dead letter')
      expect(dead?.properties.messageId).toBe(poison.eventId)
    },
    BROKER_TEST_MS,
  )

  it(
    'sends an invalid message straight to the dead-letter queue: no handler call, no retry',
    async () => {
      const { connection, exchange, queue, deadLetter, publisher, events } = await billingQueue()
      const handled = new Collector<string>()
      const failures = new Collector<ConsumerFailure>()
      rabbit.closeLater(
        await AmqpWorker.start(
          connection,
          { queue, maxAttempts: 3, deadLetterExchange: deadLetter.exchange, onError: failures.push },
          (event) => handled.push(orderId(event)),
        ),
      )
      const body = '{"orderId": "o-1", '
      await publishRaw(connection, exchange, 'shop.order.placed', body, {
        messageId: 'broken-1',
        type: 'OrderPlaced',
        contentType: 'application/json',
      })
      const [dead] = await takeMessages(connection, deadLetter.queue, 1, 'dead letter')
      expect(dead?.content.toString('utf8')).toBe(body)
      expect(dead?.properties.messageId).toBe('broken-1')
      expect(dead?.properties.headers).toMatchObject({
        [WORKER_HEADERS.reason]: 'invalid-message',
        [WORKER_HEADERS.attempt]: 1,
      })
      const reported = await failures.waitForCount(1, 'failure report', BROKER_WAIT_MS)
      expect(reported.map((f) => [f.reason, f.outcome])).toEqual([['invalid-message', 'dead-lettered']])
      // The worker is still there for the next, valid, event.
      await publisher.publish(events.orderPlaced('o-2'))
      expect(await handled.waitForCount(1, 'valid event after the invalid one', BROKER_WAIT_MS)).toEqual([
        'o-2',
      ])
    },
    BROKER_TEST_MS,
  )

  it(
    'handles once, with no dead letter, an event whose handler fails once then succeeds',
    async () => {
      const { connection, queue, deadLetter, publisher, events } = await billingQueue()
      const handled = new Collector<[string, number]>()
      const worker = rabbit.closeLater(
        await AmqpWorker.start(
          connection,
          { queue, maxAttempts: 3, deadLetterExchange: deadLetter.exchange },
          (event, delivery) => {
            if (delivery.attempt === 1) throw new Error('a timeout, the first time only')
            handled.push([orderId(event), delivery.attempt])
          },
        ),
      )
      await publisher.publish(events.orderPlaced('o-1'))
      expect(await handled.waitForCount(1, 'event handled on its second attempt', BROKER_WAIT_MS)).toEqual([
        ['o-1', 2],
      ])
      await worker.close()
      expect(await messageCount(connection, queue)).toBe(0)
      expect(await messageCount(connection, deadLetter.queue)).toBe(0)
    },
    BROKER_TEST_MS,
  )

  it(
    'gives the work queue its dead-letter exchange: a message rejected by anyone lands there too',
    async () => {
      const { connection, queue, deadLetter, publisher, events } = await billingQueue()
      await publisher.publish(events.orderPlaced('o-1'))
      await withChannel(connection, async (channel) => {
        const message = await channel.get(queue)
        expect(message).not.toBe(false)
        if (message) channel.nack(message, false, false)
      })
      const [dead] = await takeMessages(connection, deadLetter.queue, 1, 'message the broker dead-lettered')
      expect(dead?.properties.headers?.['x-first-death-reason']).toBe('rejected')
    },
    BROKER_TEST_MS,
  )
})
