import { deferred, eventually } from '@eda/testkit'
import { describeWithService } from '@eda/testkit/services'
import { expect, it } from 'vitest'
import type { RecordPosition } from '#impl'
import { cartEvents } from './support/cart-events.ts'
import { expectSplit } from './support/group-assignment.ts'
import { countById, HandledEvents } from './support/handled-events.ts'
import { CRASH_CONSUMER, useKafka } from './support/kafka-fixture.ts'
import { keysOnEachPartition } from './support/partitions.ts'
import { settled } from './support/settled.ts'

describeWithService('kafka', 'step 5: rebalancing', () => {
  const k = useKafka()

  it('hands a member’s partitions over at once when it leaves cleanly: nothing lost, nothing twice', async () => {
    const topic = await k.topic(4)
    const groupId = k.group()
    const a = new HandledEvents()
    const b = new HandledEvents()
    const consumerA = k.consumer({ groupId, topic, fromBeginning: true, handler: a.handler })
    const consumerB = k.consumer({ groupId, topic, fromBeginning: true, handler: b.handler })
    await consumerA.start()
    await consumerB.start()
    await eventually(() => expectSplit([consumerA, consumerB], 4), {
      what: 'two members sharing four partitions',
      timeoutMs: 15_000,
      intervalMs: 50,
    })
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(keysOnEachPartition(4, 3), 6)
    const before = events.slice(0, 36)
    const after = events.slice(36)
    await producer.publishBatch(before)
    await eventually(() => expect(new Set([...a.eventIds, ...b.eventIds]).size).toBe(before.length), {
      what: 'the group to handle the first 36 events',
      timeoutMs: 15_000,
    })

    await consumerB.stop()
    // Well inside the 30 s session timeout: a member that left does not have to be timed out.
    await eventually(() => expect(consumerA.assignment()).toEqual([0, 1, 2, 3]), {
      what: 'the remaining member to own all four partitions (a clean leave needs no session timeout)',
      timeoutMs: 20_000,
      intervalMs: 20,
    })
    await producer.publishBatch(after)

    await a.waitForAll(
      after.map((e) => e.eventId),
      'the remaining member',
    )
    const counts = countById([...a.eventIds, ...b.eventIds])
    expect(
      events.filter((e) => counts.get(e.eventId) !== 1).map((e) => e.eventId),
      'handled twice or never',
    ).toEqual([])
  }, 60_000)

  it('reassigns a crashed member’s partitions after its session timeout; its unfinished event is not lost', async () => {
    const topic = await k.topic(4)
    const groupId = k.group()
    const survivor = new HandledEvents()
    const crashed = new HandledEvents()
    const stuck = deferred<RecordPosition>()
    const release = deferred()
    const consumerA = k.consumer({
      groupId,
      topic,
      fromBeginning: true,
      handler: survivor.handler,
      consumer: CRASH_CONSUMER,
    })
    const consumerB = k.consumer({
      groupId,
      topic,
      fromBeginning: true,
      consumer: CRASH_CONSUMER,
      // B hangs in its first event, the way a frozen or killed process does: no heartbeat, no commit.
      handler: async (event, position) => {
        if (crashed.items.length === 0) {
          crashed.items.push({ event, position })
          stuck.resolve(position)
          await release.promise
          throw new Error('simulated crash: this member never finished its event')
        }
      },
    })
    await consumerA.start()
    await consumerB.start()
    await eventually(() => expectSplit([consumerA, consumerB], 4), {
      what: 'two members sharing four partitions',
      timeoutMs: 15_000,
      intervalMs: 50,
    })
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(keysOnEachPartition(4, 3), 3)
    await producer.publishBatch(events)

    try {
      const position = await settled(stuck.promise, 'the crashing member to start on an event')
      const [committed] = await k.admin.fetchOffsets({ groupId, topics: [topic] })
      const onStuckPartition = committed?.partitions.find((p) => p.partition === position.partition)
      expect(
        Number(onStuckPartition?.offset ?? -1),
        'the committed offset must not pass an event still being handled',
      ).toBeLessThanOrEqual(Number(position.offset))

      await eventually(() => expect(consumerA.assignment()).toEqual([0, 1, 2, 3]), {
        what: 'the survivor to own all four partitions once the session timeout evicts the other member',
        timeoutMs: 25_000,
        intervalMs: 50,
      })
      await survivor.waitForAll(
        events.map((e) => e.eventId),
        'the survivor, including the event the crashed member never finished',
      )
    } finally {
      release.resolve()
    }
    const failure = await settled(consumerB.stopped(), 'the crashed member to stop once its handler fails')
    expect(failure?.message).toMatch(/simulated crash/)
  }, 60_000)
})
