import { uniqueName } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import type { Snapshot, SnapshotStore } from '#impl'

const cartState = (itemCount: number) => ({
  cartId: 'c-1',
  lines: [{ sku: 'book-1', quantity: itemCount, unitPrice: 9.99 }],
  itemCount,
  total: Math.round(itemCount * 999) / 100,
})

/** A snapshot of a fresh cart id at `version`, its state telling the versions apart. */
export function cartSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  const version = overrides.version ?? 3
  return {
    aggregateType: 'Cart',
    aggregateId: uniqueName('cart'),
    version,
    revision: 1,
    state: cartState(version),
    ...overrides,
  }
}

/**
 * What every snapshot store promises, whatever holds the snapshots. Called by the in-memory step
 * and by each PostgreSQL step with a factory for a fresh, empty store.
 */
export function describeSnapshotStoreContract(
  title: string,
  newStore: () => SnapshotStore | Promise<SnapshotStore>,
): void {
  describe(title, () => {
    it('has no snapshot for an aggregate it never saw', async () => {
      const store = await newStore()
      expect(await store.load('Cart', uniqueName('cart'))).toBeUndefined()
    })

    it('returns the snapshot it saved: type, id, version, revision and state', async () => {
      const store = await newStore()
      const snapshot = cartSnapshot({ version: 3, revision: 7 })
      await store.save(snapshot)
      expect(await store.load('Cart', snapshot.aggregateId)).toEqual(snapshot)
    })

    it('keeps a state of any JSON shape as it was saved', async () => {
      const store = await newStore()
      const states = [
        [1, 'two', { three: [3] }],
        'just a string',
        { nested: { deeper: { list: [true, false, null], amount: 19.99, unicode: 'Zürich ✓' } } },
      ]
      for (const [i, state] of states.entries()) {
        const snapshot = cartSnapshot({ aggregateId: `json-${i}-${uniqueName('cart')}`, state })
        await store.save(snapshot)
        expect((await store.load('Cart', snapshot.aggregateId))?.state).toEqual(state)
      }
    })

    it('replaces a snapshot with a newer one', async () => {
      const store = await newStore()
      const older = cartSnapshot({ version: 3 })
      const newer = { ...older, version: 6, state: cartState(6) }
      await store.save(older)
      await store.save(newer)
      expect(await store.load('Cart', older.aggregateId)).toEqual(newer)
    })

    it('never replaces a snapshot with an older one (a slow writer arriving late)', async () => {
      const store = await newStore()
      const newer = cartSnapshot({ version: 9 })
      const older = { ...newer, version: 6, state: cartState(6) }
      await store.save(newer)
      await store.save(older)
      expect(await store.load('Cart', newer.aggregateId)).toEqual(newer)
    })

    it('keeps the snapshot it has when another arrives at the same version', async () => {
      const store = await newStore()
      const first = cartSnapshot({ version: 5 })
      await store.save(first)
      await store.save({ ...first, state: cartState(50) })
      expect(await store.load('Cart', first.aggregateId)).toEqual(first)
    })

    it('ends with the newest snapshot when two writers race, in either order', async () => {
      const store = await newStore()
      const a = cartSnapshot({ version: 9 })
      const b = cartSnapshot({ version: 9 })
      await Promise.all([store.save(a), store.save({ ...a, version: 6, state: cartState(6) })])
      await Promise.all([store.save({ ...b, version: 6, state: cartState(6) }), store.save(b)])
      expect(await store.load('Cart', a.aggregateId)).toEqual(a)
      expect(await store.load('Cart', b.aggregateId)).toEqual(b)
    })

    it('keys snapshots by aggregate type and id: no two aggregates share one', async () => {
      const store = await newStore()
      const id = uniqueName('shared-id')
      const cart = cartSnapshot({ aggregateId: id, version: 4 })
      const order = { ...cart, aggregateType: 'Order', version: 2, state: { status: 'placed' } }
      const otherCart = cartSnapshot({ version: 8 })
      await store.save(cart)
      await store.save(order)
      await store.save(otherCart)
      expect(await store.load('Cart', id)).toEqual(cart)
      expect(await store.load('Order', id)).toEqual(order)
      expect(await store.load('Cart', otherCart.aggregateId)).toEqual(otherCart)
      expect(await store.load('Order', otherCart.aggregateId)).toBeUndefined()
    })

    it('hands out copies: changing a saved or a loaded snapshot changes nothing stored', async () => {
      const store = await newStore()
      const snapshot = cartSnapshot({ version: 2 })
      type Mutable = { state: { itemCount: number } }
      const saved = structuredClone(snapshot)
      await store.save(saved)
      ;(saved as unknown as Mutable).state.itemCount = 1_000
      const loaded = await store.load('Cart', snapshot.aggregateId)
      ;(loaded as unknown as Mutable).state.itemCount = 2_000
      expect(await store.load('Cart', snapshot.aggregateId)).toEqual(snapshot)
    })
  })
}
