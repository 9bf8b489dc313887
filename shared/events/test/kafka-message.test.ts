import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type EventEnvelope,
  fromKafkaMessage,
  type IncomingKafkaMessage,
  KAFKA_HEADERS,
  MessageValidationError,
  toKafkaMessage,
} from '../src/index.ts'
import { envelopeArb, RUNS } from './support/arbitraries.ts'

const event: EventEnvelope = {
  eventId: 'evt-1',
  eventType: 'OrderPlaced',
  version: 2,
  timestamp: '2024-01-15T10:30:00.000Z',
  correlationId: 'req-1',
  causationId: 'cmd-1',
  data: { orderId: 'order-1' },
  metadata: { tenant: 'acme' },
}

/** What kafkajs hands a consumer: Buffers for the value and every header. */
function asConsumed(message: ReturnType<typeof toKafkaMessage>): IncomingKafkaMessage {
  const headers = Object.fromEntries(
    Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)]),
  )
  return {
    key: message.key === null ? null : Buffer.from(message.key),
    value: Buffer.from(message.value),
    headers,
  }
}

function errorOf(run: () => unknown): MessageValidationError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(MessageValidationError)
    return error as MessageValidationError
  }
  throw new Error('expected a MessageValidationError')
}

describe('toKafkaMessage', () => {
  it('puts the full envelope in the value and the routing facts in headers', () => {
    const message = toKafkaMessage(event, { key: 'order-1' })
    expect(message.key).toBe('order-1')
    expect(JSON.parse(message.value)).toStrictEqual(event)
    expect(message.headers).toStrictEqual({
      'event-id': 'evt-1',
      'event-type': 'OrderPlaced',
      'event-version': '2',
      'correlation-id': 'req-1',
      'causation-id': 'cmd-1',
      'content-type': 'application/json',
    })
  })

  it('has no key by default and no causation-id header for a chain start', () => {
    const message = toKafkaMessage({ ...event, causationId: null })
    expect(message.key).toBeNull()
    expect(message.headers).not.toHaveProperty(KAFKA_HEADERS.causationId)
  })

  it('refuses an invalid event', () => {
    expect(errorOf(() => toKafkaMessage({ ...event, version: 0 })).path).toBe('version')
    expect(errorOf(() => toKafkaMessage({ ...event, data: { n: 1n } })).path).toBe('data.n')
  })
})

describe('fromKafkaMessage', () => {
  it('reads a produced message back, from strings or Buffers', () => {
    const message = toKafkaMessage(event)
    expect(fromKafkaMessage(message)).toStrictEqual(event)
    expect(fromKafkaMessage(asConsumed(message))).toStrictEqual(event)
  })

  it('needs no headers: the value is the truth', () => {
    expect(fromKafkaMessage({ key: null, value: JSON.stringify(event) })).toStrictEqual(event)
  })

  it.each([
    ['event-id', 'evt-2'],
    ['event-type', 'OrderCancelled'],
    ['event-version', '3'],
    ['correlation-id', 'other'],
    ['causation-id', 'other'],
    ['content-type', 'application/avro'],
  ])('rejects a %s header that contradicts the value', (name, value) => {
    const message = toKafkaMessage(event)
    const error = errorOf(() =>
      fromKafkaMessage({ ...message, headers: { ...message.headers, [name]: value } }),
    )
    expect(error.path).toBe(`headers.${name}`)
    expect(error.message).toContain(`headers.${name}`)
  })

  it('rejects a causation-id header when the value has none', () => {
    const message = toKafkaMessage({ ...event, causationId: null })
    const headers = { ...message.headers, 'causation-id': 'cmd-1' }
    expect(errorOf(() => fromKafkaMessage({ ...message, headers })).path).toBe('headers.causation-id')
  })

  it('accepts equivalent header forms', () => {
    const message = toKafkaMessage(event)
    const headers = {
      ...message.headers,
      'event-version': '2.0',
      'content-type': 'application/json; charset=utf-8',
      'event-id': ['evt-1', Buffer.from('evt-1')],
      'correlation-id': [],
      'x-trace': 'ignored',
    }
    expect(fromKafkaMessage({ ...message, headers })).toStrictEqual(event)
  })

  it('rejects a repeated header with different values', () => {
    const message = toKafkaMessage(event)
    const headers = { ...message.headers, 'event-id': ['evt-1', 'evt-2'] }
    expect(errorOf(() => fromKafkaMessage({ ...message, headers })).path).toBe('headers.event-id')
  })

  it('names value paths under value', () => {
    const error = errorOf(() =>
      fromKafkaMessage({ key: null, value: JSON.stringify({ ...event, version: 'v2' }) }),
    )
    expect(error.path).toBe('value.version')
    expect(errorOf(() => fromKafkaMessage({ key: null, value: '[]' })).path).toBe('value')
  })

  it.each([
    [{ key: null, value: null }, 'value', /tombstone/],
    [{ key: null, value: '{' }, 'value', /not valid JSON/],
    [{ key: null, value: Buffer.from([0xff, 0xfe]) }, 'value', /UTF-8/],
    [{ key: null, value: 42 }, 'value', /string or a Buffer/],
    [{ key: null, value: JSON.stringify(event), headers: 'x' }, 'headers', /object/],
    [
      { key: null, value: JSON.stringify(event), headers: { 'event-id': 7 } },
      'headers.event-id',
      /string or a Buffer/,
    ],
    [null, '(root)', /object/],
  ])('rejects a broken record %#', (input, path, reason) => {
    const error = errorOf(() => fromKafkaMessage(input as unknown as IncomingKafkaMessage))
    expect(error.path).toBe(path)
    expect(error.reason).toMatch(reason)
  })

  it('round-trips every valid envelope, produced or consumed', () => {
    fc.assert(
      fc.property(envelopeArb, fc.option(fc.string(), { nil: undefined }), (envelope, key) => {
        const message = toKafkaMessage(envelope, key === undefined ? {} : { key })
        expect(message.key).toBe(key ?? null)
        expect(fromKafkaMessage(message)).toStrictEqual(envelope)
        expect(fromKafkaMessage(asConsumed(message))).toStrictEqual(envelope)
      }),
      RUNS,
    )
  })

  it('anything as a record yields a MessageValidationError', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withTypedArray: true, withMap: true }), (input) => {
        expect(() => fromKafkaMessage(input as IncomingKafkaMessage)).toThrow(MessageValidationError)
        expect(() => fromKafkaMessage({ key: null, value: input } as IncomingKafkaMessage)).toThrow(
          MessageValidationError,
        )
      }),
      RUNS,
    )
  })
})
