import type { JsonValue } from '@eda/events'
import { Collector } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import { cartAggregate, InMemorySnapshotStore, InvalidOptionError } from '#impl'
import { replay } from './support/cart-events.ts'
import { cartFixture } from './support/fixtures.ts'

describe('step 4: a snapshot that cannot be trusted is ignored, never fatal', () => {
  it('ignores a snapshot of another schema revision and replays the whole stream', async () => {
    // The code moved to revision 2 (say evolve now rounds differently): revision-1 states are stale.
    const cart = cartFixture({ snapshotEvery: 100, aggregate: { ...cartAggregate, snapshotRevision: 2 } })
    const written = await cart.seed(12)
    const stale = { ...replay(written.slice(0, 10)), total: 0 }
    await cart.snapshotAt(10, { revision: 1, state: stale })
    cart.counting.reset()
    expect(await cart.repository.load(cart.cartId)).toEqual({ state: replay(written), version: 12 })
    expect(cart.counting.readFrom).toEqual([1])
  })

  it('replaces a stale-revision snapshot with a fresh one once N events are due', async () => {
    const cart = cartFixture({ snapshotEvery: 5, aggregate: { ...cartAggregate, snapshotRevision: 2 } })
    await cart.seed(12)
    await cart.snapshotAt(10, { revision: 1 })
    expect(await cart.repository.execute(cart.cartId, cart.add(1))).toEqual({
      version: 13,
      snapshot: 'saved',
    })
    expect(await cart.snapshotStore.load('Cart', cart.cartId)).toMatchObject({ version: 13, revision: 2 })
  })

  it.each<[string, JsonValue]>([
    ['a string', 'garbage'],
    ['null', null],
    ['lines that are not a list', { cartId: 'c-1', lines: 'many', itemCount: 2, total: 3 }],
    ['a missing total', { cartId: 'c-1', lines: [], itemCount: 0 }],
  ])('ignores a snapshot whose state cannot be parsed (%s), reports it, and replays', async (_, state) => {
    const errors = new Collector<unknown>()
    const cart = cartFixture({ snapshotEvery: 100, onSnapshotError: errors.push })
    const written = await cart.seed(12)
    await cart.snapshotAt(10, { state })
    expect(await cart.repository.load(cart.cartId)).toEqual({ state: replay(written), version: 12 })
    expect(errors.items).toHaveLength(1)
  })

  it('ignores a snapshot ahead of its stream (a database restored from an older backup)', async () => {
    const cart = cartFixture({ snapshotEvery: 100 })
    const written = await cart.seed(12)
    await cart.snapshotStore.save({
      aggregateType: 'Cart',
      aggregateId: cart.cartId,
      version: 50,
      revision: cartAggregate.snapshotRevision,
      state: replay([...written, ...written]),
    })
    expect(await cart.repository.load(cart.cartId)).toEqual({ state: replay(written), version: 12 })
  })

  it('replays the stream when the snapshot store cannot be read, and reports why', async () => {
    const errors = new Collector<unknown>()
    const down = new Error('snapshot database unreachable')
    const cart = cartFixture({
      snapshotEvery: 100,
      onSnapshotError: errors.push,
      snapshotStore: { load: () => Promise.reject(down), save: () => Promise.resolve() },
    })
    const written = await cart.seed(4)
    expect(await cart.repository.load(cart.cartId)).toEqual({ state: replay(written), version: 4 })
    expect(errors.items).toEqual([down])
  })

  describe('time travel', () => {
    it('replays from the start to reach a version below the snapshot', async () => {
      const cart = cartFixture({ snapshotEvery: 100 })
      const written = await cart.seed(12)
      await cart.snapshotAt(10)
      cart.counting.reset()
      expect(await cart.repository.load(cart.cartId, { version: 4 })).toEqual({
        state: replay(written.slice(0, 4)),
        version: 4,
      })
      expect(cart.counting.readFrom).toEqual([1])
      expect(cart.counting.eventsRead).toBe(4)
    })

    it('starts from the snapshot for a version at or after it', async () => {
      const cart = cartFixture({ snapshotEvery: 100 })
      const written = await cart.seed(12)
      await cart.snapshotAt(10)
      cart.counting.reset()
      expect(await cart.repository.load(cart.cartId, { version: 11 })).toEqual({
        state: replay(written.slice(0, 11)),
        version: 11,
      })
      expect(cart.counting.eventsRead).toBe(1)
    })

    it('gives the initial state at version 0, and the whole stream past its end', async () => {
      const cart = cartFixture({ snapshotEvery: 100, snapshotStore: new InMemorySnapshotStore() })
      const written = await cart.seed(3)
      expect(await cart.repository.load(cart.cartId, { version: 0 })).toEqual({
        state: cartAggregate.initialState(),
        version: 0,
      })
      expect(await cart.repository.load(cart.cartId, { version: 99 })).toEqual({
        state: replay(written),
        version: 3,
      })
    })

    it.each([-1, 2.5, Number.NaN])('rejects version %s with InvalidOptionError', async (version) => {
      const cart = cartFixture({ snapshotEvery: 100 })
      await expect(cart.repository.load(cart.cartId, { version })).rejects.toBeInstanceOf(InvalidOptionError)
    })
  })
})
