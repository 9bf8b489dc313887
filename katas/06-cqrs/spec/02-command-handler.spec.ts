import { createMessageFactory } from '@eda/events'
import { FakeClock, sequentialIds } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import {
  CommandHandler,
  ConcurrencyError,
  type EventStore,
  InMemoryEventStore,
  OrderDomainError,
  type OrderState,
  orderDecider,
} from '#impl'
import { type OrderCommand, shopCommands } from './support/shop.ts'
import { SpyStore } from './support/spy-store.ts'

function handlerOn(store: EventStore, options: { maxRetries?: number; clock?: FakeClock } = {}) {
  return new CommandHandler<OrderState, OrderCommand>({
    store,
    decider: orderDecider,
    clock: (options.clock ?? new FakeClock()).now,
    newId: sequentialIds('evt'),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
  })
}

/** A store on which a competitor appends `competitor` events right after the handler's reads. */
function racingStore(inner: InMemoryEventStore, races: number) {
  const rival = createMessageFactory({ newId: sequentialIds('rival') })
  return new SpyStore(inner, async (streamId, read) => {
    if (read > races) return
    const { version } = await inner.readStream(streamId)
    await inner.appendToStream(streamId, [rival.event('OrderConfirmed', { orderId: 'o-1' })], {
      expectedVersion: version,
    })
  })
}

describe('step 2: the command handler (load, decide, append with the version read)', () => {
  it('writes the decided events to a new stream, linked to the command', async () => {
    const store = new InMemoryEventStore()
    const place = shopCommands().place('o-1')
    const outcome = await handlerOn(store).handle('order-o-1', place)
    expect(outcome.createdNewStream).toBe(true)
    expect(outcome.nextExpectedVersion).toBe(1)
    expect(outcome.lastPosition).toBe(1)
    expect(outcome.newState).toMatchObject({ status: 'placed', totalAmount: 21 })
    const [event] = outcome.events
    expect(event).toMatchObject({
      eventType: 'OrderPlaced',
      version: 2,
      correlationId: place.correlationId,
      causationId: place.commandId,
    })
    const { version, events } = await store.readStream('order-o-1')
    expect(version).toBe(1)
    expect(events.map((e) => e.event)).toEqual(outcome.events)
  })

  it('loads the state by folding the stream, then appends after the version it read', async () => {
    const store = new InMemoryEventStore()
    const c = shopCommands()
    const handler = handlerOn(store)
    await handler.handle('order-o-1', c.place('o-1'))
    const paid = await handler.handle('order-o-1', c.pay('o-1', 21))
    expect(paid).toMatchObject({ createdNewStream: false, nextExpectedVersion: 2, lastPosition: 2 })
    expect(paid.newState.status).toBe('paid')
    const shipped = await handler.handle('order-o-1', c.ship('o-1'))
    expect(shipped.events.map((e) => e.eventType)).toEqual(['OrderShipped'])
    expect((await store.readStream('order-o-1')).version).toBe(3)
  })

  it('writes nothing when a business rule is broken', async () => {
    const inner = new InMemoryEventStore()
    const c = shopCommands()
    await handlerOn(inner).handle('order-o-1', c.place('o-1'))
    const store = new SpyStore(inner)
    await expect(handlerOn(store).handle('order-o-1', c.ship('o-1'))).rejects.toBeInstanceOf(OrderDomainError)
    expect(store.appends).toBe(0)
    expect((await inner.readStream('order-o-1')).version).toBe(1)
  })

  it('creates no stream when the decision has no events', async () => {
    const store = new SpyStore(new InMemoryEventStore())
    const outcome = await handlerOn(store).handle('order-o-404', shopCommands().cancel('o-404'))
    expect(outcome).toMatchObject({
      events: [],
      createdNewStream: false,
      nextExpectedVersion: 0,
      lastPosition: null,
    })
    expect(store.appends).toBe(0)
    expect((await store.readStream('order-o-404')).version).toBe(0)
    expect(await store.readAll({ after: 0, limit: 10 })).toEqual([])
  })

  it('is deterministic with an injected clock and ids: the same command gives the same events', async () => {
    const place = shopCommands().place('o-1')
    const clock = new FakeClock('2024-03-01T08:00:00.000Z')
    const first = await handlerOn(new InMemoryEventStore(), { clock }).handle('order-o-1', place)
    const second = await handlerOn(new InMemoryEventStore(), { clock }).handle('order-o-1', place)
    expect(second.events).toEqual(first.events)
    expect(first.events[0]).toMatchObject({ eventId: 'evt-1', timestamp: '2024-03-01T08:00:00.000Z' })
  })

  it('with an implicit version, the loser of a race re-reads, re-decides and succeeds', async () => {
    const inner = new InMemoryEventStore()
    const c = shopCommands()
    await handlerOn(inner).handle('order-o-1', c.place('o-1'))
    const store = racingStore(inner, 1)
    const outcome = await handlerOn(store).handle('order-o-1', c.pay('o-1', 21))
    expect(store.reads).toBe(2)
    expect(outcome.nextExpectedVersion).toBe(3)
    const { events } = await inner.readStream('order-o-1')
    expect(events.map((e) => e.event.eventType)).toEqual([
      'OrderPlaced',
      'OrderConfirmed',
      'PaymentProcessed',
    ])
  })

  it('re-decides against the new state: a rule the winner broke is reported, not overwritten', async () => {
    const inner = new InMemoryEventStore()
    const c = shopCommands()
    const handler = handlerOn(inner)
    await handler.handle('order-o-1', c.place('o-1'))
    await handler.handle('order-o-1', c.pay('o-1', 21))
    // Between our read and our append, someone ships the order: our cancellation must then fail.
    let raced = false
    const store = new SpyStore(inner, async () => {
      if (raced) return
      raced = true
      await handler.handle('order-o-1', c.ship('o-1'))
    })
    const error = await handlerOn(store)
      .handle('order-o-1', c.cancel('o-1'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OrderDomainError)
    expect(error).toMatchObject({ code: 'order-shipped' })
    expect((await inner.readStream('order-o-1')).events.map((e) => e.event.eventType)).toEqual([
      'OrderPlaced',
      'PaymentProcessed',
      'OrderShipped',
    ])
  })

  it('bounds the retries: after maxRetries lost races the last ConcurrencyError surfaces', async () => {
    const inner = new InMemoryEventStore()
    const c = shopCommands()
    await handlerOn(inner).handle('order-o-1', c.place('o-1'))
    const store = racingStore(inner, Number.POSITIVE_INFINITY)
    const error = await handlerOn(store, { maxRetries: 2 })
      .handle('order-o-1', c.pay('o-1', 21))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConcurrencyError)
    expect(store.reads).toBe(3)
  })

  it('never retries an explicit client version (ETag): a stale one is refused and nothing is written', async () => {
    const inner = new InMemoryEventStore()
    const c = shopCommands()
    const handler = handlerOn(inner)
    await handler.handle('order-o-1', c.place('o-1'))
    await handler.handle('order-o-1', c.pay('o-1', 21))
    const store = new SpyStore(inner)
    // The client saw version 1 (placed, not yet paid) and asks to cancel.
    const error = await handlerOn(store)
      .handle('order-o-1', c.cancel('o-1'), { expectedVersion: 1 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConcurrencyError)
    expect(error).toMatchObject({ streamId: 'order-o-1', expected: 1, actual: 2 })
    expect(store.reads).toBe(1)
    expect(store.appends).toBe(0)
    expect((await inner.readStream('order-o-1')).version).toBe(2)
  })

  it('does not retry an explicit version that loses a race either', async () => {
    const inner = new InMemoryEventStore()
    const c = shopCommands()
    await handlerOn(inner).handle('order-o-1', c.place('o-1'))
    const store = racingStore(inner, 1)
    await expect(
      handlerOn(store).handle('order-o-1', c.pay('o-1', 21), { expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(ConcurrencyError)
    expect(store.reads).toBe(1)
    expect((await inner.readStream('order-o-1')).version).toBe(2)
  })

  it('accepts an explicit version that matches', async () => {
    const store = new InMemoryEventStore()
    const c = shopCommands()
    const handler = handlerOn(store)
    await handler.handle('order-o-1', c.place('o-1'))
    const outcome = await handler.handle('order-o-1', c.pay('o-1', 21), { expectedVersion: 1 })
    expect(outcome.nextExpectedVersion).toBe(2)
  })
})
