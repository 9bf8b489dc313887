import type { EventEnvelope } from '@eda/events'
import { waitFor } from '@eda/testkit'
import { describeWithService } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import { type EventConsumer, GroupNotEmptyError, resetOffsets } from '#impl'
import { byCart, cartEvents, cartLines } from './support/cart-events.ts'
import { HandledEvents } from './support/handled-events.ts'
import { useKafka } from './support/kafka-fixture.ts'
import { keysOnEachPartition } from './support/partitions.ts'

describeWithService('kafka', 'step 7: replay', () => {
  const k = useKafka()

  /** A topic with 3 partitions holding 5 items for each of 6 carts, one second apart in event time. */
  async function history(): Promise<{ topic: string; events: EventEnvelope[] }> {
    const topic = await k.topic(3)
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(keysOnEachPartition(3, 2), 5)
    await producer.publishBatch(events)
    return { topic, events }
  }

  /** Runs a consumer of the group until it has handled `expected`, and returns the read model built. */
  async function build(
    groupId: string,
    topic: string,
    expected: readonly EventEnvelope[],
  ): Promise<{ model: Record<string, string[]>; consumer: EventConsumer }> {
    const handled = new HandledEvents()
    const consumer = k.consumer({ groupId, topic, fromBeginning: true, handler: handled.handler })
    await consumer.start()
    await handled.waitForAll(
      expected.map((e) => e.eventId),
      `group ${groupId}`,
      10_000,
    )
    return { model: cartLines(handled.items.map((h) => h.event)), consumer }
  }

  it('refuses to reset a group that has running members', async () => {
    const topic = await k.topic(1)
    const groupId = k.group()
    await k.consumer({ groupId, topic, fromBeginning: true, handler: () => undefined }).start()

    const refused = resetOffsets(k.admin, { groupId, topic, to: 'earliest' })

    await expect(refused).rejects.toBeInstanceOf(GroupNotEmptyError)
    await expect(refused).rejects.toMatchObject({ groupId, state: 'Stable' })
  })

  it('a new group reading from the beginning replays the full history into the same read model', async () => {
    const { topic, events } = await history()
    const first = await build(k.group(), topic, events)

    const second = await build(k.group(), topic, events)

    expect(second.model).toEqual(first.model)
    expect(first.model).toEqual(cartLines(events))
  })

  it('resetting a stopped group to the earliest offset rebuilds a read model identical to the first build', async () => {
    const { topic, events } = await history()
    const groupId = k.group()
    const first = await build(groupId, topic, events)
    await first.consumer.stop()

    await resetOffsets(k.admin, { groupId, topic, to: 'earliest' })
    const rebuilt = await build(groupId, topic, events)

    expect(rebuilt.model).toEqual(first.model)
  })

  it('resetting a stopped group to a timestamp replays from the first event at or after that time', async () => {
    const { topic, events } = await history()
    const groupId = k.group()
    const first = await build(groupId, topic, events)
    await first.consumer.stop()
    const since = Date.parse(events[12]!.timestamp)
    const recent = events.filter((e) => Date.parse(e.timestamp) >= since)

    await resetOffsets(k.admin, { groupId, topic, to: { timestamp: since } })
    const rebuilt = await build(groupId, topic, recent)

    expect(rebuilt.model).toEqual(cartLines(recent))
  })

  it('resetting a stopped group to the latest offset skips everything written so far', async () => {
    const { topic, events } = await history()
    const groupId = k.group()
    const producer = await k.producer(topic)
    await resetOffsets(k.admin, { groupId, topic, to: 'latest' })
    const handled = new HandledEvents()
    await k.consumer({ groupId, topic, fromBeginning: true, handler: handled.handler }).start()
    const next = cartEvents().itemAdded(byCart(events[0]!))

    await producer.publish(next)

    await waitFor(() => handled.items.length > 0, {
      what: 'the event written after the reset',
      timeoutMs: 10_000,
    })
    expect(handled.eventIds).toEqual([next.eventId])
  })
})
