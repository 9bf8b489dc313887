import { NotImplementedError } from '@eda/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EnvelopeValidationError, parseEnvelope } from '#impl'
import { wireEnvelope } from './support/messages.ts'
import { assertProperty } from './support/property.ts'

/** The EnvelopeValidationError that parsing `input` throws (and a failed expectation if none). */
function rejection(input: unknown): EnvelopeValidationError {
  let error: unknown
  try {
    parseEnvelope(input)
  } catch (e) {
    if (e instanceof NotImplementedError) throw e
    error = e
  }
  expect(error).toBeInstanceOf(EnvelopeValidationError)
  return error as EnvelopeValidationError
}

const withField = (field: string, value: unknown) => ({ ...wireEnvelope(), [field]: value })
const without = (field: string) => {
  const envelope = wireEnvelope()
  delete envelope[field]
  return envelope
}

const ENVELOPE_FIELDS = [
  'causationId',
  'correlationId',
  'data',
  'eventId',
  'eventType',
  'metadata',
  'timestamp',
  'version',
]

describe('step 4: validate an envelope from untrusted JSON', () => {
  it('returns a valid envelope as an equal, fresh object', () => {
    const input = wireEnvelope()
    const envelope = parseEnvelope(input)
    expect(envelope).toStrictEqual(input)
    expect(envelope).not.toBe(input)
    expect(envelope.data).not.toBe(input.data)
  })

  it('keeps the envelope fields only: unknown keys are dropped, not passed along', () => {
    const envelope = parseEnvelope({ ...wireEnvelope(), isAdmin: true, password: 'hunter2' })
    expect(Object.keys(envelope).sort()).toEqual(ENVELOPE_FIELDS)
  })

  it('is not affected by later changes to the input', () => {
    const input = wireEnvelope()
    const envelope = parseEnvelope(input)
    ;(input.data as { items: Array<{ quantity: number }> }).items[0]!.quantity = 1000
    input.eventType = 'OrderCancelled'
    expect(envelope.eventType).toBe('OrderPlaced')
    expect(envelope.data).toEqual(wireEnvelope().data)
  })

  it('defaults a missing causationId to null and missing metadata to {}', () => {
    const input = wireEnvelope()
    delete input.causationId
    delete input.metadata
    expect(parseEnvelope(input)).toMatchObject({ causationId: null, metadata: {} })
  })

  it('accepts null data and a null causationId', () => {
    expect(parseEnvelope({ ...wireEnvelope(), data: null, causationId: null })).toMatchObject({
      data: null,
      causationId: null,
    })
  })

  it.each([
    [2, 2],
    ['2', 2],
    ['2.0', 2],
    [1, 1],
  ])('reads the version %j as %j', (version, expected) => {
    expect(parseEnvelope(withField('version', version)).version).toBe(expected)
  })

  it.each([0, -1, 1.5, '2.1', '02', 'v2', '', ' 2', 2 ** 53, Number.NaN, null, true, [2]])(
    'rejects the version %j at "version"',
    (version) => {
      expect(rejection(withField('version', version)).path).toBe('version')
    },
  )

  it.each([
    '2024-01-15T10:30:00Z',
    '2024-01-15T10:30:00.123Z',
    '2024-01-15T10:30:00.123456789Z',
    '2024-02-29T23:59:59Z',
  ])('accepts the timestamp %j, as it was written', (timestamp) => {
    expect(parseEnvelope(withField('timestamp', timestamp)).timestamp).toBe(timestamp)
  })

  it.each([
    ['2024-01-15', 'a date without a time'],
    ['2024-01-15T10:30:00', 'no zone: local time of which machine?'],
    ['2024-01-15T11:30:00+01:00', 'an offset: envelopes are written in UTC'],
    ['2024-01-15 10:30:00Z', 'a space instead of T'],
    ['Mon, 15 Jan 2024 10:30:00 GMT', 'not ISO-8601'],
    ['2023-02-29T10:30:00Z', 'no 29 February in 2023'],
    ['2024-04-31T10:30:00Z', 'no 31 April'],
    ['2024-13-01T10:30:00Z', 'no month 13'],
    ['2024-01-15T24:00:00Z', 'no hour 24'],
    [1705314600000, 'a number'],
  ])('rejects the timestamp %j at "timestamp" (%s)', (timestamp, _why) => {
    expect(rejection(withField('timestamp', timestamp)).path).toBe('timestamp')
  })

  it.each(['eventId', 'eventType', 'version', 'timestamp', 'correlationId', 'data'])(
    'requires %s, and says so',
    (field) => {
      const error = rejection(without(field))
      expect(error).toMatchObject({ path: field })
      expect(error.reason).toMatch(/required/)
      expect(error.message).toContain(field)
    },
  )

  it.each([
    ['eventId', ''],
    ['eventId', 42],
    ['correlationId', ''],
    ['correlationId', null],
    ['causationId', ''],
    ['causationId', 7],
    ['eventType', 'order.placed'],
    ['eventType', 'orderPlaced'],
    ['eventType', ['OrderPlaced']],
    ['metadata', 'tenant=acme'],
    ['metadata', [1]],
    ['metadata', null],
  ])('rejects %s = %j at that field', (field, value) => {
    expect(rejection(withField(field, value)).path).toBe(field)
  })

  it('checks that eventType is PascalCase, not its tense: a consumer does not reject another team’s naming', () => {
    expect(parseEnvelope(withField('eventType', 'PlaceOrder')).eventType).toBe('PlaceOrder')
  })

  it('reports every bad field, the first one in the message', () => {
    const error = rejection({ ...wireEnvelope(), eventId: '', version: 0, timestamp: 'yesterday' })
    expect(error.issues.map((issue) => issue.path)).toEqual(['eventId', 'version', 'timestamp'])
    expect(error.path).toBe('eventId')
    expect(error.message).toContain('eventId')
  })

  it.each([
    ['NaN', { total: Number.NaN }, 'data.total'],
    ['Infinity', { total: Number.POSITIVE_INFINITY }, 'data.total'],
    ['a function', { items: [{ sku: () => 'book-1' }] }, 'data.items.0.sku'],
    ['undefined', { note: undefined }, 'data.note'],
    ['a BigInt', { amount: 10n }, 'data.amount'],
    ['a Date', { placedAt: new Date('2024-01-15T10:30:00Z') }, 'data.placedAt'],
    ['a Map', { tags: new Map([['a', 1]]) }, 'data.tags'],
    ['a symbol', { id: Symbol('order') }, 'data.id'],
    // biome-ignore lint/suspicious/noSparseArray: a sparse array is the point of this case
    ['a hole in an array', { items: [1, , 3] }, 'data.items.1'],
    [
      'a class instance',
      { nested: { deeper: { value: new (class Money {})() } } },
      'data.nested.deeper.value',
    ],
  ])('rejects data holding %s, naming the path %s', (_, data, path) => {
    expect(rejection(withField('data', data)).path).toBe(path)
  })

  it('rejects a cycle in data', () => {
    const data: Record<string, unknown> = { orderId: 'order-123' }
    data.self = data
    expect(rejection(withField('data', data)).path).toMatch(/^data/)
  })

  it('accepts the same object twice in data when it is not a cycle', () => {
    const address = { city: 'Lyon' }
    expect(parseEnvelope(withField('data', { billing: address, shipping: address })).data).toEqual({
      billing: { city: 'Lyon' },
      shipping: { city: 'Lyon' },
    })
  })

  it('rejects non-JSON values in metadata too, naming the path', () => {
    expect(rejection(withField('metadata', { traceId: () => 'x' })).path).toBe('metadata.traceId')
  })

  it.each([
    null,
    undefined,
    42,
    'text',
    [],
    [wireEnvelope()],
    () => wireEnvelope(),
    JSON.stringify(wireEnvelope()),
  ])('rejects %j at (root)', (input) => {
    expect(rejection(input).path).toBe('(root)')
  })

  describe('hostile input', () => {
    it('survives data nested 100 000 levels deep (JSON.parse accepts it)', () => {
      const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)
      rejection(withField('data', deep))
    })

    it('reads own properties only: a polluted Object.prototype cannot fill a missing field', () => {
      const input = wireEnvelope()
      delete input.causationId
      delete input.metadata
      const prototype = Object.prototype as Record<string, unknown>
      prototype.causationId = 'forged-cause'
      prototype.metadata = { role: 'admin' }
      prototype.injected = 'yes'
      try {
        const envelope = parseEnvelope(input)
        expect(envelope.causationId).toBeNull()
        expect(Object.hasOwn(envelope.metadata, 'role')).toBe(false)
        expect(Object.keys(envelope.data as object)).not.toContain('injected')
      } finally {
        delete prototype.causationId
        delete prototype.metadata
        delete prototype.injected
      }
    })

    it('keeps a "__proto__" key from JSON as a plain key, without touching any prototype', () => {
      const input = JSON.parse(
        JSON.stringify(wireEnvelope()).replace('"data":{', '"data":{"__proto__":{"isAdmin":true},'),
      )
      const envelope = parseEnvelope(input)
      const data = envelope.data as Record<string, unknown>
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
      expect(data.isAdmin).toBeUndefined()
      expect(Object.hasOwn(data, '__proto__')).toBe(true)
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    })

    it('turns a getter that throws into an EnvelopeValidationError', () => {
      const input = wireEnvelope()
      Object.defineProperty(input, 'eventId', {
        enumerable: true,
        get() {
          throw new Error('boom')
        },
      })
      rejection(input)
    })

    it('validates what it keeps: a value that changes between two reads cannot slip through', () => {
      // A getter answers a valid value first and a function afterwards. Either reject the getter, or
      // read each value once and keep the very value that was checked.
      let reads = 0
      const data = { orderId: 'order-123' }
      Object.defineProperty(data, 'total', { enumerable: true, get: () => (++reads === 1 ? 99.99 : () => 0) })
      let envelope: unknown
      try {
        envelope = parseEnvelope(withField('data', data))
      } catch (error) {
        expect(error).toBeInstanceOf(EnvelopeValidationError)
        return
      }
      expect(envelope).toMatchObject({ data: { orderId: 'order-123', total: 99.99 } })
    })

    it('survives a proxy that throws on every operation', () => {
      const hostile = new Proxy(
        {},
        {
          get: () => {
            throw new Error('get')
          },
          has: () => {
            throw new Error('has')
          },
          ownKeys: () => {
            throw new Error('ownKeys')
          },
          getOwnPropertyDescriptor: () => {
            throw new Error('getOwnPropertyDescriptor')
          },
          getPrototypeOf: () => {
            throw new Error('getPrototypeOf')
          },
        },
      )
      rejection(hostile)
      rejection(withField('data', { inner: hostile }))
    })
  })

  it('round-trips any valid envelope with any JSON data through JSON text', () => {
    assertProperty(
      fc.property(
        fc.record({
          eventId: fc.string({ minLength: 1 }),
          eventType: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,20}$/),
          version: fc.integer({ min: 1, max: 1000 }),
          timestamp: fc
            .date({
              min: new Date('1970-01-01T00:00:00Z'),
              max: new Date('2100-01-01T00:00:00Z'),
              noInvalidDate: true,
            })
            .map((d) => d.toISOString()),
          correlationId: fc.string({ minLength: 1 }),
          causationId: fc.option(fc.string({ minLength: 1 }), { nil: null }),
          data: fc.jsonValue(),
          metadata: fc.dictionary(fc.string(), fc.jsonValue()),
        }),
        (envelope) => {
          const wire = JSON.parse(JSON.stringify(envelope))
          expect(parseEnvelope(wire)).toStrictEqual(wire)
        },
      ),
    )
  })

  it('names the field when any one field of a valid envelope is replaced by a bad value', () => {
    const bad: Record<string, fc.Arbitrary<unknown>> = {
      eventId: fc.constantFrom('', 0, null, false, {}, []),
      eventType: fc.constantFrom('', 'order_placed', 'orderPlaced', 1, null),
      version: fc.oneof(fc.integer({ max: 0 }), fc.constantFrom(1.5, '1.5', 'one', null, {})),
      timestamp: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toString()),
        fc.constantFrom('', 0, '2024-01-15', null),
      ),
      correlationId: fc.constantFrom('', 0, null, []),
      causationId: fc.constantFrom('', 0, false, {}),
      metadata: fc.constantFrom('x', 1, [], null),
    }
    assertProperty(
      fc.property(
        fc.constantFrom(...Object.keys(bad)).chain((field) => fc.tuple(fc.constant(field), bad[field]!)),
        ([field, value]) => {
          const error = rejection(withField(field, value))
          expect(error.issues.map((issue) => issue.path)).toEqual([field])
        },
      ),
    )
  })
})
