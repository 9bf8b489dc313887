import { describe, expect, it } from 'vitest'
import { MessageValidationError, parseEvent, parseEventJson, ROOT_PATH } from '../src/index.ts'

const valid = {
  eventId: 'evt-1',
  eventType: 'OrderPlaced',
  version: 1,
  timestamp: '2024-01-15T10:30:00.000Z',
  correlationId: 'req-12345',
  causationId: 'cmd-67890',
  data: { orderId: 'order-123', total: 99.99 },
  metadata: { tenant: 'acme' },
}

function errorOf(run: () => unknown): MessageValidationError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(MessageValidationError)
    return error as MessageValidationError
  }
  throw new Error('expected a MessageValidationError, but nothing was thrown')
}

describe('parseEvent', () => {
  it('returns a valid envelope unchanged, as a fresh object', () => {
    const parsed = parseEvent(valid)
    expect(parsed).toStrictEqual(valid)
    expect(parsed).not.toBe(valid)
    expect(parsed.data).not.toBe(valid.data)
    expect(parsed.metadata).not.toBe(valid.metadata)
  })

  it('parses the seed example, reading version "2.0" as 2', () => {
    // The seed's "Event Design Best Practices" example, completed with the eventId and timestamp
    // of its "Event Structure" example: an envelope needs both.
    const seed = {
      eventId: 'uuid',
      timestamp: '2024-01-15T10:30:00Z',
      eventType: 'OrderPlaced',
      version: '2.0',
      correlationId: 'req-12345',
      causationId: 'cmd-67890',
      data: {
        orderId: 'order-123',
        items: [{ sku: 'sku-1', quantity: 1, unitPrice: 99.99 }],
        customerId: 'cust-456',
        totalAmount: 99.99,
        currency: 'USD',
      },
    }
    const parsed = parseEvent(seed)
    expect(parsed.version).toBe(2)
    expect(parsed.timestamp).toBe('2024-01-15T10:30:00Z')
    expect(parsed.causationId).toBe('cmd-67890')
    expect(parsed.metadata).toStrictEqual({})
  })

  it('rejects the seed example as printed, which has no eventId or timestamp', () => {
    const error = errorOf(() =>
      parseEvent({
        eventType: 'OrderPlaced',
        version: '2.0',
        correlationId: 'req-12345',
        causationId: 'cmd-67890',
        data: {},
      }),
    )
    expect(error.issues.map((issue) => issue.path)).toEqual(['eventId', 'timestamp'])
    expect(error.reason).toBe('is required')
  })

  it.each([
    [1, 1],
    ['1', 1],
    ['2', 2],
    ['2.0', 2],
    ['10.00', 10],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  ])('accepts version %j as %j', (version, expected) => {
    expect(parseEvent({ ...valid, version }).version).toBe(expected)
  })

  it.each([0, -1, 1.5, '2.1', 'v2', '02', '', ' 2', '2.', 2 ** 53, Number.NaN, null, true, [2]])(
    'rejects version %j',
    (version) => {
      const error = errorOf(() => parseEvent({ ...valid, version }))
      expect(error.path).toBe('version')
      expect(error.reason).toMatch(/positive integer/)
    },
  )

  it.each([
    '2024-01-15T10:30:00Z',
    '2024-01-15T10:30:00.1Z',
    '2024-02-29T23:59:59.999999999Z',
    '0001-01-01T00:00:00Z',
  ])('accepts timestamp %s and keeps it verbatim', (timestamp) => {
    expect(parseEvent({ ...valid, timestamp }).timestamp).toBe(timestamp)
  })

  it.each([
    '2024-02-30T10:30:00Z',
    '2023-02-29T10:30:00Z',
    '2024-01-15T10:60:00Z',
    '2024-01-15T10:30:60Z',
    '2024-01-15T10:30:00z',
    '2024-01-15 10:30:00Z',
    '2024-01-15T10:30:00+00:00',
    '2024-01-15T10:30:00.Z',
  ])('rejects timestamp %s', (timestamp) => {
    const error = errorOf(() => parseEvent({ ...valid, timestamp }))
    expect(error.path).toBe('timestamp')
    expect(error.message).toContain('at timestamp')
  })

  it('defaults a missing causationId to null and missing metadata to {}', () => {
    const { causationId: _c, metadata: _m, ...rest } = valid
    const parsed = parseEvent(rest)
    expect(parsed.causationId).toBeNull()
    expect(parsed.metadata).toStrictEqual({})
  })

  it('requires data, but accepts null data', () => {
    const { data: _d, ...rest } = valid
    expect(errorOf(() => parseEvent(rest)).path).toBe('data')
    expect(parseEvent({ ...valid, data: null }).data).toBeNull()
  })

  it('drops keys that are not envelope fields', () => {
    const parsed = parseEvent({ ...valid, extra: 1, password: 'secret' })
    expect(Object.keys(parsed)).toEqual([
      'eventId',
      'eventType',
      'version',
      'timestamp',
      'correlationId',
      'causationId',
      'data',
      'metadata',
    ])
  })

  it('reads own properties only, so prototype pollution cannot fill fields', () => {
    const inherited = Object.create({ eventId: 'from-prototype' }) as Record<string, unknown>
    Object.assign(inherited, { ...valid, eventId: undefined })
    delete inherited.eventId
    expect(errorOf(() => parseEvent(inherited)).path).toBe('eventId')
  })

  it('names a nested data path and the reason in the message', () => {
    const error = errorOf(() => parseEvent({ ...valid, data: { items: [{ sku: 'a', price: 1n }] } }))
    expect(error.path).toBe('data.items.0.price')
    expect(error.reason).toMatch(/BigInt/)
    expect(error.message).toBe(`Invalid event at data.items.0.price: ${error.reason}`)
  })

  it('reports every issue, first field first', () => {
    const error = errorOf(() => parseEvent({ ...valid, metadata: [], eventId: '', version: 0 }))
    expect(error.issues.map((issue) => issue.path)).toEqual(['eventId', 'version', 'metadata'])
    expect(error.path).toBe('eventId')
    expect(error.message).toMatch(/\(and 2 more issues\)$/)
  })

  it.each([undefined, null, 42, 'text', [], [valid], () => valid, 1n, Symbol('x')])(
    'rejects %s at the root',
    (input) => {
      const error = errorOf(() => parseEvent(input))
      expect(error.path).toBe(ROOT_PATH)
      expect(error.reason).toMatch(/must be an object/)
    },
  )

  it('rejects a cycle in data', () => {
    const data: Record<string, unknown> = { a: { b: {} } }
    ;(data.a as Record<string, unknown>).self = data
    const error = errorOf(() => parseEvent({ ...valid, data }))
    expect(error.path).toBe('data.a.self')
    expect(error.reason).toMatch(/cycle/)
  })

  it('accepts the same object twice in data when it is not a cycle', () => {
    const shared = { x: 1 }
    const parsed = parseEvent({ ...valid, data: { a: shared, b: shared } })
    expect(parsed.data).toStrictEqual({ a: { x: 1 }, b: { x: 1 } })
  })

  it('rejects class instances, Dates and Maps in data', () => {
    class Money {
      amount = 1
    }
    expect(errorOf(() => parseEvent({ ...valid, data: new Money() })).reason).toMatch(/Money/)
    expect(errorOf(() => parseEvent({ ...valid, data: { at: new Date() } })).reason).toMatch(/ISO-8601/)
    expect(errorOf(() => parseEvent({ ...valid, data: new Map() })).path).toBe('data')
  })

  it('rejects data nested deeper than the limit', () => {
    let deep: unknown = 1
    for (let i = 0; i < 10_000; i++) deep = [deep]
    expect(errorOf(() => parseEvent({ ...valid, data: deep })).reason).toMatch(/nested more than/)
  })

  it('turns throwing getters into validation errors', () => {
    const input = { ...valid }
    Object.defineProperty(input, 'eventType', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    expect(errorOf(() => parseEvent(input)).path).toBe('eventType')
    const data = {}
    Object.defineProperty(data, 'x', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    const error = errorOf(() => parseEvent({ ...valid, data }))
    expect(error.path).toBe('data.x')
    expect(error.reason).toContain('boom')
  })

  it('survives proxies that throw on every operation', () => {
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
          throw new Error('descriptor')
        },
        getPrototypeOf: () => {
          throw new Error('prototype')
        },
      },
    )
    expect(errorOf(() => parseEvent(hostile))).toBeInstanceOf(MessageValidationError)
    expect(errorOf(() => parseEvent({ ...valid, data: hostile })).path).toBe('data')
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(errorOf(() => parseEvent(proxy))).toBeInstanceOf(MessageValidationError)
    expect(errorOf(() => parseEvent({ ...valid, metadata: proxy })).path).toBe('metadata')
  })

  it('survives a thrown value that itself throws when inspected', () => {
    const data = {}
    Object.defineProperty(data, 'x', {
      enumerable: true,
      get() {
        throw new Proxy(
          {},
          {
            getPrototypeOf: () => {
              throw new Error('nope')
            },
          },
        )
      },
    })
    expect(errorOf(() => parseEvent({ ...valid, data })).path).toBe('data.x')
  })

  it('keeps an own __proto__ key as data without touching prototypes', () => {
    const input = JSON.parse(
      `{"eventId":"e","eventType":"Polluted","version":1,"timestamp":"2024-01-15T10:30:00Z","correlationId":"c",` +
        `"data":{"__proto__":{"admin":true}},"metadata":{"__proto__":{"admin":true}}}`,
    ) as unknown
    const parsed = parseEvent(input)
    const data = parsed.data as Record<string, unknown>
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
    expect(Object.keys(data)).toEqual(['__proto__'])
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toStrictEqual({ admin: true })
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    expect(JSON.stringify(parsed.metadata)).toBe('{"__proto__":{"admin":true}}')
  })

  it('handles huge strings without trouble', () => {
    const huge = 'x'.repeat(5_000_000)
    expect(parseEvent({ ...valid, eventId: huge }).eventId).toHaveLength(5_000_000)
    const error = errorOf(() => parseEvent({ ...valid, eventType: huge.toLowerCase() }))
    expect(error.path).toBe('eventType')
    expect(error.message.length).toBeLessThan(500)
    expect(errorOf(() => parseEvent({ ...valid, timestamp: huge })).path).toBe('timestamp')
  })

  it('normalises -0 to 0, as JSON would', () => {
    expect(Object.is((parseEvent({ ...valid, data: { n: -0 } }).data as { n: number }).n, 0)).toBe(true)
  })

  it('later changes to the input do not reach the parsed event', () => {
    const input = structuredClone(valid)
    const parsed = parseEvent(input)
    input.data.orderId = 'changed'
    input.metadata.tenant = 'changed'
    expect(parsed).toStrictEqual(valid)
  })
})

describe('parseEventJson', () => {
  it('parses envelope JSON text', () => {
    expect(parseEventJson(JSON.stringify(valid))).toStrictEqual(valid)
  })

  it('reports bad JSON at the root', () => {
    const error = errorOf(() => parseEventJson('{"eventId": '))
    expect(error.path).toBe(ROOT_PATH)
    expect(error.reason).toMatch(/not valid JSON/)
  })

  it('reports a non-string at the root', () => {
    expect(errorOf(() => parseEventJson(42 as unknown as string)).reason).toMatch(/JSON text/)
  })

  it('reports envelope errors by field', () => {
    expect(errorOf(() => parseEventJson(JSON.stringify({ ...valid, version: 'v2' }))).path).toBe('version')
  })
})
