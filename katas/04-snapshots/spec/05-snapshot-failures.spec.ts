import { Collector, deferred, waitFor } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import { ConcurrencyError, InMemorySnapshotStore, type Snapshot, type SnapshotStore } from '#impl'
import { replay } from './support/cart-events.ts'
import { cartFixture } from './support/fixtures.ts'

describe('step 5: snapshots are a cache, so their failures never fail a command', () => {
  it('commits the command when saving the snapshot fails, and reports the error', async () => {
    const errors = new Collector<unknown>()
    const diskFull = new Error('disk full')
    const snapshots = new InMemorySnapshotStore()
    const failing: SnapshotStore = {
      load: (type, id) => snapshots.load(type, id),
      save: () => Promise.reject(diskFull),
    }
    const cart = cartFixture({ snapshotEvery: 2, snapshotStore: failing, onSnapshotError: errors.push })
    expect(await cart.repository.execute(cart.cartId, cart.add(2))).toEqual({
      version: 2,
      snapshot: 'failed',
    })
    expect(errors.items).toEqual([diskFull])
    const stream = await cart.stream()
    expect(stream).toHaveLength(2)
    expect(await cart.repository.load(cart.cartId)).toEqual({ state: replay(stream), version: 2 })
  })

  it('also survives a snapshot store that throws instead of rejecting', async () => {
    const snapshots = new InMemorySnapshotStore()
    const broken: SnapshotStore = {
      load: (type, id) => snapshots.load(type, id),
      save: () => {
        throw new TypeError('driver bug')
      },
    }
    const cart = cartFixture({ snapshotEvery: 1, snapshotStore: broken })
    expect(await cart.repository.execute(cart.cartId, cart.add(1))).toEqual({
      version: 1,
      snapshot: 'failed',
    })
    expect(await cart.stream()).toHaveLength(1)
  })

  it('writes no snapshot when the append loses a concurrency race', async () => {
    const cart = cartFixture({
      snapshotEvery: 1,
      // Another writer appends between our load and our append.
      wrapEventStore: (store) => ({
        readStream: (streamId, options) => store.readStream(streamId, options),
        appendToStream: async (streamId, events, options) => {
          const theirs = cart.events.itemAdded(cart.cartId, 'their-item')
          await cart.eventStore.appendToStream(streamId, [theirs], options)
          return store.appendToStream(streamId, events, options)
        },
      }),
    })
    await expect(cart.repository.execute(cart.cartId, cart.add(3))).rejects.toBeInstanceOf(ConcurrencyError)
    expect(await cart.snapshotStore.load('Cart', cart.cartId)).toBeUndefined()
    expect((await cart.stream()).map((e) => (e.data as { sku: string }).sku)).toEqual(['their-item'])
  })

  it("keeps the newer snapshot when an older one's save lands late", async () => {
    const snapshots = new InMemorySnapshotStore()
    const firstSave = deferred()
    let saves = 0
    const slowFirstSave: SnapshotStore = {
      load: (type, id) => snapshots.load(type, id),
      save: async (snapshot: Snapshot) => {
        if (++saves === 1) await firstSave.promise
        await snapshots.save(snapshot)
      },
    }
    const cart = cartFixture({ snapshotEvery: 2, snapshotStore: slowFirstSave })
    const slow = cart.repository.execute(cart.cartId, cart.add(2)) // snapshot at 2, held back
    // (`slow` in the race so that a command failing outright fails the test at once)
    await Promise.race([slow, waitFor(() => saves === 1, { what: 'the first snapshot save to start' })])
    await cart.repository.execute(cart.cartId, cart.add(3)) // snapshot at 5, saved at once
    firstSave.resolve()
    await slow
    expect(await snapshots.load('Cart', cart.cartId)).toMatchObject({ version: 5 })
    expect(await cart.repository.load(cart.cartId)).toEqual({
      state: replay(await cart.stream()),
      version: 5,
    })
  })
})
