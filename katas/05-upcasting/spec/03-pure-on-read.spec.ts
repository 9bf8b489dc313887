import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type RecordedEvent, type StoredEvent, type Upcaster, UpcasterRegistry } from '#impl'
import { assertProperty } from './support/property.ts'
import { envelopeOf, storedEvent } from './support/stored-events.ts'
import { testSchema, traced } from './support/test-schema.ts'

describe('step 3: upcasting is a pure transformation on read', () => {
  it('leaves the stored event it reads untouched', () => {
    const registry = new UpcasterRegistry(testSchema())
    const stored = storedEvent({ eventType: 'Deposited', version: 1, data: { accountId: 'a', cents: 250 } })
    const before = structuredClone(stored)
    registry.upcast(stored)
    expect(stored).toEqual(before)
  })

  it('gives deep-equal results when the same event is read twice', () => {
    const registry = new UpcasterRegistry(testSchema())
    const stored = storedEvent({ eventType: 'Traced', version: 1, data: { trail: ['stored'] } })
    expect(registry.upcast(stored)).toEqual(registry.upcast(stored))
  })

  it('keeps the envelope: ids, positions, timestamp, correlation, causation and metadata', () => {
    const registry = new UpcasterRegistry(testSchema())
    const stored = storedEvent({ eventType: 'Deposited', version: 1, data: { accountId: 'a', cents: 250 } })
    expect(registry.upcast(stored)).toEqual({
      ...envelopeOf(stored),
      eventType: 'Deposited',
      version: 3,
      data: { accountId: 'a', amount: 2.5, currency: 'USD' },
    })
  })

  it('shows each upcaster the envelope at the version it reads, metadata included', () => {
    const seen: Array<Pick<RecordedEvent, 'eventType' | 'version' | 'metadata' | 'eventId'>> = []
    const spy = (step: Upcaster): Upcaster => ({
      ...step,
      upcast: (data, event) => {
        seen.push({
          eventType: event.eventType,
          version: event.version,
          metadata: event.metadata,
          eventId: event.eventId,
        })
        return step.upcast(data, event)
      },
    })
    const registry = new UpcasterRegistry(testSchema({ upcasters: [...testSchema().upcasters!].map(spy) }))
    const stored = storedEvent({ eventType: 'Traced', version: 2, data: { trail: [] } })
    registry.upcast(stored)
    expect(seen).toEqual([
      { eventType: 'Traced', version: 2, metadata: stored.metadata, eventId: stored.eventId },
      { eventType: 'Traced', version: 3, metadata: stored.metadata, eventId: stored.eventId },
    ])
  })

  it('for any stored data, metadata and version: input untouched, two reads equal, envelope kept', async () => {
    const registry = new UpcasterRegistry(
      testSchema({ upcasters: [1, 2, 3].map(traced), latest: { Traced: 4 } }),
    )
    const stored = fc.record({
      version: fc.option(fc.constantFrom(1, 2, 3, 4, '2.0'), { nil: undefined }),
      trail: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
      extra: fc.json({ maxDepth: 3 }).map((json) => JSON.parse(json) as StoredEvent['data']),
      metadata: fc.dictionary(
        fc.constantFrom('userId', 'tenant', 'traceId'),
        fc.json({ maxDepth: 2 }).map((json) => JSON.parse(json) as StoredEvent['data']),
      ),
    })
    await assertProperty(
      fc.asyncProperty(stored, async ({ version, trail, extra, metadata }) => {
        const event = storedEvent({
          eventType: 'Traced',
          data: { trail, extra },
          metadata,
          ...(version === undefined ? {} : { version }),
        })
        const before = structuredClone(event)
        const first = registry.upcast(event)
        const second = registry.upcast(event)
        expect(event).toEqual(before)
        expect(first).toEqual(second)
        expect(first).toMatchObject({ ...envelopeOf(before), version: 4, data: { extra } })
      }),
    )
  })
})
