import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AMQP_HEADERS,
  type AmqpMessage,
  type EventEnvelope,
  fromAmqpMessage,
  type IncomingAmqpMessage,
  MessageValidationError,
  toAmqpMessage,
} from '../src/index.ts'
import { envelopeArb, RUNS } from './support/arbitraries.ts'

const event: EventEnvelope = {
  eventId: 'evt-1',
  eventType: 'RideRequested',
  version: 1,
  timestamp: '2024-01-15T10:30:00.123Z',
  correlationId: 'req-1',
  causationId: 'cmd-1',
  data: { rideId: 'ride-1' },
  metadata: { tenant: 'acme' },
}

/** What amqplib hands a consumer: the published options come back as `properties`. */
function delivered(message: AmqpMessage): IncomingAmqpMessage {
  return {
    content: message.content,
    properties: { ...message.options, headers: { ...message.options.headers } },
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

describe('toAmqpMessage', () => {
  it('sends data as the body and the envelope as properties and headers', () => {
    const message = toAmqpMessage(event)
    expect(JSON.parse(message.content.toString('utf8'))).toStrictEqual(event.data)
    expect(message.options).toStrictEqual({
      messageId: 'evt-1',
      type: 'RideRequested',
      correlationId: 'req-1',
      timestamp: 1705314600,
      contentType: 'application/json',
      headers: {
        'x-event-version': 1,
        'x-event-timestamp': '2024-01-15T10:30:00.123Z',
        'x-causation-id': 'cmd-1',
        'x-metadata': '{"tenant":"acme"}',
      },
    })
  })

  it('leaves out x-causation-id for a chain start, and timestamp before 1970', () => {
    const message = toAmqpMessage({ ...event, causationId: null, timestamp: '1969-12-31T23:59:59Z' })
    expect(message.options.headers).not.toHaveProperty(AMQP_HEADERS.causationId)
    expect(message.options).not.toHaveProperty('timestamp')
  })

  it('refuses an invalid event', () => {
    expect(errorOf(() => toAmqpMessage({ ...event, eventType: 'ride requested' })).path).toBe('eventType')
  })
})

describe('fromAmqpMessage', () => {
  it('reads a published message back', () => {
    expect(fromAmqpMessage(delivered(toAmqpMessage(event)))).toStrictEqual(event)
  })

  it('falls back to the whole-second timestamp property when the exact header is missing', () => {
    const message = delivered(toAmqpMessage(event))
    const { [AMQP_HEADERS.timestamp]: _exact, ...headers } = message.properties.headers ?? {}
    const parsed = fromAmqpMessage({ ...message, properties: { ...message.properties, headers } })
    expect(parsed.timestamp).toBe('2024-01-15T10:30:00.000Z')
  })

  it('accepts Buffer headers, a "2.0" version and missing optional headers', () => {
    const message = delivered(toAmqpMessage({ ...event, metadata: {}, causationId: null }))
    const headers = {
      [AMQP_HEADERS.version]: '2.0',
      [AMQP_HEADERS.timestamp]: Buffer.from(event.timestamp),
    }
    const parsed = fromAmqpMessage({ ...message, properties: { ...message.properties, headers } })
    expect(parsed).toStrictEqual({ ...event, version: 2, metadata: {}, causationId: null })
  })

  it.each([
    ['messageId', undefined, 'properties.messageId', /required/],
    ['messageId', '', 'properties.messageId', /empty/],
    ['type', 'ride-requested', 'properties.type', /PascalCase/],
    ['correlationId', 42, 'properties.correlationId', /string/],
    ['timestamp', 1, 'properties.timestamp', /x-event-timestamp/],
    ['timestamp', '1705314600', 'properties.timestamp', /unix seconds/],
    ['contentType', 'text/plain', 'properties.contentType', /application\/json/],
    ['headers', 'x', 'properties.headers', /object/],
  ])('rejects properties.%s = %j', (name, value, path, reason) => {
    const message = delivered(toAmqpMessage(event))
    const error = errorOf(() =>
      fromAmqpMessage({ ...message, properties: { ...message.properties, [name]: value } }),
    )
    expect(error.path).toBe(path)
    expect(error.reason).toMatch(reason)
  })

  it.each([
    [AMQP_HEADERS.version, undefined, /required/],
    [AMQP_HEADERS.version, 'v2', /positive integer/],
    [AMQP_HEADERS.timestamp, 'yesterday', /ISO-8601/],
    [AMQP_HEADERS.causationId, '', /empty/],
    [AMQP_HEADERS.metadata, '{', /not valid JSON/],
    [AMQP_HEADERS.metadata, '[1]', /object/],
  ])('rejects header %s = %j', (name, value, reason) => {
    const message = delivered(toAmqpMessage(event))
    const headers = { ...message.properties.headers, [name]: value }
    const error = errorOf(() =>
      fromAmqpMessage({ ...message, properties: { ...message.properties, headers } }),
    )
    expect(error.path).toBe(`properties.headers.${name}`)
    expect(error.reason).toMatch(reason)
  })

  it('names data problems under content', () => {
    const message = delivered(toAmqpMessage(event))
    expect(errorOf(() => fromAmqpMessage({ ...message, content: Buffer.from('{') })).path).toBe('content')
    expect(errorOf(() => fromAmqpMessage({ ...message, content: Buffer.from([0xc3]) })).reason).toMatch(
      /UTF-8/,
    )
  })

  it('round-trips every valid envelope', () => {
    fc.assert(
      fc.property(envelopeArb, (envelope) => {
        expect(fromAmqpMessage(delivered(toAmqpMessage(envelope)))).toStrictEqual(envelope)
      }),
      RUNS,
    )
  })

  it('anything as a message yields a MessageValidationError', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withTypedArray: true }), (input) => {
        expect(() => fromAmqpMessage(input as IncomingAmqpMessage)).toThrow(MessageValidationError)
        const properties = { messageId: 'm', type: 'T', correlationId: 'c', headers: input }
        expect(() =>
          fromAmqpMessage({ content: Buffer.from('1'), properties } as IncomingAmqpMessage),
        ).toThrow(MessageValidationError)
      }),
      RUNS,
    )
  })
})
