import { describe, expect, it } from 'vitest'
import { UnknownEventTypeError, UpcasterRegistry } from '#impl'
import { storedEvent } from './support/stored-events.ts'
import { balances, testSchema } from './support/test-schema.ts'

describe('step 1: an upcaster chain per event type', () => {
  it('reads a stored v1 event as the latest version through every step, in version order', () => {
    const registry = new UpcasterRegistry(testSchema())
    const read = registry.upcast(storedEvent({ eventType: 'Traced', version: 1, data: { trail: [] } }))
    expect(read).toMatchObject({ eventType: 'Traced', version: 4, data: { trail: ['1→2', '2→3', '3→4'] } })
  })

  it('runs only the steps after the stored version: a v2 event goes through 2→3 and 3→4', () => {
    const registry = new UpcasterRegistry(testSchema())
    const read = registry.upcast(storedEvent({ eventType: 'Traced', version: 2, data: { trail: [] } }))
    expect(read).toMatchObject({ version: 4, data: { trail: ['2→3', '3→4'] } })
  })

  it('hands an event already at the latest version over unchanged', () => {
    const registry = new UpcasterRegistry(testSchema())
    const data = { accountId: 'acc-1', amount: 12.5, currency: 'EUR' }
    const read = registry.upcast(storedEvent({ eventType: 'Deposited', version: 3, data }))
    expect(read).toMatchObject({ eventType: 'Deposited', version: 3, data })
  })

  it('reads each type through its own chain', () => {
    const registry = new UpcasterRegistry(testSchema())
    const deposited = registry.upcast(
      storedEvent({ eventType: 'Deposited', version: 1, data: { accountId: 'acc-1', cents: 1999 } }),
    )
    const noted = registry.upcast(storedEvent({ eventType: 'Noted', version: 1, data: { text: 'hi' } }))
    expect(deposited).toMatchObject({
      version: 3,
      data: { accountId: 'acc-1', amount: 19.99, currency: 'USD' },
    })
    expect(noted).toMatchObject({ eventType: 'Noted', version: 1, data: { text: 'hi' } })
  })

  it('reads a row with no version as version 1 (written before versions were recorded)', () => {
    const registry = new UpcasterRegistry(testSchema())
    expect(registry.upcast(storedEvent({ eventType: 'Traced', data: { trail: [] } }))).toMatchObject({
      version: 4,
      data: { trail: ['1→2', '2→3', '3→4'] },
    })
    expect(
      registry.upcast(storedEvent({ eventType: 'Traced', version: null, data: { trail: [] } })),
    ).toMatchObject({ version: 4, data: { trail: ['1→2', '2→3', '3→4'] } })
  })

  it('reads the seed\'s "2.0" as version 2', () => {
    const registry = new UpcasterRegistry(testSchema())
    const read = registry.upcast(storedEvent({ eventType: 'Traced', version: '2.0', data: { trail: [] } }))
    expect(read).toMatchObject({ version: 4, data: { trail: ['2→3', '3→4'] } })
  })

  it('folds a stream mixing versions to the same state as one written at the latest version', () => {
    const registry = new UpcasterRegistry(testSchema())
    const mixed = [
      storedEvent({ eventType: 'Deposited', version: 1, data: { accountId: 'acc-1', cents: 1050 } }),
      storedEvent({
        eventType: 'Deposited',
        version: 3,
        data: { accountId: 'acc-1', amount: 5, currency: 'USD' },
      }),
      storedEvent({ eventType: 'Deposited', version: 2, data: { accountId: 'acc-1', amount: 2.25 } }),
      storedEvent({ eventType: 'Deposited', data: { accountId: 'acc-1', cents: 100 } }),
    ]
    const current = [
      { amount: 10.5, currency: 'USD' },
      { amount: 5, currency: 'USD' },
      { amount: 2.25, currency: 'USD' },
      { amount: 1, currency: 'USD' },
    ].map((d) => storedEvent({ eventType: 'Deposited', version: 3, data: { accountId: 'acc-1', ...d } }))
    const fold = (events: typeof mixed) => balances(events.map((e) => registry.upcast(e)))
    expect(fold(mixed)).toEqual(fold(current))
    expect(fold(mixed)).toEqual({ USD: 18.75 })
  })

  it('tells the version new events are written at, per type', () => {
    const registry = new UpcasterRegistry(testSchema())
    expect(['Deposited', 'Traced', 'Noted'].map((t) => registry.latestVersion(t))).toEqual([3, 4, 1])
    expect(() => registry.latestVersion('Withdrawn')).toThrow(UnknownEventTypeError)
  })
})
