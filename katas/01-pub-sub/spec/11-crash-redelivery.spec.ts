import type { EventEnvelope } from '@eda/events'
import { Collector } from '@eda/testkit'
import { describeWithService } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import { AmqpPublisher, AmqpWorker, type DeliveryInfo, declareWorkQueue } from '#impl'
import { BROKER_TEST_MS, BROKER_WAIT_MS, messageCount, useRabbit } from './support/rabbit.ts'
import { shopEvents } from './support/shop-events.ts'

const orderId = (event: EventEnvelope) => (event.data as { orderId: string }).orderId

describeWithService('rabbitmq', 'step 11: a consumer crashes, nothing is lost', () => {
  const rabbit = useRabbit()

  it(
    'gives the messages a dead worker held, marked redelivered, to another worker',
    async () => {
      const connection = await rabbit.connect()
      const queue = rabbit.name(connection, 'billing')
      const exchange = await rabbit.exchange(connection, 'topic')
      await declareWorkQueue(connection, { queue, exchange, patterns: ['shop.order.*'] })
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))

      // Worker A, on a connection of its own, takes three events and never finishes them.
      const crashing = await rabbit.connect()
      const stuck = rabbit.gate()
      const heldByA = new Collector<string>()
      rabbit.closeLater(
        await AmqpWorker.start(crashing, { queue, prefetch: 3 }, async (event) => {
          heldByA.push(orderId(event))
          await stuck.promise
        }),
      )
      const events = shopEvents()
      const ids = ['o-1', 'o-2', 'o-3', 'o-4', 'o-5']
      for (const id of ids) await publisher.publish(events.orderPlaced(id))
      await heldByA.waitForCount(3, 'events held by worker A', BROKER_WAIT_MS)

      const handledByB = new Collector<[string, DeliveryInfo]>()
      const survivor = rabbit.closeLater(
        await AmqpWorker.start(connection, { queue, prefetch: 3 }, (event, delivery) =>
          handledByB.push([orderId(event), delivery]),
        ),
      )
      await handledByB.waitForCount(2, 'events A could not take, at worker B', BROKER_WAIT_MS)

      // A dies: its connection closes for real, with three messages unacknowledged.
      await crashing.close()
      const handled = await handledByB.waitForCount(5, 'every event at worker B', BROKER_WAIT_MS)
      expect(handled.map(([id]) => id).sort()).toEqual(ids)
      const redelivered = handled.filter(([, delivery]) => delivery.redelivered).map(([id]) => id)
      expect(redelivered.sort()).toEqual([...heldByA.items].sort())
      expect(handled.every(([, delivery]) => delivery.attempt === 1)).toBe(true)

      await survivor.close()
      expect(await messageCount(connection, queue)).toBe(0)
    },
    BROKER_TEST_MS,
  )

  it(
    'lets a handler that outlives its channel finish quietly: its late ack changes nothing',
    async () => {
      const connection = await rabbit.connect()
      const queue = rabbit.name(connection, 'billing')
      const exchange = await rabbit.exchange(connection, 'fanout')
      await declareWorkQueue(connection, { queue, exchange })
      const publisher = rabbit.closeLater(await AmqpPublisher.open(connection, { exchange, domain: 'shop' }))

      const crashing = await rabbit.connect()
      const stuck = rabbit.gate()
      const started = new Collector<string>()
      const finished: string[] = []
      const doomed = rabbit.closeLater(
        await AmqpWorker.start(crashing, { queue, prefetch: 1 }, async (event) => {
          started.push(orderId(event))
          await stuck.promise
          finished.push(orderId(event))
        }),
      )
      await publisher.publish(shopEvents().orderPlaced('o-1'))
      await started.waitForCount(1, 'the event at the doomed worker', BROKER_WAIT_MS)
      await crashing.close()

      const again = new Collector<[string, DeliveryInfo]>()
      rabbit.closeLater(
        await AmqpWorker.start(connection, { queue, prefetch: 1 }, (event, delivery) =>
          again.push([orderId(event), delivery]),
        ),
      )
      expect(await again.waitForCount(1, 'the redelivered event', BROKER_WAIT_MS)).toEqual([
        ['o-1', { routingKey: expect.any(String), redelivered: true, attempt: 1 }],
      ])

      // The old handler finishes; its ack goes nowhere, and closing its worker still resolves.
      stuck.resolve()
      await expect(doomed.close()).resolves.toBeUndefined()
      expect(finished).toEqual(['o-1'])
    },
    BROKER_TEST_MS,
  )
})
