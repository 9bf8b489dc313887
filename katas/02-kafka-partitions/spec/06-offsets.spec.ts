import type { EventEnvelope } from '@eda/events'
import { deferred, eventually } from '@eda/testkit'
import { describeWithService } from '@eda/testkit/services'
import { describe, expect, it } from 'vitest'
import { type EventHandler, idempotent, nextOffset, type ProcessedEvents, type RecordPosition } from '#impl'
import { cartEvents, cartLines } from './support/cart-events.ts'
import { HandledEvents } from './support/handled-events.ts'
import { useKafka } from './support/kafka-fixture.ts'
import { settled } from './support/settled.ts'

const position = (offset: string): RecordPosition => ({
  topic: 't',
  partition: 0,
  offset,
  key: 'cart-1',
  timestamp: '0',
})

/** The ids of processed events, the way a read model's table of them would keep them. */
function processedIds(): ProcessedEvents {
  const ids = new Set<string>()
  return {
    has: (eventId) => ids.has(eventId),
    add: (eventId) => {
      ids.add(eventId)
    },
  }
}

describe('step 6: offsets and at-least-once (in process)', () => {
  it('commits the position of the NEXT record: the offset after the one processed, exactly, as int64', () => {
    expect(nextOffset('0')).toBe('1')
    expect(nextOffset('41')).toBe('42')
    // Beyond 2^53 a Number would round: offsets are 64-bit.
    expect(nextOffset('9007199254740993')).toBe('9007199254740994')
  })

  it('an idempotent handler applies a redelivered event once', async () => {
    const applied: string[] = []
    const handler = idempotent((event) => {
      applied.push(event.eventId)
    }, processedIds())
    const [first, second] = cartEvents().interleaved(['cart-1'], 2)

    await handler(first!, position('0'))
    await handler(second!, position('1'))
    await handler(first!, position('0'))

    expect(applied).toEqual([first?.eventId, second?.eventId])
  })

  it('an idempotent handler does not mark an event whose effect failed: it applies when redelivered', async () => {
    const applied: string[] = []
    let failures = 1
    const handler = idempotent((event) => {
      if (failures-- > 0) throw new Error('database unavailable')
      applied.push(event.eventId)
    }, processedIds())
    const [event] = cartEvents().interleaved(['cart-1'], 1)

    await expect(handler(event!, position('0'))).rejects.toThrow('database unavailable')
    await handler(event!, position('0'))

    expect(applied).toEqual([event?.eventId])
  })
})

describeWithService('kafka', 'step 6: offsets and at-least-once (on the broker)', () => {
  const k = useKafka()

  const committedOffset = async (groupId: string, topic: string): Promise<number> => {
    const [offsets] = await k.admin.fetchOffsets({ groupId, topics: [topic] })
    return Number(offsets?.partitions.find((p) => p.partition === 0)?.offset ?? -1)
  }

  it('commits only what was processed: never past an event in progress; the log’s end once all are done', async () => {
    const topic = await k.topic(1)
    const groupId = k.group()
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(['cart-1'], 6)
    await producer.publishBatch(events)
    const inProgress = deferred<string>()
    const release = deferred()
    const consumer = k.consumer({
      groupId,
      topic,
      fromBeginning: true,
      handler: async (_event, position) => {
        if (position.offset === '3') {
          inProgress.resolve(position.offset)
          await release.promise
        }
      },
    })
    await consumer.start()

    try {
      await settled(inProgress.promise, 'the handler to start on offset 3')
      expect(
        await committedOffset(groupId, topic),
        'committed while offset 3 is in progress',
      ).toBeLessThanOrEqual(3)
    } finally {
      release.resolve()
    }
    await eventually(async () => expect(await committedOffset(groupId, topic)).toBe(6), {
      what: 'the committed offset to reach the end of the log (6, the offset after the last event)',
      timeoutMs: 10_000,
      intervalMs: 50,
    })
  })

  it('after a clean stop and restart, reads on from the next event: the last one is not read again', async () => {
    const topic = await k.topic(1)
    const groupId = k.group()
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(['cart-1'], 4)
    const first = new HandledEvents()
    await producer.publishBatch(events.slice(0, 3))
    const firstRun = k.consumer({ groupId, topic, fromBeginning: true, handler: first.handler })
    await firstRun.start()
    await first.waitForAll(
      events.slice(0, 3).map((e) => e.eventId),
      'the first run',
    )
    await firstRun.stop()

    const second = new HandledEvents()
    await producer.publish(events[3]!)
    await k.consumer({ groupId, topic, fromBeginning: true, handler: second.handler }).start()

    await second.waitForAll([events[3]!.eventId], 'the second run')
    expect(second.items.map((h) => h.position.offset)).toEqual(['3'])
  })

  it('redelivers an event whose processing crashed before the commit: at-least-once', async () => {
    const topic = await k.topic(1)
    const groupId = k.group()
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(['cart-1'], 5)
    await producer.publishBatch(events)
    const offsets: string[] = []
    const crashing = k.consumer({
      groupId,
      topic,
      fromBeginning: true,
      handler: (_event, position) => {
        offsets.push(position.offset)
        if (position.offset === '2') throw new Error('simulated crash after the effect, before the commit')
      },
    })
    await crashing.start()
    expect((await settled(crashing.stopped(), 'the consumer to stop on the crash'))?.message).toMatch(
      /simulated crash/,
    )

    const rest = new HandledEvents()
    await k.consumer({ groupId, topic, fromBeginning: true, handler: rest.handler }).start()
    await rest.waitForAll(
      events.slice(2).map((e) => e.eventId),
      'the restarted consumer',
    )

    expect(offsets).toEqual(['0', '1', '2'])
    expect(rest.items[0]?.position.offset, 'the crashed event comes back first').toBe('2')
  })

  it('with an idempotent handler, the redelivered event has no second effect: effects happen once', async () => {
    const topic = await k.topic(1)
    const groupId = k.group()
    const producer = await k.producer(topic)
    const events = cartEvents().interleaved(['cart-1'], 5)
    await producer.publishBatch(events)
    const readModel: EventEnvelope[] = []
    const apply = idempotent((event) => {
      readModel.push(event)
    }, processedIds())
    let crashed = false
    // The effect (and its processed id) is done; the process dies before the offset is committed.
    const crashAfterEffect: EventHandler = async (event, position) => {
      await apply(event, position)
      if (position.offset === '2' && !crashed) {
        crashed = true
        throw new Error('simulated crash between the effect and the commit')
      }
    }
    const crashing = k.consumer({ groupId, topic, fromBeginning: true, handler: crashAfterEffect })
    await crashing.start()
    await settled(crashing.stopped(), 'the consumer to stop on the crash')
    const rest = new HandledEvents()
    await k
      .consumer({
        groupId,
        topic,
        fromBeginning: true,
        handler: async (event, position) => {
          await apply(event, position)
          rest.handler(event, position)
        },
      })
      .start()

    await rest.waitForAll(
      events.slice(2).map((e) => e.eventId),
      'the restarted consumer',
    )
    expect(rest.items[0]?.position.offset, 'event 2 was redelivered').toBe('2')
    expect(cartLines(readModel)).toEqual(cartLines(events))
  })
})
