import type { EventEnvelope } from '@eda/events'
import { Collector, flushPending, waitFor } from '@eda/testkit'
import { describeWithService } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import {
  AmqpPublisher,
  AmqpWorker,
  declareWorkQueue,
  InvalidOptionError,
  idempotent,
  ProcessedEvents,
} from '#impl'
import { BROKER_TEST_MS, BROKER_WAIT_MS, messageCount, useRabbit } from './support/rabbit.ts'
import { shopEvents } from './support/shop-events.ts'

const orderId = (event: EventEnvelope) => (event.data as { orderId: string }).orderId

describeWithService('rabbitmq', 'step 14: an idempotent consumer', () => {
  const rabbit = useRabbit()

  async function billingQueue() {
    const connection = await rabbit.connect()
    const exchange = await rabbit.exchange(connection, 'topic')
    const queue = rabbit.name(connection, 'billing')
    await declareWorkQueue(connection, { queue, exchange, patterns: ['shop.order.placed'] })
    const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))
    return { connection, queue, publisher, events: shopEvents() }
  }

  it(
    'remembers at most `capacity` event ids, forgetting the oldest first',
    () => {
      const processed = new ProcessedEvents({ capacity: 2 })
      for (const id of ['evt-1', 'evt-2', 'evt-3']) processed.add(id)
      expect(['evt-1', 'evt-2', 'evt-3'].map((id) => processed.has(id))).toEqual([false, true, true])
      expect(processed.size).toBe(2)
      expect(() => new ProcessedEvents({ capacity: 0 })).toThrow(InvalidOptionError)
    },
    BROKER_TEST_MS,
  )

  it(
    'has one effect for an event delivered three times, and acknowledges every copy',
    async () => {
      const { connection, queue, publisher, events } = await billingQueue()
      const processed = new ProcessedEvents()
      const charged: string[] = []
      const worker = rabbit.closeLater(
        await AmqpWorker.start(
          connection,
          { queue, prefetch: 1 },
          idempotent((event) => {
            charged.push(orderId(event))
          }, processed),
        ),
      )
      // The publisher retried after a lost confirm: the broker has the same event three times.
      const placed = events.orderPlaced('o-1')
      for (const _ of [1, 2, 3]) await publisher.publish(placed)
      await publisher.publish(events.orderPlaced('o-2'))
      await waitFor(() => charged.includes('o-2'), {
        what: 'the event after the duplicates',
        timeoutMs: BROKER_WAIT_MS,
      })
      expect(charged).toEqual(['o-1', 'o-2'])
      expect(processed.has(placed.eventId)).toBe(true)
      await worker.close()
      expect(await messageCount(connection, queue)).toBe(0)
    },
    BROKER_TEST_MS,
  )

  it(
    'has no second effect when a worker dies after the effect but before its ack',
    async () => {
      const { connection, queue, publisher, events } = await billingQueue()
      const processed = new ProcessedEvents()
      const charged: string[] = []
      const charge = idempotent((event) => {
        charged.push(orderId(event))
      }, processed)
      // The effect is done, then the worker's process dies before its ack reaches the broker.
      const crashing = await rabbit.connect()
      let crashed = false
      rabbit.closeLater(
        await AmqpWorker.start(crashing, { queue, prefetch: 1 }, async (event, delivery) => {
          await charge(event, delivery)
          await crashing.close()
          crashed = true
        }),
      )
      await publisher.publish(events.orderPlaced('o-1'))
      await waitFor(() => crashed, { what: 'the first worker to charge and die', timeoutMs: BROKER_WAIT_MS })

      const seen = new Collector<boolean>()
      const survivor = rabbit.closeLater(
        await AmqpWorker.start(connection, { queue, prefetch: 1 }, (event, delivery) => {
          seen.push(delivery.redelivered)
          return charge(event, delivery)
        }),
      )
      expect(await seen.waitForCount(1, 'the redelivered event', BROKER_WAIT_MS)).toEqual([true])
      await survivor.close()
      expect(charged).toEqual(['o-1'])
      expect(await messageCount(connection, queue)).toBe(0)
    },
    BROKER_TEST_MS,
  )

  it(
    'does not remember a failed attempt: the retry runs the handler again',
    async () => {
      const { connection, queue, publisher, events } = await billingQueue()
      const processed = new ProcessedEvents()
      const charged = new Collector<[string, number]>()
      rabbit.closeLater(
        await AmqpWorker.start(
          connection,
          { queue, prefetch: 1, maxAttempts: 3 },
          idempotent((event, delivery) => {
            if (delivery.attempt === 1) throw new Error('payment provider timed out')
            charged.push([orderId(event), delivery.attempt])
          }, processed),
        ),
      )
      await publisher.publish(events.orderPlaced('o-1'))
      expect(await charged.waitForCount(1, 'the retried event', BROKER_WAIT_MS)).toEqual([['o-1', 2]])
    },
    BROKER_TEST_MS,
  )

  it(
    'has one effect when two workers get copies of the same event at the same time',
    async () => {
      const { connection, queue, publisher, events } = await billingQueue()
      const processed = new ProcessedEvents()
      const gate = rabbit.gate()
      const charged: string[] = []
      const handler = idempotent(async (event) => {
        charged.push(orderId(event))
        await gate.promise
      }, processed)
      const workers = [
        rabbit.closeLater(await AmqpWorker.start(connection, { queue, prefetch: 5 }, handler)),
        rabbit.closeLater(await AmqpWorker.start(connection, { queue, prefetch: 5 }, handler)),
      ]
      const placed = events.orderPlaced('o-1')
      for (const _ of [1, 2, 3, 4]) await publisher.publish(placed)
      await waitFor(async () => charged.length > 0 && (await messageCount(connection, queue)) === 0, {
        what: 'every copy delivered to a worker',
        timeoutMs: BROKER_WAIT_MS,
      })
      await flushPending()
      expect(charged).toEqual(['o-1'])
      gate.resolve()
      for (const worker of workers) await worker.close()
      expect(charged).toEqual(['o-1'])
      expect(await messageCount(connection, queue)).toBe(0)
    },
    BROKER_TEST_MS,
  )
})
