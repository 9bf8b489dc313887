import type { EventEnvelope } from '@eda/events'
import { waitFor } from '@eda/testkit'
import { describeWithService } from '@eda/testkit/services'
import { ConfigResourceTypes } from 'kafkajs'
import { expect, it } from 'vitest'
import { consumerLag } from '#impl'
import { cartEvents } from './support/cart-events.ts'
import { HandledEvents } from './support/handled-events.ts'
import { useKafka } from './support/kafka-fixture.ts'

describeWithService('kafka', 'step 9: retention', () => {
  const k = useKafka()

  /**
   * A group that read offsets 0–4 and then stopped, while 5–9 were written; then retention (cut
   * to one minute) deleted the whole segment, whose events are an hour old: the log starts at 10.
   */
  async function groupLeftBehind() {
    const topic = await k.topic(1)
    const groupId = k.group()
    const producer = await k.producer(topic)
    const hourOld = cartEvents(3_600_000).interleaved(['cart-1'], 10)
    await producer.publishBatch(hourOld.slice(0, 5))
    const handled = new HandledEvents()
    const consumer = k.consumer({ groupId, topic, fromBeginning: true, handler: handled.handler })
    await consumer.start()
    await handled.waitForAll(
      hourOld.slice(0, 5).map((e) => e.eventId),
      'the first five events',
    )
    await consumer.stop()
    await producer.publishBatch(hourOld.slice(5))

    await k.admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: topic,
          configEntries: [{ name: 'retention.ms', value: '60000' }],
        },
      ],
    })
    // The broker checks retention every second (log.retention.check.interval.ms=1000).
    await waitFor(async () => (await k.admin.fetchTopicOffsets(topic))[0]?.low === '10', {
      what: 'retention to delete the hour-old segment (log start offset 10)',
      timeoutMs: 20_000,
      intervalMs: 100,
    })
    return { topic, groupId, producer }
  }

  it('reports what retention took from a group that fell behind: committed 5, log start 10, 5 expired', async () => {
    const { topic, groupId } = await groupLeftBehind()

    expect(await consumerLag(k.admin, groupId, topic)).toEqual([
      { partition: 0, logStartOffset: 10, highWatermark: 10, committedOffset: 5, lag: 5, expired: 5 },
    ])
  })

  it('restarts a group whose offset fell below the log start at the earliest retained event, with fromBeginning', async () => {
    const { topic, groupId, producer } = await groupLeftBehind()
    const fresh = cartEvents().interleaved(['cart-2'], 3)
    await producer.publishBatch(fresh)
    const handled = new HandledEvents()

    await k.consumer({ groupId, topic, fromBeginning: true, handler: handled.handler }).start()

    await handled.waitForAll(
      fresh.map((e) => e.eventId),
      'the events still retained',
    )
    expect(handled.items.map((h) => h.position.offset)).toEqual(['10', '11', '12'])
  })

  it('restarts it at the end of the log without fromBeginning: retained but unread events are skipped', async () => {
    const { topic, groupId, producer } = await groupLeftBehind()
    const skipped = cartEvents().interleaved(['cart-2'], 3)
    await producer.publishBatch(skipped)
    const handled = new HandledEvents()
    await k.consumer({ groupId, topic, fromBeginning: false, handler: handled.handler }).start()

    // The reset to the end happens at the consumer's first fetch: write until one event arrives.
    const later = cartEvents()
    const written: EventEnvelope[] = []
    await waitFor(
      async () => {
        if (handled.items.length > 0) return true
        const event = later.itemAdded('cart-3')
        written.push(event)
        await producer.publish(event)
        return false
      },
      { what: 'an event written after the restart to arrive', timeoutMs: 15_000, intervalMs: 200 },
    )

    const ids = handled.eventIds
    expect(ids.filter((id) => skipped.some((e) => e.eventId === id))).toEqual([])
    expect(ids.every((id) => written.some((e) => e.eventId === id))).toBe(true)
  })
})
