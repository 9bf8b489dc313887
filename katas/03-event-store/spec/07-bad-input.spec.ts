import { type EventEnvelope, MessageValidationError } from '@eda/events'
import { describe, expect, it } from 'vitest'
import { type EventStore, InvalidArgumentError } from '#impl'
import { onEveryBackend } from './support/backends.ts'
import { orderIdsOf, rejectionOf, shopEvents } from './support/events.ts'
import { readAllOnceVisible } from './support/holds.ts'

// Every refusal happens before anything is written. Values a type checker would stop are cast:
// a store is called from JavaScript too, and from JSON that nobody type-checked.
const untyped = <T>(value: unknown) => value as T

/** Appends one good event and returns the log, to show later that a refusal changed nothing. */
async function oneEventLog(store: EventStore) {
  await store.appendToStream('order-o-1', [shopEvents('good').orderPlaced('o-1')])
  return readAllOnceVisible(store, 1)
}

async function expectInvalidEvent(store: EventStore, events: unknown[], path: RegExp) {
  const error = await rejectionOf(store.appendToStream('order-o-2', untyped<EventEnvelope[]>(events)))
  expect(error).toBeInstanceOf(MessageValidationError)
  expect((error as MessageValidationError).path).toMatch(path)
}

describe('step 7: bad input is refused before any write', () => {
  onEveryBackend((backend) => {
    it('empty, blank or non-string stream ids: InvalidArgumentError naming streamId', async () => {
      const { store } = await backend.open()
      const before = await oneEventLog(store)
      const event = shopEvents().orderPlaced('o-2')

      for (const streamId of ['', '   ', 42, null, undefined, { id: 'x' }, 'order-\u0000']) {
        const append = await rejectionOf(store.appendToStream(untyped<string>(streamId), [event]))
        expect(append, `append to ${String(streamId)}`).toBeInstanceOf(InvalidArgumentError)
        expect(append).toMatchObject({ argument: 'streamId' })
        await expect(store.readStream(untyped<string>(streamId))).rejects.toBeInstanceOf(InvalidArgumentError)
      }
      expect(await store.readAll()).toEqual(before)
    })

    it('an invalid event (empty type, BigInt, function, cycle, missing id): MessageValidationError naming it', async () => {
      const { store } = await backend.open()
      const before = await oneEventLog(store)
      const shop = shopEvents()
      const cyclic: Record<string, unknown> = { orderId: 'o-2' }
      cyclic.self = cyclic
      const good = () => shop.orderPlaced('o-2')

      await expectInvalidEvent(store, [{ ...good(), eventType: '' }], /^events\.0\.eventType/)
      await expectInvalidEvent(
        store,
        [good(), good(), { ...good(), data: { total: 10n } }],
        /^events\.2\.data/,
      )
      await expectInvalidEvent(store, [{ ...good(), data: { total: () => 10 } }], /^events\.0\.data/)
      await expectInvalidEvent(store, [{ ...good(), data: cyclic }], /^events\.0\.data/)
      await expectInvalidEvent(store, [{ ...good(), eventId: undefined }], /^events\.0\.eventId/)
      await expectInvalidEvent(store, [good(), 'not an event'], /^events\.1/)
      expect(await store.readAll()).toEqual(before)
    })

    it('U+0000 anywhere in an event, which PostgreSQL cannot store: MessageValidationError', async () => {
      const { store } = await backend.open()
      const before = await oneEventLog(store)
      const shop = shopEvents()
      const good = () => shop.orderPlaced('o-2')

      await expectInvalidEvent(store, [{ ...good(), data: { note: 'a\u0000b' } }], /^events\.0\.data\.note/)
      await expectInvalidEvent(store, [good(), { ...good(), data: { 'k\u0000': 1 } }], /^events\.1\.data/)
      await expectInvalidEvent(store, [{ ...good(), metadata: { userId: '\u0000' } }], /^events\.0\.metadata/)
      await expectInvalidEvent(store, [{ ...good(), eventId: 'evt-\u0000' }], /^events\.0\.eventId/)
      expect(await store.readAll()).toEqual(before)
    })

    it('the same eventId twice in one batch: MessageValidationError naming the id', async () => {
      const { store } = await backend.open()
      const before = await oneEventLog(store)
      const shop = shopEvents()
      const placed = shop.orderPlaced('o-2')

      const error = await rejectionOf(
        store.appendToStream('order-o-2', [placed, shop.orderShipped('o-2'), placed]),
      )

      expect(error).toBeInstanceOf(MessageValidationError)
      expect((error as MessageValidationError).path).toMatch(/^events\.2\.eventId/)
      expect((error as Error).message).toContain(placed.eventId)
      expect(await store.readAll()).toEqual(before)
    })

    it('an empty batch, or no array at all: InvalidArgumentError naming events', async () => {
      const { store } = await backend.open()
      const before = await oneEventLog(store)

      for (const events of [[], undefined, shopEvents().orderPlaced('o-2'), 'events']) {
        const error = await rejectionOf(store.appendToStream('order-o-1', untyped<EventEnvelope[]>(events)))
        expect(error).toBeInstanceOf(InvalidArgumentError)
        expect(error).toMatchObject({ argument: 'events' })
      }
      expect(await store.readAll()).toEqual(before)
    })

    it('an expected version that is not a position or a constant (0 included: a new stream is NO_STREAM)', async () => {
      const { store } = await backend.open()
      const before = await oneEventLog(store)
      const event = shopEvents().orderShipped('o-1')

      for (const expectedVersion of [0, -1, 1.5, Number.NaN, '1', 'latest']) {
        const error = await rejectionOf(
          store.appendToStream('order-o-1', [event], { expectedVersion: untyped<number>(expectedVersion) }),
        )
        expect(error, `expectedVersion ${String(expectedVersion)}`).toBeInstanceOf(InvalidArgumentError)
        expect(error).toMatchObject({ argument: 'options.expectedVersion' })
      }
      expect(await store.readAll()).toEqual(before)
    })

    it('negative, zero, fractional or mistyped positions and counts: InvalidArgumentError', async () => {
      const { store } = await backend.open()
      await oneEventLog(store)
      const refused = async (call: Promise<unknown>, argument: string) => {
        const error = await rejectionOf(call)
        expect(error, argument).toBeInstanceOf(InvalidArgumentError)
        expect(error).toMatchObject({ argument })
      }

      for (const from of [0, -1, 1.5, Number.NaN, '1'])
        await refused(store.readStream('order-o-1', { from: untyped<number>(from) }), 'options.from')
      for (const maxCount of [0, -2, 2.5])
        await refused(store.readStream('order-o-1', { maxCount }), 'options.maxCount')
      await refused(
        store.readStream('order-o-1', { direction: untyped<'forwards'>('sideways') }),
        'options.direction',
      )
      for (const after of [-1n, 1, '1'])
        await refused(store.readAll({ after: untyped<bigint>(after) }), 'options.after')
      await refused(store.readAll({ maxCount: 0 }), 'options.maxCount')
      await refused(store.subscribe({ from: { after: -1n }, handler: () => {} }), 'options.from.after')
      await refused(store.subscribe({ batchSize: 0, handler: () => {} }), 'options.batchSize')
    })

    it('hostile stream ids and data are stored and read back as plain data', async () => {
      const { store } = await backend.open()
      const shop = shopEvents()
      const ids = [
        "'; drop table events; --",
        'Robert"); DROP TABLE events;--',
        'ストリーム/🚀/é',
        'back\\slash $1 %s ? :name',
        '%_',
      ]

      for (const id of ids) await store.appendToStream(id, [shop.orderPlaced(id)])

      for (const id of ids) {
        const read = await store.readStream(id)
        expect(read.events.map((e) => e.streamId)).toEqual([id])
        expect(orderIdsOf(read.events)).toEqual([id])
      }
      const all = await readAllOnceVisible(store, ids.length)
      expect(all.map((e) => e.streamId)).toEqual(ids)
      expect(orderIdsOf(await store.readAll({ filter: { streamPrefix: "'; drop" } }))).toEqual([ids[0]])
      // The table is still there and still works.
      await store.appendToStream(ids[0]!, [shop.orderShipped('after')], { expectedVersion: 1 })
      expect((await store.readStream(ids[0]!)).currentVersion).toBe(2)
    })
  })
})
