import { eventually } from '@eda/testkit'
import { describeWithService } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import { cartEvents, cartIds } from './support/cart-events.ts'
import { expectSplit } from './support/group-assignment.ts'
import { countById, HandledEvents } from './support/handled-events.ts'
import { useKafka } from './support/kafka-fixture.ts'
import { keysOnEachPartition } from './support/partitions.ts'

describeWithService('kafka', 'step 4: consumer groups', () => {
  const k = useKafka()

  it('splits the partitions among the members of one group: disjoint, together all of them', async () => {
    const topic = await k.topic(6)
    const groupId = k.group()
    const members = [new HandledEvents(), new HandledEvents(), new HandledEvents()]
    const consumers = members.map((handled) =>
      k.consumer({ groupId, topic, fromBeginning: true, handler: handled.handler }),
    )
    for (const consumer of consumers) await consumer.start()

    await eventually(() => expectSplit(consumers, 6), {
      what: 'three members sharing six partitions',
      timeoutMs: 15_000,
      intervalMs: 50,
    })
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(keysOnEachPartition(6, 4), 2)
    await producer.publishBatch(events)

    const ids = events.map((e) => e.eventId)
    await eventually(() => expect(new Set(members.flatMap((m) => m.eventIds))).toEqual(new Set(ids)), {
      what: 'the group to handle all 48 events',
      timeoutMs: 15_000,
      intervalMs: 50,
    })
    const counts = countById(members.flatMap((m) => m.eventIds))
    expect(
      ids.filter((id) => counts.get(id) !== 1),
      'events handled more than once',
    ).toEqual([])
    for (const [i, handled] of members.entries()) {
      const owned = consumers[i]?.assignment() ?? []
      expect(
        handled.items.every((h) => owned.includes(h.position.partition)),
        `member ${i} reads only its own`,
      ).toBe(true)
    }
  })

  it('gives every group every event: a second group reads the topic independently of the first', async () => {
    const topic = await k.topic(3)
    const billing = new HandledEvents()
    const shipping = new HandledEvents()
    await k.consumer({ groupId: k.group(), topic, fromBeginning: true, handler: billing.handler }).start()
    await k.consumer({ groupId: k.group(), topic, fromBeginning: true, handler: shipping.handler }).start()
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(cartIds(6), 3)

    await producer.publishBatch(events)

    const ids = events.map((e) => e.eventId)
    await billing.waitForAll(ids, 'the billing group')
    await shipping.waitForAll(ids, 'the shipping group')
    expect([...countById(billing.eventIds).values()].every((n) => n === 1)).toBe(true)
    expect([...countById(shipping.eventIds).values()].every((n) => n === 1)).toBe(true)
  })
})
