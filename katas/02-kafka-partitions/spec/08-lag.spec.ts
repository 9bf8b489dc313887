import { eventually } from '@eda/testkit'
import { describeWithService } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import { consumerLag } from '#impl'
import { cartEvents } from './support/cart-events.ts'
import { HandledEvents } from './support/handled-events.ts'
import { useKafka } from './support/kafka-fixture.ts'
import { keysOnEachPartition } from './support/partitions.ts'

describeWithService('kafka', 'step 8: consumer lag', () => {
  const k = useKafka()

  /** What the broker itself says: high watermarks (ListOffsets) and the group's commits (OffsetFetch). */
  async function brokerView(groupId: string, topic: string) {
    const ends = await k.admin.fetchTopicOffsets(topic)
    const [commits] = await k.admin.fetchOffsets({ groupId, topics: [topic] })
    return ends
      .map(({ partition, high, low }) => ({
        partition,
        high: Number(high),
        low: Number(low),
        committed: Number(commits?.partitions.find((p) => p.partition === partition)?.offset ?? -1),
      }))
      .sort((a, b) => a.partition - b.partition)
  }

  it('reports each partition’s lag: the high watermark minus the group’s committed offset', async () => {
    const topic = await k.topic(3)
    const groupId = k.group()
    const producer = await k.producer(topic)
    const [p0, p1, p2] = keysOnEachPartition(3)
    const events = cartEvents()
    const earlier = [...events.interleaved([p0!], 4), ...events.interleaved([p1!], 2)]
    await producer.publishBatch(earlier)
    const handled = new HandledEvents()
    const consumer = k.consumer({ groupId, topic, fromBeginning: true, handler: handled.handler })
    await consumer.start()
    await handled.waitForAll(
      earlier.map((e) => e.eventId),
      'the first six events',
    )
    await consumer.stop()
    await producer.publishBatch([...events.interleaved([p0!], 3), ...events.interleaved([p1!, p2!], 1)])

    const lag = await consumerLag(k.admin, groupId, topic)

    expect(lag).toEqual([
      { partition: 0, logStartOffset: 0, highWatermark: 7, committedOffset: 4, lag: 3, expired: 0 },
      { partition: 1, logStartOffset: 0, highWatermark: 3, committedOffset: 2, lag: 1, expired: 0 },
      // Never committed on: the group will read everything retained there.
      { partition: 2, logStartOffset: 0, highWatermark: 1, committedOffset: null, lag: 1, expired: 0 },
    ])
    for (const view of await brokerView(groupId, topic)) {
      const reported = lag.find((l) => l.partition === view.partition)
      expect(reported?.highWatermark).toBe(view.high)
      if (view.committed >= 0) expect(reported?.lag).toBe(view.high - view.committed)
    }
  })

  it('a partition with no events and no commit lags by nothing', async () => {
    const topic = await k.topic(2)
    const groupId = k.group()
    const producer = await k.producer(topic)
    const [p0] = keysOnEachPartition(2)
    const events = cartEvents().interleaved([p0!], 2)
    await producer.publishBatch(events)
    const handled = new HandledEvents()
    const consumer = k.consumer({ groupId, topic, fromBeginning: true, handler: handled.handler })
    await consumer.start()
    await handled.waitForAll(
      events.map((e) => e.eventId),
      'two events',
    )
    await consumer.stop()

    expect(await consumerLag(k.admin, groupId, topic)).toEqual([
      { partition: 0, logStartOffset: 0, highWatermark: 2, committedOffset: 2, lag: 0, expired: 0 },
      { partition: 1, logStartOffset: 0, highWatermark: 0, committedOffset: null, lag: 0, expired: 0 },
    ])
  })

  it('falls to zero while a running group catches up', async () => {
    const topic = await k.topic(3)
    const groupId = k.group()
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(keysOnEachPartition(3, 2), 4)
    await producer.publishBatch(events)
    expect((await consumerLag(k.admin, groupId, topic)).map((l) => l.lag)).toEqual([8, 8, 8])

    await k.consumer({ groupId, topic, fromBeginning: true, handler: () => undefined }).start()

    await eventually(
      async () => expect((await consumerLag(k.admin, groupId, topic)).map((l) => l.lag)).toEqual([0, 0, 0]),
      {
        what: 'the lag of every partition to reach 0',
        timeoutMs: 10_000,
        intervalMs: 100,
      },
    )
  })
})
