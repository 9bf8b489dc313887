import { Collector, deferred, flushPending } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import { BusClosedError, type DeliveredEvent, EventBus } from '#impl'
import { orderIds, shopEvents } from './support/shop-events.ts'

describe('step 7: closing the bus', () => {
  it('rejects publishing after close with BusClosedError', async () => {
    const bus = new EventBus()
    await bus.close()
    const error = await bus
      .publish('shop.order.placed', shopEvents().orderPlaced('o-1'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BusClosedError)
    expect(error).toMatchObject({ operation: 'publish' })
    expect((error as Error).message).toMatch(/closed/)
  })

  it('refuses new subscribers after close', async () => {
    const bus = new EventBus()
    await bus.close()
    expect(() => bus.subscribe({ topic: '#' }, () => {})).toThrow(BusClosedError)
  })

  it('delivers every event accepted before close, and resolves only when handlers are done', async () => {
    const bus = new EventBus()
    const events = shopEvents()
    const gate = deferred()
    const handled: string[] = []
    bus.subscribe({ topic: '#' }, async (event) => {
      await gate.promise
      handled.push((event.data as { orderId: string }).orderId)
    })
    for (const id of ['o-1', 'o-2']) await bus.publish('shop.order.placed', events.orderPlaced(id))
    let closed = false
    const closing = bus.close().then(() => {
      closed = true
    })
    await expect(bus.publish('shop.order.placed', events.orderPlaced('o-3'))).rejects.toBeInstanceOf(
      BusClosedError,
    )
    // Every pending callback has run: close must still be waiting for the blocked handler.
    await flushPending()
    expect(closed).toBe(false)
    gate.resolve()
    await closing
    expect(handled).toEqual(['o-1', 'o-2'])
  })

  it('completes errors$ and dropped$ once closed', async () => {
    const bus = new EventBus()
    let errorsDone = false
    let droppedDone = false
    bus.errors$.subscribe({ complete: () => (errorsDone = true) })
    bus.dropped$.subscribe({ complete: () => (droppedDone = true) })
    await bus.close()
    expect([errorsDone, droppedDone]).toEqual([true, true])
  })

  it('is idempotent: closing twice resolves both times', async () => {
    const bus = new EventBus()
    const got = new Collector<DeliveredEvent>()
    bus.subscribe({ topic: '#' }, got.push)
    await bus.publish('shop.order.placed', shopEvents().orderPlaced('o-1'))
    await Promise.all([bus.close(), bus.close()])
    await expect(bus.close()).resolves.toBeUndefined()
    expect(orderIds(got.items)).toEqual(['o-1'])
  })
})
