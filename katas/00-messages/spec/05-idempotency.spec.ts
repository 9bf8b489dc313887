import type { EventEnvelope } from '@eda/events'
import { deferred, flushPending } from '@eda/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type HandleOutcome, IdempotencyGuard } from '#impl'
import { shopMessages } from './support/messages.ts'
import { assertAsyncProperty } from './support/property.ts'

/** A handler that records the ids it ran for, and (optionally) does something first. */
function recordingHandler(work: (event: EventEnvelope) => void | Promise<void> = () => {}) {
  const ran: string[] = []
  const handler = async (event: EventEnvelope) => {
    ran.push(event.eventId)
    await work(event)
  }
  return { ran, handler }
}

/** Marks a promise as observed, so that an early rejection is reported by the test, not as unhandled. */
function observed<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {})
  return promise
}

/** Whether a promise has settled yet, without waiting for it. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false
  void promise.then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  await flushPending()
  return settled
}

describe('step 5: an idempotency guard processes a duplicate delivery once', () => {
  it('processes the first delivery of an event', async () => {
    const { ran, handler } = recordingHandler()
    const event = shopMessages().orderPlaced('o-1')
    await expect(new IdempotencyGuard(handler).handle(event)).resolves.toBe('processed')
    expect(ran).toEqual([event.eventId])
  })

  it('does not run the handler again for a redelivery after success', async () => {
    const { ran, handler } = recordingHandler()
    const guard = new IdempotencyGuard(handler)
    const event = shopMessages().orderPlaced('o-1')
    const outcomes = [await guard.handle(event), await guard.handle(event), await guard.handle({ ...event })]
    expect(outcomes).toEqual(['processed', 'duplicate', 'duplicate'])
    expect(ran).toEqual([event.eventId])
  })

  it('knows an event by its id: a redelivery with other metadata is still a duplicate', async () => {
    const { ran, handler } = recordingHandler()
    const guard = new IdempotencyGuard(handler)
    const event = shopMessages().orderPlaced('o-1')
    await guard.handle(event)
    await expect(guard.handle({ ...event, metadata: { deliveryCount: 2 } })).resolves.toBe('duplicate')
    expect(ran).toHaveLength(1)
  })

  it('processes two events with the same data but different ids: equal facts can happen twice', async () => {
    const { ran, handler } = recordingHandler()
    const guard = new IdempotencyGuard(handler)
    const messages = shopMessages()
    const first = messages.orderPlaced('o-1')
    const second = { ...messages.orderPlaced('o-1'), timestamp: first.timestamp }
    expect([await guard.handle(first), await guard.handle(second)]).toEqual(['processed', 'processed'])
    expect(ran).toEqual([first.eventId, second.eventId])
  })

  it('runs the handler once when a duplicate arrives while the first delivery is still being processed', async () => {
    const gate = deferred()
    const { ran, handler } = recordingHandler(() => gate.promise)
    const guard = new IdempotencyGuard(handler)
    const event = shopMessages().orderPlaced('o-1')
    const first = observed(guard.handle(event))
    const duplicate = observed(guard.handle(event))
    await flushPending()
    expect(ran).toEqual([event.eventId])
    gate.resolve()
    expect([await first, await duplicate]).toEqual(['processed', 'duplicate'])
    expect(ran).toEqual([event.eventId])
  })

  it('does not answer a concurrent duplicate before the first delivery has finished', async () => {
    // Acknowledging the duplicate early would tell the broker "done" for work that may still fail.
    const gate = deferred()
    const guard = new IdempotencyGuard(() => gate.promise)
    const event = shopMessages().orderPlaced('o-1')
    const first = observed(guard.handle(event))
    const duplicate = guard.handle(event)
    expect(await isSettled(duplicate)).toBe(false)
    gate.resolve()
    await expect(duplicate).resolves.toBe('duplicate')
    await first
  })

  it('does not remember a failed attempt as done: the redelivery runs the handler again', async () => {
    let attempts = 0
    const failure = new Error('database unavailable')
    const guard = new IdempotencyGuard(async () => {
      attempts += 1
      if (attempts === 1) throw failure
    })
    const event = shopMessages().orderPlaced('o-1')
    await expect(guard.handle(event)).rejects.toBe(failure)
    await expect(guard.handle(event)).resolves.toBe('processed')
    await expect(guard.handle(event)).resolves.toBe('duplicate')
    expect(attempts).toBe(2)
  })

  it('fails a concurrent duplicate with the first attempt’s error, then lets a later delivery retry', async () => {
    const gate = deferred()
    const failure = new Error('payment provider timed out')
    const { ran, handler } = recordingHandler(async () => {
      if (ran.length === 1) {
        await gate.promise
        throw failure
      }
    })
    const guard = new IdempotencyGuard(handler)
    const event = shopMessages().orderPlaced('o-1')
    const first = guard.handle(event)
    const duplicate = guard.handle(event)
    const outcomes = Promise.allSettled([first, duplicate])
    gate.resolve()
    expect((await outcomes).map((o) => (o.status === 'rejected' ? o.reason : o.value))).toEqual([
      failure,
      failure,
    ])
    await expect(guard.handle(event)).resolves.toBe('processed')
    expect(ran).toEqual([event.eventId, event.eventId])
  })

  it('reports a handler that throws synchronously as a rejection, not a throw', async () => {
    const failure = new Error('bug in the handler')
    const guard = new IdempotencyGuard(() => {
      throw failure
    })
    const event = shopMessages().orderPlaced('o-1')
    let outcome: Promise<HandleOutcome> | undefined
    expect(() => {
      outcome = guard.handle(event)
    }).not.toThrow()
    await expect(outcome).rejects.toBe(failure)
    await expect(guard.handle(event)).rejects.toBe(failure)
  })

  it('keeps one memory per guard: each consumer processes the event once', async () => {
    const billing = recordingHandler()
    const shipping = recordingHandler()
    const guards = [new IdempotencyGuard(billing.handler), new IdempotencyGuard(shipping.handler)]
    const event = shopMessages().orderPlaced('o-1')
    for (const guard of guards) {
      await guard.handle(event)
      await guard.handle(event)
    }
    expect([billing.ran, shipping.ran]).toEqual([[event.eventId], [event.eventId]])
  })

  it('processes each event once, however its deliveries interleave', async () => {
    const { orderPlaced } = shopMessages()
    const events = ['e-1', 'e-2', 'e-3'].map((eventId) => orderPlaced('o-1', { eventId }))
    await assertAsyncProperty(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.constantFrom(...events), { minLength: 1, maxLength: 8 }),
        async (s, deliveries) => {
          const { ran, handler } = recordingHandler((event) =>
            s.schedule(Promise.resolve(), `handle ${event.eventId}`),
          )
          const guard = new IdempotencyGuard(handler)
          const outcomes = Promise.allSettled(
            deliveries.map((event) => s.schedule(Promise.resolve(event)).then((e) => guard.handle(e))),
          )
          await s.waitAll()
          const settled = await outcomes
          const failed = settled.find((o) => o.status === 'rejected')
          if (failed) throw failed.reason
          // Per event id: exactly one delivery processed, every other one a duplicate.
          const byId = new Map<string, HandleOutcome[]>()
          settled.forEach((o, i) => {
            const id = deliveries[i]!.eventId
            if (o.status === 'fulfilled') byId.set(id, [...(byId.get(id) ?? []), o.value])
          })
          for (const [id, outcomes] of byId) {
            expect(
              outcomes.filter((o) => o === 'processed'),
              id,
            ).toHaveLength(1)
          }
          expect([...ran].sort()).toEqual([...byId.keys()].sort())
        },
      ),
    )
  })
})
