import { describeWithService } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import { byCart, cartEvents, cartIds } from './support/cart-events.ts'
import { useKafka } from './support/kafka-fixture.ts'
import { expectedPartition } from './support/partitions.ts'
import { byPartition } from './support/read-records.ts'

describeWithService('kafka', 'step 2: keyed production', () => {
  const k = useKafka()

  it('keys each event by its cart and stores it on the partition the default partitioner predicts', async () => {
    const topic = await k.topic(6)
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(cartIds(8), 2)

    const published = []
    for (const event of events) published.push(await producer.publish(event))

    expect(published.map((p) => p.partition)).toEqual(events.map((e) => expectedPartition(byCart(e), 6)))
    const records = await k.read(topic, events.length)
    for (const record of records) {
      expect(record.key).toBe(byCart(record.event))
      expect(record.partition).toBe(expectedPartition(byCart(record.event), 6))
    }
    expect(records.map((r) => r.event.eventId).sort()).toEqual(events.map((e) => e.eventId).sort())
  })

  it('disconnects its producer: a publish afterwards is refused, not sent', async () => {
    const topic = await k.topic(1)
    const producer = await k.producer(topic)
    await producer.publish(cartEvents().itemAdded('cart-1'))

    await producer.disconnect()

    await expect(producer.publish(cartEvents().itemAdded('cart-2'))).rejects.toThrow(/disconnected/i)
  })

  it('sends the whole envelope, and stamps the record with the event’s own time', async () => {
    const topic = await k.topic(1)
    const producer = await k.producer(topic)
    const event = cartEvents(3_600_000).itemAdded('cart-1')

    await producer.publish(event)

    const [record] = await k.read(topic, 1)
    expect(record?.event).toEqual(event)
    expect(record?.timestamp).toBe(String(Date.parse(event.timestamp)))
  })

  it('reports where the broker stored each event: offsets count from 0 in every partition', async () => {
    const topic = await k.topic(3)
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(cartIds(6), 3)

    const published = []
    for (const event of events) published.push(await producer.publish(event))

    for (const [partition, stored] of byPartition(published)) {
      expect(
        stored.map((p) => p.offset),
        `offsets on partition ${partition}`,
      ).toEqual(stored.map((_, i) => String(i)))
    }
    const records = await k.read(topic, events.length)
    for (const [i, event] of events.entries()) {
      const record = records.find((r) => r.event.eventId === event.eventId)
      expect(record && { partition: record.partition, offset: record.offset }).toEqual(published[i])
    }
  })

  it('publishes batches, plain and gzip-compressed: same partitions, each cart’s events in order', async () => {
    const topic = await k.topic(4)
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(cartIds(10), 6)

    await producer.publishBatch(events.slice(0, 30))
    await producer.publishBatch(events.slice(30), { compression: 'gzip' })

    const records = await k.read(topic, events.length)
    for (const record of records) expect(record.partition).toBe(expectedPartition(byCart(record.event), 4))
    for (const [partition, stored] of byPartition(records)) {
      const onPartition = events.filter((e) => expectedPartition(byCart(e), 4) === partition)
      expect(
        stored.map((r) => r.event.eventId),
        `partition ${partition} in publish order`,
      ).toEqual(onPartition.map((e) => e.eventId))
    }
  })

  it('spreads keyless events over the partitions in turn', async () => {
    const topic = await k.topic(3)
    const producer = await k.producer(topic, { keyOf: () => null })
    const events = cartEvents().interleaved(['cart-1'], 9)

    const published = []
    for (const event of events) published.push(await producer.publish(event))

    // In turn, not strictly 3 each: a retried send asks the partitioner again and takes the next turn.
    expect(new Set(published.map((p) => p.partition))).toEqual(new Set([0, 1, 2]))
    const records = await k.read(topic, events.length)
    expect(records.map((r) => r.key)).toEqual(events.map(() => null))
  })
})
