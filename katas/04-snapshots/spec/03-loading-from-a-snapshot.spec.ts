import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replay } from './support/cart-events.ts'
import { cartFixture } from './support/fixtures.ts'
import { assertProperty } from './support/property.ts'

describe('step 3: loading from the latest snapshot plus the events after it', () => {
  it('replays the whole stream when there is no snapshot', async () => {
    const cart = cartFixture({ snapshotEvery: 100 })
    const written = await cart.seed(7)
    expect(await cart.repository.load(cart.cartId)).toEqual({ state: replay(written), version: 7 })
    expect(cart.counting.readFrom).toEqual([1])
    expect(cart.counting.eventsRead).toBe(7)
  })

  it('reads only the events after the snapshot: counted, not timed', async () => {
    const cart = cartFixture({ snapshotEvery: 100 })
    const written = await cart.seed(12)
    await cart.snapshotAt(10)
    cart.counting.reset()
    const loaded = await cart.repository.load(cart.cartId)
    expect(cart.counting.readFrom).toEqual([11])
    expect(cart.counting.eventsRead).toBe(2)
    expect(loaded.state).toEqual(replay(written))
  })

  it("carries the stream's version, not the snapshot's version nor the tail's length", async () => {
    const cart = cartFixture({ snapshotEvery: 100 })
    await cart.seed(12)
    await cart.snapshotAt(10)
    expect((await cart.repository.load(cart.cartId)).version).toBe(12)
  })

  it('appends the next command right after the loaded version (no false concurrency conflict)', async () => {
    const cart = cartFixture({ snapshotEvery: 100 })
    await cart.seed(12)
    await cart.snapshotAt(10)
    expect(await cart.repository.execute(cart.cartId, cart.add(1))).toMatchObject({ version: 13 })
    expect((await cart.stream()).map((e) => e.streamPosition)).toEqual(
      Array.from({ length: 13 }, (_, i) => i + 1),
    )
  })

  it('takes the state from the snapshot alone when no event came after it', async () => {
    const cart = cartFixture({ snapshotEvery: 100 })
    const written = await cart.seed(10)
    await cart.snapshotAt(10)
    cart.counting.reset()
    expect(await cart.repository.load(cart.cartId)).toEqual({ state: replay(written), version: 10 })
    expect(cart.counting.eventsRead).toBe(0)
  })

  it('loads what its own commands snapshotted, reading fewer than N events', async () => {
    const cart = cartFixture({ snapshotEvery: 5 })
    for (const count of [3, 3, 3, 1, 2]) await cart.repository.execute(cart.cartId, cart.add(count))
    cart.counting.reset()
    const loaded = await cart.repository.load(cart.cartId)
    const stream = await cart.stream()
    // snapshots at 6 and 12: the load reads nothing after 12
    expect(loaded).toEqual({ state: replay(stream), version: 12 })
    expect(cart.counting.readFrom).toEqual([13])
  })

  it('for any events and any N, snapshot + tail equals a full replay, and reads fewer than N events', async () => {
    const line = fc.record({
      remove: fc.boolean(),
      sku: fc.constantFrom('book', 'pen', 'mug'),
      quantity: fc.integer({ min: 1, max: 5 }),
      cents: fc.integer({ min: 1, max: 10_000 }),
    })
    const commands = fc.array(fc.array(line, { maxLength: 4 }), { maxLength: 25 })
    await assertProperty(
      fc.asyncProperty(commands, fc.integer({ min: 1, max: 12 }), async (plan, snapshotEvery) => {
        const cart = cartFixture({ snapshotEvery })
        for (const command of plan) {
          await cart.repository.execute(cart.cartId, () =>
            command.map(({ remove, sku, quantity, cents }) =>
              remove
                ? cart.events.itemRemoved(cart.cartId, sku, quantity)
                : cart.events.itemAdded(cart.cartId, sku, quantity, cents / 100),
            ),
          )
        }
        const stream = await cart.stream()
        cart.counting.reset()
        expect(await cart.repository.load(cart.cartId)).toEqual({
          state: replay(stream),
          version: stream.length,
        })
        expect(cart.counting.eventsRead).toBeLessThan(snapshotEvery)
      }),
    )
  })

  it('keeps loads short on a long stream: 10,000 events, N = 100, a load reads fewer than 100', async () => {
    const cart = cartFixture({ snapshotEvery: 100 })
    await cart.seed(10_000)
    await cart.repository.execute(cart.cartId, cart.add(1)) // 10,001 events since no snapshot: one is taken
    await cart.seed(99)
    cart.counting.reset()
    const loaded = await cart.repository.load(cart.cartId)
    expect(cart.counting.eventsRead).toBe(99)
    expect(loaded).toEqual({ state: replay(await cart.stream()), version: 10_100 })
  })
})
