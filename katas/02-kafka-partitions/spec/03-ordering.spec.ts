import type { EventEnvelope } from '@eda/events'
import { describeWithService } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import { byCart, cartEvents, cartIds, cartLines, itemOf } from './support/cart-events.ts'
import { HandledEvents } from './support/handled-events.ts'
import { useKafka } from './support/kafka-fixture.ts'
import { expectedPartition } from './support/partitions.ts'
import { byPartition } from './support/read-records.ts'

/** A handler's simulated work: a few turns of the event loop, more for some events than others. */
async function work(turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

describeWithService('kafka', 'step 3: ordering', () => {
  const k = useKafka()

  it('hands one cart’s events over in production order, while three producers write other carts at once', async () => {
    const topic = await k.topic(3)
    const events = cartEvents()
    const writers = [cartIds(4, 'north'), cartIds(4, 'south'), cartIds(4, 'west')].map((carts) =>
      events.interleaved(carts, 8),
    )
    const all = writers.flat()
    const handled = new HandledEvents()
    const consumer = k.consumer({
      groupId: k.group(),
      topic,
      fromBeginning: true,
      handler: async (event, position) => {
        // Uneven work: an event handled concurrently with the next one would finish after it.
        await work(itemOf(event).quantity % 3 === 1 ? 6 : 0)
        handled.handler(event, position)
      },
    })
    await consumer.start()

    await Promise.all(
      writers.map(async (batch) => {
        const producer = await k.producer(topic)
        for (const event of batch) await producer.publish(event)
      }),
    )
    await handled.waitForAll(
      all.map((e) => e.eventId),
      'events of 12 carts',
    )

    expect(cartLines(handled.items.map((h) => h.event))).toEqual(cartLines(all))
  })

  it('handles a partition’s events one at a time: the next waits until the handler has finished', async () => {
    const topic = await k.topic(1)
    const producer = await k.producer(topic)
    let running = 0
    let mostAtOnce = 0
    const handled = new HandledEvents()
    const consumer = k.consumer({
      groupId: k.group(),
      topic,
      fromBeginning: true,
      handler: async (event, position) => {
        running++
        mostAtOnce = Math.max(mostAtOnce, running)
        await work(3)
        running--
        handled.handler(event, position)
      },
    })
    const events = cartEvents().interleaved(['cart-1'], 10)
    await producer.publishBatch(events)
    await consumer.start()

    await handled.waitForAll(
      events.map((e) => e.eventId),
      'one cart’s events',
    )
    expect(mostAtOnce).toBe(1)
    expect(handled.items.map((h) => itemOf(h.event).sku)).toEqual(events.map((e) => itemOf(e).sku))
  })

  it('gives each event its position: topic, partition, offset, key and timestamp', async () => {
    const topic = await k.topic(3)
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(cartIds(3), 2)
    const published = []
    for (const event of events) published.push(await producer.publish(event))
    const handled = new HandledEvents()
    const consumer = k.consumer({ groupId: k.group(), topic, fromBeginning: true, handler: handled.handler })

    await consumer.start()
    await handled.waitForAll(
      events.map((e) => e.eventId),
      'six events',
    )

    for (const [i, event] of events.entries()) {
      const got = handled.items.find((h) => h.event.eventId === event.eventId)
      expect(got?.event).toEqual(event)
      expect(got?.position).toEqual({
        topic,
        partition: published[i]?.partition,
        offset: published[i]?.offset,
        key: byCart(event),
        timestamp: String(Date.parse(event.timestamp)),
      })
    }
  })

  it('promises no order across partitions: what it hands over is one legal interleaving of them', async () => {
    const topic = await k.topic(3)
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(cartIds(9), 3)
    await producer.publishBatch(events)
    const handled = new HandledEvents()
    const consumer = k.consumer({ groupId: k.group(), topic, fromBeginning: true, handler: handled.handler })

    await consumer.start()
    await handled.waitForAll(
      events.map((e) => e.eventId),
      '27 events',
    )

    // Legal: each partition's events in the order they were written there. Nothing is said about
    // how partitions interleave: cart-2's first item may come before cart-1's, or after its last.
    const handledEvents: EventEnvelope[] = handled.items.map((h) => h.event)
    const positions = handled.items.map((h) => h.position)
    for (const [partition, onPartition] of byPartition(positions)) {
      const written = events.filter((e) => expectedPartition(byCart(e), 3) === partition)
      const read = handledEvents.filter((_, i) => positions[i]?.partition === partition)
      expect(
        read.map((e) => e.eventId),
        `partition ${partition}`,
      ).toEqual(written.map((e) => e.eventId))
      expect(onPartition.map((p) => Number(p.offset))).toEqual(written.map((_, i) => i))
    }
    expect(handledEvents).toHaveLength(events.length)
  })
})
