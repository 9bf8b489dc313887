import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MessageValidationError, parseCommand, parseEvent, parseEventJson, parseQuery } from '../src/index.ts'
import { BAD_FIELD_VALUES, badFieldArb, envelopeArb, RUNS, sharesObjects } from './support/arbitraries.ts'

/** Runs `parse` and says how it ended: parsed, a MessageValidationError, or any other throw. */
function outcomeOf(parse: () => unknown): 'parsed' | 'validation-error' | 'other-error' {
  try {
    parse()
    return 'parsed'
  } catch (error) {
    return error instanceof MessageValidationError ? 'validation-error' : 'other-error'
  }
}

const anythingArb = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
})

describe('parsing, property-based', () => {
  it('every valid envelope parses to a deep-equal copy that shares no object with the input', () => {
    fc.assert(
      fc.property(envelopeArb, (envelope) => {
        const parsed = parseEvent(envelope)
        expect(parsed).toStrictEqual(envelope)
        expect(sharesObjects(parsed, envelope)).toBe(false)
      }),
      RUNS,
    )
  })

  it('every valid envelope round-trips through its JSON text', () => {
    fc.assert(
      fc.property(envelopeArb, (envelope) => {
        expect(parseEventJson(JSON.stringify(envelope))).toStrictEqual(envelope)
      }),
      RUNS,
    )
  })

  it('parsing is idempotent', () => {
    fc.assert(
      fc.property(envelopeArb, (envelope) => {
        const once = parseEvent({ ...envelope, version: String(envelope.version), extra: 'dropped' })
        expect(parseEvent(once)).toStrictEqual(once)
      }),
      RUNS,
    )
  })

  it('anything at all yields a MessageValidationError, never another exception', () => {
    fc.assert(
      fc.property(anythingArb, (input) => {
        expect(outcomeOf(() => parseEvent(input))).toBe('validation-error')
        expect(outcomeOf(() => parseCommand(input))).toBe('validation-error')
        expect(outcomeOf(() => parseQuery(input))).toBe('validation-error')
      }),
      RUNS,
    )
  })

  it('anything placed in any envelope field is parsed or rejected, never thrown otherwise', () => {
    const fieldArb = fc.constantFrom(...Object.keys(BAD_FIELD_VALUES))
    fc.assert(
      fc.property(envelopeArb, fieldArb, anythingArb, (envelope, field, value) => {
        expect(outcomeOf(() => parseEvent({ ...envelope, [field]: value }))).not.toBe('other-error')
      }),
      RUNS,
    )
  })

  it('any text yields a MessageValidationError from parseEventJson', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(outcomeOf(() => parseEventJson(text))).toBe('validation-error')
      }),
      RUNS,
    )
  })

  it('a valid envelope with one field broken is rejected at that field', () => {
    fc.assert(
      fc.property(envelopeArb, badFieldArb, (envelope, [field, bad]) => {
        try {
          parseEvent({ ...envelope, [field]: bad })
        } catch (error) {
          expect(error).toBeInstanceOf(MessageValidationError)
          const { path, issues } = error as MessageValidationError
          expect(path === field || path.startsWith(`${field}.`)).toBe(true)
          expect(issues.length).toBeGreaterThan(0)
          return
        }
        throw new Error(`accepted ${field} = ${String(bad)}`)
      }),
      RUNS,
    )
  })

  it('a valid envelope with one required field missing is rejected at that field', () => {
    const required = ['eventId', 'eventType', 'version', 'timestamp', 'correlationId', 'data'] as const
    fc.assert(
      fc.property(envelopeArb, fc.constantFrom(...required), (envelope, field) => {
        const input: Record<string, unknown> = { ...envelope }
        delete input[field]
        try {
          parseEvent(input)
        } catch (error) {
          expect(error).toBeInstanceOf(MessageValidationError)
          expect((error as MessageValidationError).path).toBe(field)
          expect((error as MessageValidationError).reason).toBe('is required')
          return
        }
        throw new Error(`accepted an envelope without ${field}`)
      }),
      RUNS,
    )
  })
})
