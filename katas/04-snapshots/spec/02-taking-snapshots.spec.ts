import { describe, expect, it } from 'vitest'
import {
  type CartState,
  cartAggregate,
  InMemoryEventStore,
  InMemorySnapshotStore,
  InvalidOptionError,
  SnapshottingRepository,
} from '#impl'
import { replay } from './support/cart-events.ts'
import { cartFixture } from './support/fixtures.ts'

describe('step 2: taking a snapshot every N events', () => {
  it.each([0, -3, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3'])(
    'rejects snapshotEvery = %j when the repository is created',
    (snapshotEvery) => {
      const create = () =>
        new SnapshottingRepository({
          aggregate: cartAggregate,
          eventStore: new InMemoryEventStore(),
          snapshotStore: new InMemorySnapshotStore(),
          snapshotEvery: snapshotEvery as number,
        })
      expect(create).toThrow(InvalidOptionError)
      expect(create).toThrow(/snapshotEvery/)
    },
  )

  it('appends what the command decided, after the version it loaded', async () => {
    const cart = cartFixture({ snapshotEvery: 100 })
    await cart.repository.execute(cart.cartId, cart.add(2))
    const seen: Array<[CartState, number]> = []
    const result = await cart.repository.execute(cart.cartId, (state, version) => {
      seen.push([state, version])
      return [cart.events.itemAdded(cart.cartId, 'pen', 3, 1.5)]
    })
    const stream = await cart.stream()
    expect(result).toEqual({ version: 3, snapshot: 'not-due' })
    expect(stream.map((e) => e.streamPosition)).toEqual([1, 2, 3])
    expect(seen).toEqual([[replay(stream.slice(0, 2)), 2]])
  })

  it('takes no snapshot before N events, then one at N holding the state of the whole stream', async () => {
    const cart = cartFixture({ snapshotEvery: 3 })
    for (let i = 0; i < 2; i++) {
      expect(await cart.repository.execute(cart.cartId, cart.add(1))).toMatchObject({ snapshot: 'not-due' })
    }
    expect(await cart.snapshotStore.load('Cart', cart.cartId)).toBeUndefined()
    expect(await cart.repository.execute(cart.cartId, cart.add(1))).toEqual({ version: 3, snapshot: 'saved' })
    expect(await cart.snapshotStore.load('Cart', cart.cartId)).toEqual({
      aggregateType: 'Cart',
      aggregateId: cart.cartId,
      version: 3,
      revision: cartAggregate.snapshotRevision,
      state: replay(await cart.stream()),
    })
  })

  it('snapshots when a command jumps over a multiple of N: 2 → 4 events with N = 3', async () => {
    const cart = cartFixture({ snapshotEvery: 3 })
    await cart.repository.execute(cart.cartId, cart.add(2))
    expect(await cart.repository.execute(cart.cartId, cart.add(2))).toEqual({ version: 4, snapshot: 'saved' })
    expect(await cart.snapshotStore.load('Cart', cart.cartId)).toMatchObject({ version: 4 })
  })

  it('counts the events since the last snapshot, not the version modulo N', async () => {
    const cart = cartFixture({ snapshotEvery: 3 })
    const snapshotVersions: Array<number | undefined> = []
    for (const count of [2, 2, 1, 1, 1]) {
      await cart.repository.execute(cart.cartId, cart.add(count))
      snapshotVersions.push((await cart.snapshotStore.load('Cart', cart.cartId))?.version)
    }
    // versions 2, 4 (4 since none: snapshot), 5, 6 (2 since 4: none, though 6 % 3 = 0), 7 (3 since 4)
    expect(snapshotVersions).toEqual([undefined, 4, 4, 4, 7])
  })

  it('appends nothing and snapshots nothing when the command decides nothing', async () => {
    const cart = cartFixture({ snapshotEvery: 1 })
    await cart.seed(2)
    expect(await cart.repository.execute(cart.cartId, () => [])).toEqual({ version: 2, snapshot: 'not-due' })
    expect(await cart.stream()).toHaveLength(2)
    expect(await cart.snapshotStore.load('Cart', cart.cartId)).toBeUndefined()
  })
})
