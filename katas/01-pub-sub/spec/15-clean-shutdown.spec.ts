import type { EventEnvelope } from '@eda/events'
import { Collector, waitFor } from '@eda/testkit'
import { describeWithService, withChannel } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import {
  AmqpPublisher,
  AmqpSubscriber,
  AmqpWorker,
  ClientClosedError,
  type ConsumerFailure,
  declareWorkQueue,
} from '#impl'
import {
  BROKER_TEST_MS,
  BROKER_WAIT_MS,
  consumerCount,
  messageCount,
  takeMessages,
  trackChannels,
  useRabbit,
} from './support/rabbit.ts'
import { shopEvents } from './support/shop-events.ts'

const orderId = (event: EventEnvelope) => (event.data as { orderId: string }).orderId

describeWithService('rabbitmq', 'step 15: a clean shutdown', () => {
  const rabbit = useRabbit()

  it(
    'closes a worker only after its handler in flight finished, acknowledging it; the rest stays queued',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'fanout')
      const queue = rabbit.name(connection, 'billing')
      await declareWorkQueue(connection, { queue, exchange })
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      const tracked = trackChannels(connection)
      const gate = rabbit.gate()
      const started = new Collector<string>()
      const finished: string[] = []
      const worker = rabbit.closeLater(
        await AmqpWorker.start(tracked.connection, { queue, prefetch: 1 }, async (event) => {
          started.push(orderId(event))
          await gate.promise
          finished.push(orderId(event))
        }),
      )
      const events = shopEvents()
      for (const id of ['o-1', 'o-2', 'o-3']) await publisher.publish(events.orderPlaced(id))
      await started.waitForCount(1, 'the first event in flight', BROKER_WAIT_MS)

      let closed = false
      const closing = worker.close().then(() => {
        closed = true
      })
      await waitFor(async () => (await consumerCount(connection, queue)) === 0, {
        what: 'the worker to cancel its consumer',
        timeoutMs: BROKER_WAIT_MS,
      })
      expect(closed).toBe(false)
      gate.resolve()
      await closing
      expect(finished).toEqual(['o-1'])
      expect(started.items).toEqual(['o-1'])
      // o-1 was acknowledged; o-2 and o-3 wait for the next worker; the worker left no channel open.
      expect(await messageCount(connection, queue)).toBe(2)
      expect(tracked.opened).toBeGreaterThan(0)
      expect(tracked.open).toBe(0)
      // The connection is the caller's: still open and usable.
      await expect(withChannel(connection, (channel) => channel.checkQueue(queue))).resolves.toMatchObject({
        queue,
      })
    },
    BROKER_TEST_MS,
  )

  it(
    'closes a publisher after the confirms it waits for, then refuses to publish; closing twice is fine',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'topic')
      const probe = await rabbit.probe(connection, exchange)
      const tracked = trackChannels(connection)
      const publisher = rabbit.closeLater(
        await AmqpPublisher.open(tracked.connection, { exchange, domain: 'shop' }),
      )
      const events = shopEvents()
      const publishing = ['o-1', 'o-2', 'o-3', 'o-4', 'o-5'].map((id) =>
        publisher.publish(events.orderPlaced(id)),
      )
      await publisher.close()
      const outcomes = await Promise.allSettled(publishing)
      expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('fulfilled'))
      expect(await messageCount(connection, probe)).toBe(5)
      const error = await publisher.publish(events.orderPlaced('o-6')).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ClientClosedError)
      expect(error).toMatchObject({ client: 'publisher' })
      await expect(publisher.close()).resolves.toBeUndefined()
      expect(tracked.opened).toBeGreaterThan(0)
      expect(tracked.open).toBe(0)
    },
    BROKER_TEST_MS,
  )

  it(
    'closes a subscriber after its handler in flight, leaving no channel open; closing twice is fine',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'fanout')
      const tracked = trackChannels(connection)
      const gate = rabbit.gate()
      const started = new Collector<string>()
      const finished: string[] = []
      const subscriber = rabbit.closeLater(
        await AmqpSubscriber.subscribe(tracked.connection, { exchange }, async (event) => {
          started.push(orderId(event))
          await gate.promise
          finished.push(orderId(event))
        }),
      )
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      await publisher.publish(shopEvents().orderPlaced('o-1'))
      await started.waitForCount(1, 'the event in flight', BROKER_WAIT_MS)
      const closing = subscriber.close()
      gate.resolve()
      await closing
      expect(finished).toEqual(['o-1'])
      await expect(subscriber.close()).resolves.toBeUndefined()
      expect(tracked.open).toBe(0)
    },
    BROKER_TEST_MS,
  )

  it(
    'reports a consumer the broker cancelled (its queue was deleted) and still closes cleanly',
    async () => {
      const connection = await rabbit.connect()
      const queue = rabbit.name(connection, 'billing')
      await declareWorkQueue(connection, { queue })
      const failures = new Collector<ConsumerFailure>()
      const tracked = trackChannels(connection)
      const worker = rabbit.closeLater(
        await AmqpWorker.start(tracked.connection, { queue, onError: failures.push }, () => {}),
      )
      await withChannel(connection, (channel) => channel.deleteQueue(queue))
      const [failure] = await failures.waitForCount(1, 'the cancellation report', BROKER_WAIT_MS)
      expect(failure).toMatchObject({ queue, reason: 'cancelled' })
      await expect(worker.close()).resolves.toBeUndefined()
      expect(tracked.open).toBe(0)
      // Nothing else was reported: no channel error on the way out.
      expect(failures.items.map((f) => f.reason)).toEqual(['cancelled'])
    },
    BROKER_TEST_MS,
  )

  it(
    'keeps publishing and consuming on one connection after components on it were closed',
    async () => {
      const connection = await rabbit.connect()
      const exchange = await rabbit.exchange(connection, 'topic')
      const probe = await rabbit.probe(connection, exchange)
      const first = await AmqpPublisher.open(connection, { exchange, domain: 'shop' })
      await first.close()
      const second = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
      const event = shopEvents().orderPlaced('o-1')
      await second.publish(event)
      const [message] = await takeMessages(connection, probe, 1, 'event from the second publisher')
      expect(message?.properties.messageId).toBe(event.eventId)
    },
    BROKER_TEST_MS,
  )
})
