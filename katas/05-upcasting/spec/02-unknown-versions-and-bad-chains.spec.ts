import { describe, expect, it } from 'vitest'
import {
  UnknownEventTypeError,
  UnknownEventVersionError,
  UpcastError,
  type Upcaster,
  UpcasterRegistrationError,
  UpcasterRegistry,
} from '#impl'
import { storedEvent } from './support/stored-events.ts'
import { depositedV1ToV2, depositedV2ToV3, testSchema, traced } from './support/test-schema.ts'

const catchError = (fn: () => unknown): unknown => {
  try {
    fn()
  } catch (error) {
    return error
  }
  return undefined
}

describe('step 2: what the code cannot read fails loudly, and bad chains fail at registration', () => {
  describe('reading', () => {
    it('refuses a version newer than the code knows, naming the type and both versions', () => {
      const registry = new UpcasterRegistry(testSchema())
      const error = catchError(() =>
        registry.upcast(
          storedEvent({ eventType: 'Deposited', version: 4, data: { accountId: 'a', amount: 1 } }),
        ),
      )
      expect(error).toBeInstanceOf(UnknownEventVersionError)
      expect(error).toMatchObject({ eventType: 'Deposited', version: 4, latest: 3 })
      expect((error as Error).message).toMatch(/Deposited.*4.*3/)
    })

    it.each([['2.1'], [0], [-1], ['two'], [1.5]])(
      'refuses a stored version that is not one: %j',
      (version) => {
        const registry = new UpcasterRegistry(testSchema())
        const error = catchError(() =>
          registry.upcast(storedEvent({ eventType: 'Traced', version, data: { trail: [] } })),
        )
        expect(error).toBeInstanceOf(UnknownEventVersionError)
        expect(error).toMatchObject({ eventType: 'Traced', version, latest: 4 })
      },
    )

    it('refuses an event type it does not know, naming it', () => {
      const registry = new UpcasterRegistry(testSchema())
      const error = catchError(() =>
        registry.upcast(storedEvent({ eventType: 'Withdrawn', version: 1, data: {} })),
      )
      expect(error).toBeInstanceOf(UnknownEventTypeError)
      expect(error).toMatchObject({ eventType: 'Withdrawn' })
      expect((error as Error).message).toContain('Withdrawn')
    })

    it('wraps a failing upcaster in UpcastError naming the event and the step, with the cause', () => {
      const boom = new Error('amount is not a number')
      const failing: Upcaster = {
        eventType: 'Deposited',
        fromVersion: 2,
        toVersion: 3,
        upcast: () => {
          throw boom
        },
      }
      const registry = new UpcasterRegistry(
        testSchema({ upcasters: [depositedV1ToV2, failing, ...[1, 2, 3].map(traced)] }),
      )
      const stored = storedEvent({ eventType: 'Deposited', version: 1, data: { accountId: 'a', cents: 5 } })
      const error = catchError(() => registry.upcast(stored))
      expect(error).toBeInstanceOf(UpcastError)
      expect(error).toMatchObject({
        eventId: stored.eventId,
        eventType: 'Deposited',
        fromVersion: 2,
        cause: boom,
      })
    })

    it('refuses an upcaster that turns out to return a promise: upcasting is synchronous', () => {
      const promising: Upcaster = {
        eventType: 'Deposited',
        fromVersion: 2,
        toVersion: 3,
        upcast: (data: object) => Promise.resolve({ ...data, currency: 'USD' }),
      }
      const registry = new UpcasterRegistry(
        testSchema({ upcasters: [depositedV1ToV2, promising, ...[1, 2, 3].map(traced)] }),
      )
      const error = catchError(() =>
        registry.upcast(
          storedEvent({ eventType: 'Deposited', version: 2, data: { accountId: 'a', amount: 1 } }),
        ),
      )
      expect(error).toBeInstanceOf(UpcastError)
      expect(error).toMatchObject({ fromVersion: 2 })
    })
  })

  describe('registering', () => {
    const rejects = (schema: Parameters<typeof testSchema>[0], eventType: string, reason: RegExp) => {
      const error = catchError(() => new UpcasterRegistry(testSchema(schema)))
      expect(error).toBeInstanceOf(UpcasterRegistrationError)
      expect(error).toMatchObject({ eventType })
      expect((error as UpcasterRegistrationError).reason).toMatch(reason)
    }

    it('accepts a complete schema', () => {
      expect(new UpcasterRegistry(testSchema()).latestVersion('Traced')).toBe(4)
    })

    it('refuses a gap in a chain, naming the missing step', () => {
      rejects({ upcasters: [depositedV1ToV2, depositedV2ToV3, traced(1), traced(3)] }, 'Traced', /2.*3/)
    })

    it('refuses a chain that does not start at version 1 (old rows would be unreadable)', () => {
      rejects({ upcasters: [depositedV2ToV3, ...[1, 2, 3].map(traced)] }, 'Deposited', /1.*2/)
    })

    it('refuses two upcasters for the same step', () => {
      rejects({ upcasters: [...testSchema().upcasters!, { ...traced(2) }] }, 'Traced', /2/)
    })

    it.each([
      ['does not advance', 2, 2],
      ['goes backwards', 2, 1],
      ['skips a version', 1, 3],
    ])('refuses an upcaster that %s (%i → %i)', (_, fromVersion, toVersion) => {
      // The faulty step takes the place of the right one, so every fromVersion is still covered.
      const upcasters = [depositedV1ToV2, depositedV2ToV3, ...[1, 2, 3].map(traced)].map((step) =>
        step.eventType === 'Traced' && step.fromVersion === fromVersion ? { ...step, toVersion } : step,
      )
      rejects({ upcasters }, 'Traced', /./)
    })

    it('refuses an upcaster past the latest version, or for a type the schema does not declare', () => {
      rejects({ upcasters: [...testSchema().upcasters!, traced(4)] }, 'Traced', /4|5|latest/)
      rejects({ upcasters: [{ ...traced(1), eventType: 'Withdrawn' }] }, 'Withdrawn', /./)
    })

    it('refuses an async upcaster', () => {
      const asyncStep: Upcaster = { ...depositedV2ToV3, upcast: async (data: object) => ({ ...data }) }
      rejects({ upcasters: [depositedV1ToV2, asyncStep, ...[1, 2, 3].map(traced)] }, 'Deposited', /sync/)
    })

    it('bounds chains: a chain longer than maxSteps fails', () => {
      rejects({ maxSteps: 2 }, 'Traced', /3.*2|2.*3/)
      expect(new UpcasterRegistry(testSchema({ maxSteps: 3 })).latestVersion('Traced')).toBe(4)
    })

    it('refuses renames that loop, lead nowhere, or rename a current type', () => {
      rejects({ renamed: { Credited: 'Added', Added: 'Credited' } }, 'Credited', /./)
      rejects({ renamed: { Credited: 'Withdrawn' } }, 'Credited', /Withdrawn/)
      rejects({ renamed: { Noted: 'Deposited' } }, 'Noted', /./)
    })
  })
})
